import { tencentEndpoints } from "../../../schemas/tencent/index.js";
import { tencentSources as src } from "../../../schemas/tencent/sources.js";
import type { Behaviour } from "../../core/behaviour.js";
import type { TencentBackend } from "../backend.js";
import { parseDescribeRoomStatistics, tenantOf } from "../parse-request.js";
import type { DescribeRoomStatisticsRequest } from "../../../schemas/tencent/describe-room-statistics.js";

const [endpoint] = tencentEndpoints;
const action = endpoint.action;

/** The seeded large ended class: 1,500 member records (mocks/tencent/seeded-rooms.ts). */
const EXAMPLE_ROOM_ID = 10004;

/**
 * DescribeRoomStatistics: the room's lifecycle at the mock time decides between a page of member
 * statistics and the documented errors (unknown room, not ended, statistics still computing).
 * Tenant = the SecretId of the Authorization, else `anonymous`.
 * https://www.tencentcloud.com/document/api/1168/52791
 */
export const describeRoomStatistics: Behaviour<"tencent.DescribeRoomStatistics", TencentBackend, DescribeRoomStatisticsRequest> = {
  id: endpoint.id,

  parse(request) {
    const parsed = parseDescribeRoomStatistics(request);
    return "error" in parsed ? parsed : { input: parsed.input, tenant: tenantOf(request) };
  },

  resolve(input, ctx) {
    const found = ctx.backend.rooms.statistics(input.RoomId, input.Page, input.Limit);
    switch (found.kind) {
      case "ok":
        return { cacheKey: found.cacheKey, data: found.page };
      case "not-found":
        return { error: { code: "ResourceNotFound.Room" } };
      case "not-ended":
        return { error: { code: "FailedOperation.RoomNotEnd" } };
      case "computing":
        return { error: { code: "ResourceUnavailable.RoomStatistics" } };
    }
  },

  example: () => ({
    method: "POST",
    path: "/",
    headers: { "content-type": "application/json", "x-tc-action": action, "x-tc-version": endpoint.version },
    body: JSON.stringify({ RoomId: EXAMPLE_ROOM_ID, Page: 1, Limit: 100 }),
  }),

  ledger: [
    // Parameters
    {
      vendor: "tencent",
      action,
      rule: "The body is strict: a key other than RoomId, Page, Limit → UnknownParameter with the real message format ``The parameter `X` is not recognized.``",
      fidelity: "documented",
      source: `${src.commonErrors}; message: ${src.unknownParameterMessage}`,
    },
    {
      vendor: "tencent",
      action,
      rule: "RoomId, Page and Limit are required: a missing one → MissingParameter (``The request is missing a required parameter `X`.``); a JSON null counts as missing.",
      fidelity: "documented",
      source: `${src.describeRoomStatistics}; message: ${src.missingParameterMessage}`,
      switch: "none; treating null as missing is assumed (the SDKs strip nulls before sending)",
    },
    {
      vendor: "tencent",
      action,
      rule: "Invalid JSON, a body that is not an object, or a non-integer RoomId/Page/Limit (including numbers sent as strings in JSON) → InvalidParameter.",
      fidelity: "assumed",
      source: "InvalidParameter is the common code for format and type errors; which code LCIC sends for these inputs is not documented.",
    },
    {
      vendor: "tencent",
      action,
      rule: "Limit > 1000 or < 1, Page < 1 and RoomId < 0 → InvalidParameterValue.",
      fidelity: "assumed",
      source:
        "The ranges are documented (Limit max 1000, Page from 1; https://www.tencentcloud.com/document/api/1168/52791), the error is not; InvalidParameterValue is the common code for bad values. Limit ≥ 1 is itself assumed.",
    },
    {
      vendor: "tencent",
      rule: "Problems are reported one at a time in this order: method, action, version, [signature], unknown key, missing field, wrong type, value out of range (fields in the order RoomId, Page, Limit).",
      fidelity: "assumed",
      source: "The vendor does not document its check order; the fake reports the most fundamental problem first.",
    },
    // Rate limit
    {
      vendor: "tencent",
      action,
      rule: "At most 20 requests per second; the 21st in the same second → RequestLimitExceeded with the real message format (``Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.``).",
      fidelity: "documented",
      source: `${src.describeRoomStatistics}; ${src.describeRoomStatisticsZh}; message: ${src.rateLimitMessage}`,
      switch: "rateLimits: false / --no-rate-limits / PUT /__mock/rate-limits",
    },
    {
      vendor: "tencent",
      action,
      rule: "The 20/s budget is per SecretId (from the Authorization Credential; requests without one share the tenant 'anonymous'), counted in fixed one-second windows of the mock clock; the message always reports limit + 1 as the current count.",
      fidelity: "assumed",
      source:
        "The docs do not say whether the limit is per account, key or IP; per key lets independent tests run on one server. The limiter does not count refused calls.",
      switch: "rateLimits option",
    },
    // Room lifecycle
    {
      vendor: "tencent",
      action,
      rule: "A RoomId not in the room registry → ResourceNotFound.Room.",
      fidelity: "documented",
      source: src.describeRoomStatistics,
      switch: "POST/DELETE /__mock/rooms",
    },
    {
      vendor: "tencent",
      action,
      rule: "A room that has not started or is live (by the mock clock) → FailedOperation.RoomNotEnd: statistics can be read only after the room ended.",
      fidelity: "documented",
      source: `${src.describeRoomStatistics}; ${src.nodeSdkClient}`,
    },
    {
      vendor: "tencent",
      action,
      rule: "For statisticsDelaySec (default 300 s) after a room ends → ResourceUnavailable.RoomStatistics, then statistics.",
      fidelity: "assumed",
      source: "The code and its meaning ('Getting room data. Please wait.') are documented; how long the vendor computes is not.",
      switch: "tencent.statisticsDelaySec option",
    },
    {
      vendor: "tencent",
      action,
      rule: "A room that never started is over at its scheduled end (LCIC status 3, expired); after the delay its statistics have RealStartTime and RealEndTime null and every member absent.",
      fidelity: "assumed",
      source:
        "RealStartTime/RealEndTime 'may return null' (https://www.tencentcloud.com/document/api/1168/52791); what the API says for an expired room is not documented.",
    },
    {
      vendor: "tencent",
      rule: "Rooms have a schedule (startTime/endTime) and actual times that default to the schedule; users add rooms through the control API or MSW (rooms.add); the registry holds at most 10,000 rooms of at most 5,000 member records.",
      fidelity: "assumed",
      source:
        "LCIC rooms come from CreateRoom (StartTime/EndTime) and run StartRoom/EndRoom, which the fake does not serve; the bounds keep memory predictable.",
      switch: "POST /__mock/rooms, rooms.add(spec)",
    },
    {
      vendor: "tencent",
      rule: "On start and reset the registry holds seeded rooms relative to the mock clock: 1 ended, 10001 not started, 10002 live, 10003 statistics computing, 10004 ended with 1,500 records, 10005 expired.",
      fidelity: "assumed",
      source: "One room per lifecycle state lets every documented error be reached without setup; RoomId 1 is the doc example's.",
      switch: "tencent.seedRooms option",
    },
    {
      vendor: "tencent",
      rule: "Rooms are shared by all SecretIds (DescribeRoomStatistics has no SdkAppId parameter).",
      fidelity: "assumed",
      source: "The fake has no accounts; rooms belong to the whole server.",
    },
    // Statistics
    {
      vendor: "tencent",
      action,
      rule: "Total counts every member record, including members who should have attended but did not (CurrentState 0, PresentTime 0, zero timestamps).",
      fidelity: "documented",
      source: `${src.describeRoomStatistics} (Total: 'including … members who should attend the class but did not'); ${src.rubyMemberRecord}`,
    },
    {
      vendor: "tencent",
      action,
      rule: "MemberNumber = members who entered; PeakMemberNumber = most members whose [FirstJoin, LastQuit] overlap at one instant (≤ MemberNumber).",
      fidelity: "documented",
      source: `${src.describeRoomStatistics} (meanings); the computation from records is the fake's`,
    },
    {
      vendor: "tencent",
      action,
      rule: "MessageCount = Σ PerMemberMessageCount and MicCount = Σ PerMemberMicCount (mic link-ups of students; teachers are on mic without link-ups).",
      fidelity: "assumed",
      source:
        "MicCount is 'total mic link-ups' (课堂连麦总数) in Chinese and 'mic-on students' in English; summing per-member counts keeps room and member numbers consistent.",
    },
    {
      vendor: "tencent",
      action,
      rule: "Member records are deterministic per (seed, room, member index), so a page is built without the others: one teacher always present, an assistant from 12 members, a supervisor from 30, names from faker's zh_CN lists, IPs, pinyin locations and devices; FirstJoin/LastQuit lie within the real start/end and PresentTime ≤ LastQuit − FirstJoin.",
      fidelity: "assumed",
      source: "Realistic data: the docs give only field meanings; the seeded world draws each member's values.",
      switch: "seed option",
    },
    {
      vendor: "tencent",
      action,
      rule: "Every record carries all 21 MemberRecord fields; Camera/Mic/Silence are 0 or 1; SubGroupId is null unless the room has sub-groups; after the room ends members are offline (2), a few kicked (3) or permanently kicked (4).",
      fidelity: "assumed",
      source: `The field set is documented (${src.nodeSdkModels}); the 0/1 value set and state mix are not.`,
    },
    {
      vendor: "tencent",
      action,
      rule: "Pages are records [(Page−1)·Limit, Page·Limit) in a fixed order (teacher first); a page beyond the end has an empty MemberRecords and the same Total.",
      fidelity: "assumed",
      source: "Page/Limit semantics are documented, the order and the out-of-range behaviour are not.",
    },
  ],
};
