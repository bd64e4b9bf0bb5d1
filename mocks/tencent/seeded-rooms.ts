import type { RoomSpec } from "./room-spec.js";

const MINUTE = 60;
const HOUR = 3_600;

/**
 * The rooms every registry starts with (and gets back on reset), one per lifecycle state, laid out
 * around `nowSec` — the mock time at creation or reset. Documented in docs/tencent.md:
 * 1 ended (the doc example's RoomId) · 10001 not started · 10002 live · 10003 ended, statistics
 * still computing · 10004 ended, 1,500 records (pagination) · 10005 expired (never started).
 */
export function seededRoomSpecs(nowSec: number, statisticsDelaySec: number): RoomSpec[] {
  const recentEnd = nowSec - Math.floor(statisticsDelaySec / 2);
  // A clock set near the epoch would put some rooms before 1970, which Unix times cannot express: skip those.
  return seededRooms(nowSec, recentEnd).filter((spec) => spec.startTime >= 0);
}

function seededRooms(nowSec: number, recentEnd: number): RoomSpec[] {
  return [
    {
      roomId: 1,
      name: "Ended class (the doc example's RoomId)",
      startTime: nowSec - 3 * HOUR,
      endTime: nowSec - 2 * HOUR,
      memberCount: 30,
      absentCount: 4,
    },
    { roomId: 10001, name: "Not started yet", startTime: nowSec + HOUR, endTime: nowSec + 2 * HOUR, memberCount: 25, absentCount: 3 },
    { roomId: 10002, name: "Live now", startTime: nowSec - 10 * MINUTE, endTime: nowSec + 50 * MINUTE, memberCount: 40, absentCount: 5 },
    {
      roomId: 10003,
      name: "Just ended, statistics still computing",
      startTime: recentEnd - 45 * MINUTE,
      endTime: recentEnd,
      memberCount: 20,
      absentCount: 2,
    },
    {
      roomId: 10004,
      name: "Large ended class (pagination)",
      startTime: nowSec - 26 * HOUR,
      endTime: nowSec - 24 * HOUR,
      memberCount: 1_500,
      absentCount: 120,
      groupId: "class-2024-07",
      subGroupIds: ["A", "B", "C", "D"],
    },
    {
      roomId: 10005,
      name: "Expired (never started)",
      startTime: nowSec - 5 * HOUR,
      endTime: nowSec - 4 * HOUR,
      realStartTime: null,
      memberCount: 12,
    },
  ];
}
