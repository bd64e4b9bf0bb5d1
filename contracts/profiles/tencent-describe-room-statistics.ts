import { checkAlwaysSent } from "../checks/always-sent.js";
import { epochUnitProblem } from "../checks/plausibility.js";
import { isRecord, pick, type ObservedExchange } from "../observed.js";
import { violation, type Violation } from "../violation.js";
import type { EndpointProfile } from "./endpoint-profile.js";

const ID = "tencent.DescribeRoomStatistics";

function int(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/**
 * Paging: a page holds at most `Limit` records; `Total` counts every record, so it is at least the
 * records seen so far; a page holds exactly min(Limit, Total − (Page − 1) · Limit) records (ordinary
 * paging, assumed). https://www.tencentcloud.com/document/api/1168/52791
 */
export function checkPaging(x: ObservedExchange): Violation[] {
  const response = pick(x.response.json, "Response");
  const records = pick(response, "MemberRecords");
  const total = int(pick(response, "Total"));
  const limit = int(pick(x.request.json, "Limit"));
  const page = int(pick(x.request.json, "Page"));
  if (!Array.isArray(records)) return [];
  const out: Violation[] = [];
  if (limit !== undefined && records.length > limit) {
    out.push(violation("paging.limit", "Response.MemberRecords", `page holds ${records.length} records, more than Limit ${limit}`));
  }
  if (total !== undefined && records.length > total) {
    out.push(violation("paging.total", "Response.Total", `Total ${total} is less than the ${records.length} records on this page`));
  }
  if (total !== undefined && limit !== undefined && page !== undefined && limit > 0 && page >= 1) {
    const before = (page - 1) * limit;
    if (records.length > 0 && total < before + records.length) {
      out.push(
        violation("paging.total", "Response.Total", `Total ${total} is less than the ${before + records.length} records up to this page`),
      );
    }
    const expected = Math.max(0, Math.min(limit, total - before));
    if (records.length !== expected && records.length <= limit) {
      out.push(
        violation(
          "paging.size",
          "Response.MemberRecords",
          `page ${page} of ${total} records at Limit ${limit} should hold ${expected}, holds ${records.length}`,
        ),
      );
    }
  }
  return out;
}

/**
 * Room totals agree: peak concurrent members ≤ accumulated members ≤ all records (which add the
 * expected members who never came); a room where a record shows time present had a peak of at least
 * one (inference); the real start is not after the real end.
 * https://www.tencentcloud.com/document/api/1168/52791
 */
export function checkRoomTotals(x: ObservedExchange): Violation[] {
  const response = pick(x.response.json, "Response");
  if (!isRecord(response)) return [];
  const out: Violation[] = [];
  const peak = int(response.PeakMemberNumber);
  const members = int(response.MemberNumber);
  const total = int(response.Total);
  if (peak !== undefined && members !== undefined && peak > members) {
    out.push(violation("consistency", "Response.PeakMemberNumber", `PeakMemberNumber ${peak} exceeds MemberNumber ${members}`));
  }
  const records = Array.isArray(response.MemberRecords) ? response.MemberRecords : [];
  const present = records.filter((record) => (int(pick(record, "PresentTime")) ?? 0) > 0).length;
  if (peak !== undefined && peak < 1 && present > 0) {
    out.push(
      violation(
        "consistency",
        "Response.PeakMemberNumber",
        `PeakMemberNumber ${peak} although ${present} records on this page show time present`,
      ),
    );
  }
  if (members !== undefined && total !== undefined && members > total) {
    out.push(
      violation(
        "consistency",
        "Response.MemberNumber",
        `MemberNumber ${members} exceeds Total ${total} (Total also counts absent members)`,
      ),
    );
  }
  const start = int(response.RealStartTime);
  const end = int(response.RealEndTime);
  if (start !== undefined && end !== undefined && start > end) {
    out.push(violation("consistency", "Response.RealStartTime", `RealStartTime ${start} is after RealEndTime ${end}`));
  }
  return out;
}

/**
 * Each member record is coherent: first join not after last quit, time present not longer than the
 * room lasted (timestamps in Unix seconds); one record per user (assumed: a record sums a member's
 * whole stay, first join to last quit, so a second one would count the member twice).
 * https://www.tencentcloud.com/document/api/1168/52791
 */
export function checkMemberRecords(x: ObservedExchange): Violation[] {
  const response = pick(x.response.json, "Response");
  const records = pick(response, "MemberRecords");
  if (!Array.isArray(records)) return [];
  const start = int(pick(response, "RealStartTime"));
  const end = int(pick(response, "RealEndTime"));
  const lasted = start !== undefined && end !== undefined && end >= start ? end - start : undefined;
  const out: Violation[] = [];
  const seen = new Map<unknown, number>();
  records.forEach((record, i) => {
    const user = pick(record, "UserId");
    const earlier = seen.get(user);
    if (typeof user === "string" && earlier !== undefined)
      out.push(
        violation(
          "consistency",
          `Response.MemberRecords[${i}].UserId`,
          `UserId ${JSON.stringify(user)} is also record ${earlier}: one record per member`,
        ),
      );
    else seen.set(user, i);
    const join = int(pick(record, "FirstJoinTimestamp"));
    const quit = int(pick(record, "LastQuitTimestamp"));
    const present = int(pick(record, "PresentTime"));
    const path = `Response.MemberRecords[${i}]`;
    if (join !== undefined && quit !== undefined && join > 0 && quit > 0 && join > quit) {
      out.push(violation("consistency", `${path}.FirstJoinTimestamp`, `FirstJoinTimestamp ${join} is after LastQuitTimestamp ${quit}`));
    }
    if (present !== undefined && lasted !== undefined && present > lasted) {
      out.push(violation("consistency", `${path}.PresentTime`, `PresentTime ${present} s is longer than the room lasted (${lasted} s)`));
    }
  });
  return out;
}

/** The MemberRecord fields added after the documented example (15–21 of the SDK models); optional in the schema, always sent. */
export const LATER_MEMBER_FIELDS = ["PerMemberMicCount", "PerMemberMessageCount", "Role", "GroupId", "SubGroupId", "Stage", "CurrentState"];

/** Every record carries the later fields: the SDK models list all 21 and the vendor sends them on every record. */
export function checkLaterMemberFields(x: ObservedExchange): Violation[] {
  const records = pick(x.response.json, "Response", "MemberRecords");
  if (!Array.isArray(records)) return [];
  return checkAlwaysSent(
    records,
    LATER_MEMBER_FIELDS,
    "Response.MemberRecords",
    "the SDK models list it and the vendor sends it on every record",
  );
}

/**
 * Times are Unix seconds (plausibility rule: within five years of the target clock); a room or a
 * member time in milliseconds is a unit change. One violation per field, with the count.
 */
export function checkSecondTimes(x: ObservedExchange): Violation[] {
  const response = pick(x.response.json, "Response");
  if (!isRecord(response)) return [];
  const out: Violation[] = [];
  for (const field of ["RealStartTime", "RealEndTime"]) {
    const value = int(response[field]);
    const problem = value === undefined ? undefined : epochUnitProblem(value, "s", x.now);
    if (problem !== undefined) out.push(violation("time.unit", `Response.${field}`, `${field} ${problem}`));
  }
  const records = Array.isArray(response.MemberRecords) ? response.MemberRecords : [];
  for (const field of ["FirstJoinTimestamp", "LastQuitTimestamp"]) {
    const bad = records
      .map((record, i) => ({ i, value: int(pick(record, field)) }))
      .filter((r) => r.value !== undefined && epochUnitProblem(r.value, "s", x.now) !== undefined);
    if (bad.length > 0) {
      const first = bad[0]!;
      out.push(
        violation(
          "time.unit",
          `Response.MemberRecords[${first.i}].${field}`,
          `${field} ${epochUnitProblem(first.value!, "s", x.now)!} (${bad.length} of ${records.length} records)`,
        ),
      );
    }
  }
  return out;
}

/**
 * DescribeRoomStatistics: paging, room totals and member records agree; times in seconds; every
 * record carries the later fields. https://www.tencentcloud.com/document/api/1168/52791
 */
export const describeRoomStatisticsProfile: EndpointProfile = {
  endpointId: ID,
  success: [checkPaging, checkRoomTotals, checkMemberRecords, checkSecondTimes, checkLaterMemberFields],
};
