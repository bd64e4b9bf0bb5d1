/** A room's place in its lifecycle at one instant, from the statistics API's point of view. */
export type RoomState = "not-started" | "live" | "computing" | "ended" | "expired";

/** The times that decide a room's state (Unix seconds). */
export interface RoomTimes {
  startTime: number;
  endTime: number;
  /** Null: the room never starts and expires at `endTime`. */
  realStartTime: number | null;
  /** Null: once started, the room stays live. */
  realEndTime: number | null;
}

/**
 * The state at `nowSec`. Statistics exist only after the room is over ("It can be called only after
 * the room is ended", https://www.tencentcloud.com/document/api/1168/52791) and, assumed, only after
 * `delaySec` more (ResourceUnavailable.RoomStatistics "Getting room data. Please wait." until then).
 * A room that never started is over at its scheduled end (assumed: like LCIC's "expired" status 3).
 */
export function roomStateAt(room: RoomTimes, nowSec: number, delaySec: number): RoomState {
  if (room.realStartTime === null) {
    if (nowSec < room.endTime) return "not-started";
    return nowSec < room.endTime + delaySec ? "computing" : "expired";
  }
  if (nowSec < room.realStartTime) return "not-started";
  if (room.realEndTime === null || nowSec < room.realEndTime) return "live";
  return nowSec < room.realEndTime + delaySec ? "computing" : "ended";
}

/**
 * LCIC's own room `Status` for the same instant: 0 not started, 1 in progress, 2 ended, 3 expired
 * (DescribeRoom, sdk:TencentCloud/tencentcloud-sdk-nodejs lcic_models.d.ts).
 */
export function lcicStatusOf(room: RoomTimes, nowSec: number): 0 | 1 | 2 | 3 {
  const state = roomStateAt(room, nowSec, 0);
  return state === "not-started" ? 0 : state === "live" ? 1 : state === "expired" ? 3 : 2;
}

/** When statistics become (or became) available; null while the room may still run forever. */
export function statisticsAvailableAt(room: RoomTimes, delaySec: number): number | null {
  if (room.realStartTime === null) return room.endTime + delaySec;
  return room.realEndTime === null ? null : room.realEndTime + delaySec;
}
