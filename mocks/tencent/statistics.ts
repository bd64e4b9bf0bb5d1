import type { DescribeRoomStatisticsResult } from "../../schemas/tencent/describe-room-statistics.js";
import type { MemberCore, RoomMembers } from "./members.js";

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
export function aggregateMembers(members: readonly MemberCore[]): RoomAggregates {
  const events: [number, number][] = [];
  let entered = 0;
  let messages = 0;
  let mics = 0;
  for (const member of members) {
    messages += member.messages;
    mics += member.micCount;
    if (member.absent) continue;
    entered++;
    events.push([member.join, 1], [member.quit, -1]);
  }
  // A quit and a join at the same second do not overlap: process quits first.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let online = 0;
  let peak = 0;
  for (const [, delta] of events) {
    online += delta;
    if (online > peak) peak = online;
  }
  return { PeakMemberNumber: peak, MemberNumber: entered, Total: members.length, MessageCount: messages, MicCount: mics };
}

/**
 * One page of a finished room: records [(Page−1)·Limit, Page·Limit), built on their own; the
 * aggregates read every member's numeric core. A page beyond the end is empty and Total is
 * unchanged. Field order follows the doc's output table.
 */
export function statisticsPage(
  members: RoomMembers,
  room: { realStartTime: number | null; realEndTime: number | null },
  page: number,
  limit: number,
): DescribeRoomStatisticsResult {
  const a = aggregateMembers(Array.from({ length: members.count }, (_, i) => members.core(i)));
  const from = Math.min((page - 1) * limit, members.count);
  const to = Math.min(from + limit, members.count);
  return {
    PeakMemberNumber: a.PeakMemberNumber,
    MemberNumber: a.MemberNumber,
    Total: a.Total,
    MemberRecords: Array.from({ length: to - from }, (_, k) => members.record(from + k)),
    RealStartTime: room.realStartTime,
    RealEndTime: room.realEndTime,
    MessageCount: a.MessageCount,
    MicCount: a.MicCount,
  };
}
