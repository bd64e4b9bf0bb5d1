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
  /** `JSON.stringify` of each record, so a page is serialized by joining strings. */
  recordJson: readonly string[];
  realStartTime: number | null;
  realEndTime: number | null;
}

/** Builds the cacheable statistics of a room from its records. */
export function buildRoomStatistics(records: readonly FullMemberRecord[], realStartTime: number | null, realEndTime: number | null): RoomStatistics {
  return { aggregates: aggregateMembers(records), records, recordJson: records.map((record) => JSON.stringify(record)), realStartTime, realEndTime };
}

/**
 * A statistics page that also carries its own JSON (without the closing brace), so render appends
 * RequestId without re-serializing the records. The private field is invisible to JSON.stringify
 * and to spreading, so the object still reads as a plain result.
 */
class StatisticsPage implements DescribeRoomStatisticsResult {
  PeakMemberNumber: number;
  MemberNumber: number;
  Total: number;
  MemberRecords: FullMemberRecord[];
  RealStartTime: number | null;
  RealEndTime: number | null;
  MessageCount: number;
  MicCount: number;
  readonly #json: string;

  constructor(stats: RoomStatistics, from: number, to: number) {
    const a = stats.aggregates;
    this.PeakMemberNumber = a.PeakMemberNumber;
    this.MemberNumber = a.MemberNumber;
    this.Total = a.Total;
    this.MemberRecords = stats.records.slice(from, to);
    this.RealStartTime = stats.realStartTime;
    this.RealEndTime = stats.realEndTime;
    this.MessageCount = a.MessageCount;
    this.MicCount = a.MicCount;
    this.#json =
      `{"PeakMemberNumber":${a.PeakMemberNumber},"MemberNumber":${a.MemberNumber},"Total":${a.Total},"MemberRecords":[${stats.recordJson.slice(from, to).join(",")}],` +
      `"RealStartTime":${stats.realStartTime},"RealEndTime":${stats.realEndTime},"MessageCount":${a.MessageCount},"MicCount":${a.MicCount}`;
  }

  /** The envelope text with this RequestId. */
  envelope(requestId: string): string {
    return `{"Response":${this.#json},"RequestId":${JSON.stringify(requestId)}}}`;
  }
}

/**
 * One page: records [(Page−1)·Limit, Page·Limit); a page beyond the end is empty and Total is
 * unchanged. Field order follows the doc's output table.
 */
export function statisticsPage(stats: RoomStatistics, page: number, limit: number): DescribeRoomStatisticsResult {
  const from = Math.min((page - 1) * limit, stats.records.length);
  const to = Math.min(from + limit, stats.records.length);
  return new StatisticsPage(stats, from, to);
}

/**
 * `{"Response":{...result,"RequestId":…}}` as text. Uses the pre-serialized records of a page made
 * by `statisticsPage` (same bytes as JSON.stringify, tested), else JSON.stringify.
 */
export function serializeResponse(result: unknown, requestId: string): string {
  if (result instanceof StatisticsPage) return result.envelope(requestId);
  return JSON.stringify({ Response: { ...(result as object), RequestId: requestId } });
}
