import type { LedgerEntry } from "../mocks/ledger.js";
import { PLAUSIBLE_YEARS } from "./checks/plausibility.js";
import { LATER_MEMBER_FIELDS } from "./profiles/tencent-describe-room-statistics.js";
import { HIGH_IS_GOOD } from "./profiles/volcengine-list-real-time-quality.js";

/**
 * The contract suite's plausibility rules: drift that keeps a value's type (a unit, a scale, a field
 * the schema must leave optional) judged by what real data can plausibly be. Each is an assumption
 * with its reasoning; docs/FIDELITY.md lists them (`npm run generate`).
 */
export const plausibilityLedger: readonly LedgerEntry[] = [
  {
    vendor: "tencent",
    action: "DescribeRoomStatistics",
    rule: `\`RealStartTime\`, \`RealEndTime\`, \`FirstJoinTimestamp\` and \`LastQuitTimestamp\` are Unix seconds: a value more than ${PLAUSIBLE_YEARS} years from the target clock fails the case (\`time.unit\`), named "in milliseconds, not seconds" when it would be within ${PLAUSIBLE_YEARS} years read as milliseconds; 0 (never) passes.`,
    fidelity: "assumed",
    source: `The unit is documented (https://www.tencentcloud.com/document/api/1168/52791: Unix timestamps in seconds); the bound is the kit's. A room is analysed days or months after it ended, far inside ${PLAUSIBLE_YEARS} years, while the same instant in milliseconds is about 55,000 years away: the two units never overlap, and a user's code reading milliseconds as seconds computes dates that are wrong by that much.`,
  },
  {
    vendor: "zego",
    action: "GetRealtimeUsage",
    rule: `Each \`Timestamp\` is Unix milliseconds: a value more than ${PLAUSIBLE_YEARS} years from the target clock fails the case (\`time.unit\`), named "in seconds, not milliseconds" when it would be within ${PLAUSIBLE_YEARS} years read as seconds.`,
    fidelity: "assumed",
    source: `The unit is documented (https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage, millisecond timestamps); the bound is the kit's. Realtime points are at most 2 h old, so ${PLAUSIBLE_YEARS} years is lenient, and seconds read as milliseconds land in January 1970.`,
  },
  {
    vendor: "volcengine",
    action: "ListRealTimeQuality",
    rule: `A series documented in \`%\` whose name matches ${String(HIGH_IS_GOOD)} and whose every value lies in [0, 1], not all 0, fails the case as a 0–1 ratio (\`value.scale\`).`,
    fidelity: "assumed",
    source:
      "The indicators' documented scale is 0–100 (https://volcengine.com/docs/6348/1167931). Success rates and the share of transfers under a delay threshold sit near 100 on any working service, so a whole series at or below 1 is a ratio, and a dashboard would show 0.98 %. Stall rates are legitimately below 1 % and are not judged this way.",
  },
  {
    vendor: "tencent",
    action: "DescribeRoomStatistics",
    rule: `Every \`MemberRecord\` carries the later fields ${LATER_MEMBER_FIELDS.map((field) => `\`${field}\``).join(", ")}; a field missing from any record fails the case (\`schema.always-sent\`, one violation per field with the count), although the schema keeps them optional.`,
    fidelity: "assumed",
    source:
      "The fields are not in the documented example, so the schema keeps them optional for it and for older recordings; the newest official SDK models (tencentcloud-sdk-nodejs 4.1.313, shared/vendor-notes/tencent-zego.md A2) declare all 21, and the kit assumes a current vendor sends each on every record. A dropped or renamed field changes what code reading it computes; an added one stays a warning.",
  },
];
