/** RoomId of the bench room: an ended Tencent LCIC room with enough members for `Limit: 100`. */
export const BENCH_ROOM_ID = 990_001;

/** Member records of the bench room (≥ 100 present, so one page of 100 records is full). */
export const BENCH_ROOM_MEMBERS = 150;

/**
 * The bench room as `engine.rooms.add` takes it (mocks/tencent/room-spec.ts): a one-hour class that
 * ended two hours before `nowMs`, long enough ago that its statistics are ready.
 */
export function benchRoomSpec(nowMs: number) {
  const endTime = Math.floor(nowMs / 1000) - 2 * 3600;
  return {
    roomId: BENCH_ROOM_ID,
    name: "bench room",
    startTime: endTime - 3600,
    endTime,
    memberCount: BENCH_ROOM_MEMBERS,
    absentCount: 10,
  };
}
