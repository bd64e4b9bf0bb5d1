import type { DescribeRoomStatisticsResult } from "../../schemas/tencent/describe-room-statistics.js";
import { fromUtf8, joinBytes, utf8, utf8Pieces } from "../utf8-bytes.js";
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
  /**
   * The UTF-8 of every record's `JSON.stringify`, joined by commas, so a page of records is one
   * contiguous slice (records hold Chinese names: encoding them on every request was the costliest
   * step of a reply). Record i spans [recordStarts[i], recordStarts[i + 1] − 1).
   */
  recordsUtf8: Uint8Array;
  recordStarts: Uint32Array;
  realStartTime: number | null;
  realEndTime: number | null;
}

/** Builds the cacheable statistics of a room from its records. */
export function buildRoomStatistics(
  records: readonly FullMemberRecord[],
  realStartTime: number | null,
  realEndTime: number | null,
): RoomStatistics {
  const encoded = records.map((record) => utf8(JSON.stringify(record)));
  const recordStarts = new Uint32Array(records.length + 1);
  let size = 0;
  for (let i = 0; i < encoded.length; i++) {
    recordStarts[i] = size;
    size += encoded[i]!.length + 1;
  }
  recordStarts[records.length] = size;
  const recordsUtf8 = new Uint8Array(Math.max(size - 1, 0));
  for (let i = 0; i < encoded.length; i++) {
    recordsUtf8.set(encoded[i]!, recordStarts[i]!);
    if (i < encoded.length - 1) recordsUtf8[recordStarts[i + 1]! - 1] = 0x2c; // ","
  }
  return { aggregates: aggregateMembers(records), records, recordsUtf8, recordStarts, realStartTime, realEndTime };
}

/**
 * A statistics page that also knows how to write its own envelope from the room's pre-encoded
 * records, so render adds only the RequestId. The private fields are invisible to JSON.stringify
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
  readonly #records: Uint8Array;

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
    // A view, not a copy: the room's buffer is never written after it is built.
    this.#records = from < to ? stats.recordsUtf8.subarray(stats.recordStarts[from], stats.recordStarts[to]! - 1) : EMPTY;
  }

  /** The envelope's UTF-8 pieces with this RequestId (an ASCII id, as tencentRequestId makes); the records are not copied. */
  envelope(requestId: string): Uint8Array[] {
    const head = `{"Response":{"PeakMemberNumber":${this.PeakMemberNumber},"MemberNumber":${this.MemberNumber},"Total":${this.Total},"MemberRecords":[`;
    const tail =
      `],"RealStartTime":${this.RealStartTime},"RealEndTime":${this.RealEndTime},"MessageCount":${this.MessageCount},"MicCount":${this.MicCount},` +
      `"RequestId":${JSON.stringify(requestId)}}}`;
    return utf8Pieces(head, [this.#records], tail);
  }
}

const EMPTY = new Uint8Array(0);

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
 * The UTF-8 of `{"Response":{...result,"RequestId":…}}`, in pieces. Uses the pre-encoded records of a page made
 * by `statisticsPage` (same bytes as JSON.stringify, tested), else JSON.stringify.
 */
export function responseBytes(result: unknown, requestId: string): Uint8Array[] {
  if (result instanceof StatisticsPage) return result.envelope(requestId);
  return [utf8(JSON.stringify({ Response: { ...(result as object), RequestId: requestId } }))];
}

/** `responseBytes` as text. */
export function serializeResponse(result: unknown, requestId: string): string {
  return fromUtf8(joinBytes(responseBytes(result, requestId)));
}
