import type { DescribeRoomStatisticsResult } from "../../schemas/tencent/describe-room-statistics.js";
import type { FullMemberRecord } from "./members.js";

/** Room-wide numbers of DescribeRoomStatistics, derived from the member records. */
export interface RoomAggregates {
  PeakMemberNumber: number;
  MemberNumber: number;
  Total: number;
  MessageCount: number;
  MicCount: number;
}

/**
 * Aggregates consistent with the records: MemberNumber = members who entered (FirstJoin > 0);
 * PeakMemberNumber = most [FirstJoin, LastQuit] intervals overlapping at one instant (≤ MemberNumber);
 * Total = all records including absentees ("members who should attend the class but did not");
 * MessageCount = Σ PerMemberMessageCount; MicCount = Σ PerMemberMicCount (assumed reading of
 * "课堂连麦总数", total mic link-ups). https://www.tencentcloud.com/document/api/1168/52791
 */
export function aggregateMembers(records: readonly FullMemberRecord[]): RoomAggregates {
  const events: [number, number][] = [];
  let entered = 0;
  let messages = 0;
  let mics = 0;
  for (const record of records) {
    messages += record.PerMemberMessageCount;
    mics += record.PerMemberMicCount;
    if (record.FirstJoinTimestamp === 0) continue;
    entered++;
    events.push([record.FirstJoinTimestamp, 1], [record.LastQuitTimestamp, -1]);
  }
  // A quit and a join at the same second do not overlap: process quits first.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let online = 0;
  let peak = 0;
  for (const [, delta] of events) {
    online += delta;
    if (online > peak) peak = online;
  }
  return { PeakMemberNumber: peak, MemberNumber: entered, Total: records.length, MessageCount: messages, MicCount: mics };
}

/** Everything about a finished room that pages are cut from; cached per room. */
export interface RoomStatistics {
  aggregates: RoomAggregates;
  records: readonly FullMemberRecord[];
  realStartTime: number | null;
  realEndTime: number | null;
}

/** Builds the statistics of a room from its records. */
export function buildRoomStatistics(
  records: readonly FullMemberRecord[],
  realStartTime: number | null,
  realEndTime: number | null,
): RoomStatistics {
  return { aggregates: aggregateMembers(records), records, realStartTime, realEndTime };
}

/**
 * One page: records [(Page−1)·Limit, Page·Limit); a page beyond the end is empty and Total is
 * unchanged. Field order follows the doc's output table.
 */
export function statisticsPage(stats: RoomStatistics, page: number, limit: number): DescribeRoomStatisticsResult {
  const from = Math.min((page - 1) * limit, stats.records.length);
  const a = stats.aggregates;
  return {
    PeakMemberNumber: a.PeakMemberNumber,
    MemberNumber: a.MemberNumber,
    Total: a.Total,
    MemberRecords: stats.records.slice(from, from + limit),
    RealStartTime: stats.realStartTime,
    RealEndTime: stats.realEndTime,
    MessageCount: a.MessageCount,
    MicCount: a.MicCount,
  };
}
