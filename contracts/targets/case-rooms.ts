import type { FixtureName, TargetFixtures } from "../case.js";

/**
 * Rooms a fake target creates for the case that needs one, right after its reset, so no case
 * depends on the seeded rooms or on how long the server has been idle (a seeded room whose
 * statistics were pending at start is ended a few minutes later). Room ids far above the seeded
 * ones (10001…, 20001… for added rooms).
 */
export const CASE_ROOM_IDS = { "tencent.endedRoomId": 990_001, "tencent.liveRoomId": 990_002, "tencent.pendingRoomId": 990_003 } as const;

/** A room id no fake target holds. */
export const UNKNOWN_ROOM_ID = 404;

/** The room spec (POST /__mock/rooms) for a case's need at the target clock `nowMs`. */
export function caseRoomSpec(need: FixtureName, nowMs: number): Record<string, unknown> {
  const now = Math.floor(nowMs / 1000);
  const roomId = CASE_ROOM_IDS[need];
  switch (need) {
    // Ended two days ago, statistics long computed; 1,500 records so paging cases have pages.
    case "tencent.endedRoomId":
      return { roomId, startTime: now - 2 * 86_400 - 5_400, endTime: now - 2 * 86_400, memberCount: 1_500 };
    // Started an hour ago and never ends.
    case "tencent.liveRoomId":
      return { roomId, startTime: now - 3_600, endTime: now + 3_600, realEndTime: null };
    // Ended a second ago: statistics are computed for the next minutes (tencent.statisticsDelaySec, 300 s by default).
    case "tencent.pendingRoomId":
      return { roomId, startTime: now - 3_600, endTime: now - 1, memberCount: 20 };
  }
}

/**
 * The fixtures of a fake target: its AppIds, and the case rooms when it creates them (else only
 * the unknown room, so the cases that need a room say so).
 */
export function fakeFixtures(appIds: { volcengine: string; zego: string }, createsRooms: boolean): TargetFixtures {
  const rooms = createsRooms
    ? {
        endedRoomId: CASE_ROOM_IDS["tencent.endedRoomId"],
        liveRoomId: CASE_ROOM_IDS["tencent.liveRoomId"],
        pendingRoomId: CASE_ROOM_IDS["tencent.pendingRoomId"],
      }
    : {};
  return { volcengine: { appId: appIds.volcengine }, zego: { appId: appIds.zego }, tencent: { ...rooms, unknownRoomId: UNKNOWN_ROOM_ID } };
}
