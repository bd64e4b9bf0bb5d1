import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { tencentSources as src } from "../../schemas/tencent/sources.js";
import type { CaseContext, ContractCase } from "../case.js";
import { pick } from "../observed.js";
import { violation, type Violation } from "../violation.js";
import { errorCode, singleCase, success } from "./define-case.js";
import type { EndpointCases } from "./endpoint-cases.js";
import { tencentRequest } from "./requests.js";

/** The ended room of the target; cases that use it declare `needs: "tencent.endedRoomId"`. */
function ended(ctx: CaseContext): number {
  const id = ctx.fixtures.tencent.endedRoomId;
  if (id === undefined) throw new Error("no ended room: the runner should have skipped this case");
  return id;
}

function userIds(json: unknown): string[] {
  const records = pick(json, "Response", "MemberRecords");
  return Array.isArray(records) ? records.map((r) => String(pick(r, "UserId"))) : [];
}

/**
 * DescribeRoomStatistics cases: paging (Limit ≤ 1000, pages do not overlap, Total is stable), the
 * room lifecycle errors (unknown room, not ended, statistics pending) and parameter errors.
 * https://www.tencentcloud.com/document/api/1168/52791
 */
export function tencentDescribeRoomStatisticsCases(endpoint: EndpointDefinition): EndpointCases {
  const maxPage = endpoint.limits.maxPageSize?.value ?? 1000;
  const valid = (ctx: CaseContext) => tencentRequest(endpoint, { RoomId: ended(ctx), Page: 1, Limit: 10 });
  const pagesPartition: ContractCase = {
    id: `${endpoint.id}/pages-do-not-overlap`,
    endpointId: endpoint.id,
    title: "consecutive pages hold different members and agree on Total",
    fidelity: "assumed",
    source: `Page/Limit paging (${src.describeRoomStatistics}); that pages partition the records is ordinary paging, not stated`,
    needs: "tencent.endedRoomId",
    steps: [1, 2].map((page) => ({
      build: (ctx: CaseContext) => tencentRequest(endpoint, { RoomId: ended(ctx), Page: page, Limit: 2 }),
      expect: success,
    })),
    across: (exchanges) => {
      const out: Violation[] = [];
      const [first, second] = exchanges;
      if (first === undefined || second === undefined) return out;
      const totals = exchanges.map((x) => pick(x.response.json, "Response", "Total"));
      if (totals[0] !== totals[1])
        out.push(violation("paging.total", "Response.Total", `Total differs between pages: ${String(totals[0])} vs ${String(totals[1])}`));
      const seen = new Set(userIds(first.response.json));
      const repeated = userIds(second.response.json).filter((id) => seen.has(id));
      if (repeated.length > 0)
        out.push(
          violation("paging.overlap", "Response.MemberRecords", `page 2 repeats members of page 1: ${repeated.slice(0, 3).join(", ")}`),
        );
      return out;
    },
  };
  return {
    endpointId: endpoint.id,
    valid,
    validNeeds: "tencent.endedRoomId",
    cases: [
      singleCase(endpoint, {
        slug: "ended-room-first-page",
        title: "statistics of an ended room, first page",
        fidelity: "documented",
        source: src.describeRoomStatistics,
        needs: "tencent.endedRoomId",
        expect: success,
        build: valid,
      }),
      singleCase(endpoint, {
        slug: "largest-page",
        title: `Limit ${maxPage} (the maximum) is accepted`,
        fidelity: "documented",
        source: `Limit maximum ${maxPage} (${src.describeRoomStatistics})`,
        needs: "tencent.endedRoomId",
        expect: success,
        build: (ctx) => tencentRequest(endpoint, { RoomId: ended(ctx), Page: 1, Limit: maxPage }),
      }),
      pagesPartition,
      singleCase(endpoint, {
        slug: "page-past-the-end",
        title: "a page past the last record is empty but keeps Total",
        fidelity: "assumed",
        source: `ordinary paging over Total (${src.describeRoomStatistics}); not stated`,
        needs: "tencent.endedRoomId",
        expect: success,
        build: (ctx) => tencentRequest(endpoint, { RoomId: ended(ctx), Page: 100_000, Limit: maxPage }),
        checks: [
          (x) => {
            const records = pick(x.response.json, "Response", "MemberRecords");
            return Array.isArray(records) && records.length > 0
              ? [violation("paging.size", "Response.MemberRecords", `page 100000 of Limit ${maxPage} holds ${records.length} records`)]
              : [];
          },
        ],
      }),
      singleCase(endpoint, {
        slug: "limit-above-maximum",
        title: `Limit ${maxPage + 1} is refused`,
        fidelity: "assumed",
        source: `Limit maximum ${maxPage} is documented (${src.describeRoomStatistics}); the code InvalidParameterValue is assumed (${src.commonErrors})`,
        needs: "tencent.endedRoomId",
        expect: errorCode("InvalidParameterValue"),
        build: (ctx) => tencentRequest(endpoint, { RoomId: ended(ctx), Page: 1, Limit: maxPage + 1 }),
      }),
      singleCase(endpoint, {
        slug: "page-zero",
        title: "Page 0 is refused (pages start at 1)",
        fidelity: "assumed",
        source: `pages start at 1 (${src.describeRoomStatistics}); the code InvalidParameterValue is assumed`,
        needs: "tencent.endedRoomId",
        expect: errorCode("InvalidParameterValue"),
        build: (ctx) => tencentRequest(endpoint, { RoomId: ended(ctx), Page: 0, Limit: 10 }),
      }),
      singleCase(endpoint, {
        slug: "missing-limit",
        title: "a body without Limit is refused",
        fidelity: "documented",
        source: `Limit is required (${src.describeRoomStatistics}); MissingParameter (${src.commonErrors})`,
        needs: "tencent.endedRoomId",
        expect: errorCode("MissingParameter"),
        build: (ctx) => tencentRequest(endpoint, { RoomId: ended(ctx), Page: 1 }),
      }),
      singleCase(endpoint, {
        slug: "unknown-parameter",
        title: "a body key the action does not have is refused",
        fidelity: "documented",
        source: `UnknownParameter (${src.commonErrors}; real message ${src.unknownParameterMessage})`,
        needs: "tencent.endedRoomId",
        expect: errorCode("UnknownParameter"),
        build: (ctx) => tencentRequest(endpoint, { RoomId: ended(ctx), Page: 1, Limit: 10, PageSize: 10 }),
      }),
      singleCase(endpoint, {
        slug: "unknown-room",
        title: "a room that does not exist",
        fidelity: "documented",
        source: `ResourceNotFound.Room (${src.describeRoomStatistics})`,
        expect: errorCode("ResourceNotFound.Room"),
        build: (ctx) => tencentRequest(endpoint, { RoomId: ctx.fixtures.tencent.unknownRoomId, Page: 1, Limit: 10 }),
      }),
      singleCase(endpoint, {
        slug: "room-not-ended",
        title: "a live room has no statistics yet",
        fidelity: "documented",
        source: `FailedOperation.RoomNotEnd; "can be called only after the room is ended" (${src.describeRoomStatistics})`,
        needs: "tencent.liveRoomId",
        expect: errorCode("FailedOperation.RoomNotEnd"),
        build: (ctx) => tencentRequest(endpoint, { RoomId: ctx.fixtures.tencent.liveRoomId, Page: 1, Limit: 10 }),
      }),
      singleCase(endpoint, {
        slug: "statistics-pending",
        title: "a room that just ended answers that its statistics are being computed",
        fidelity: "documented",
        source: `ResourceUnavailable.RoomStatistics (${src.describeRoomStatistics}); how long it lasts is not documented`,
        needs: "tencent.pendingRoomId",
        expect: errorCode("ResourceUnavailable.RoomStatistics"),
        build: (ctx) => tencentRequest(endpoint, { RoomId: ctx.fixtures.tencent.pendingRoomId, Page: 1, Limit: 10 }),
      }),
    ],
  };
}
