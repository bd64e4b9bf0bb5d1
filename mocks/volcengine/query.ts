import type { VolcengineIndicatorDefinition } from "../../schemas/volcengine/indicators.js";
import type { VendorError } from "../core/vendor.js";
import { parseRequestTime, type RequestTime } from "./rfc3339-time.js";

/**
 * AppId rule (assumed): the RTC id naming rule `[a-zA-Z0-9_@\-\.]{1,128}` from the Go SDK model
 * comments (sdk:volcengine/volc-sdk-golang/service/rtc/v20201201/model.go), plus `*` because the
 * doc examples mask AppIds as `661e****543cf`.
 */
const LEGAL_APP_ID = /^[A-Za-z0-9_@.*-]{1,128}$/;
/** RoomId and UserId rule (assumed): the same RTC id naming rule, without `*`. */
export const LEGAL_RTC_ID = /^[A-Za-z0-9_@.-]{1,128}$/;

/** The fields every Volcengine data action shares, after parsing. */
export interface VolcengineQuery {
  appId: string;
  start: RequestTime;
  end: RequestTime;
  /** Distinct requested indicators, in request order. */
  indicators: readonly VolcengineIndicatorDefinition[];
}

/** The body fields common to the three actions, as the schema accepted them. */
export interface CommonBody {
  AppId: string;
  StartTime: string;
  EndTime: string;
  Indicator: string[];
}

/**
 * Checks what the schema cannot: a legal AppId (InvalidParameter.IllegalAppId, rule assumed), known
 * indicators (InvalidParameter naming the value; assumed, the docs do not say how unknown ones fail),
 * and reads the two times. Duplicate indicators are reported once (assumed).
 */
export function parseCommonQuery(
  body: CommonBody,
  catalog: Readonly<Record<string, VolcengineIndicatorDefinition>>,
  action: string,
): VolcengineQuery | { error: VendorError } {
  if (!LEGAL_APP_ID.test(body.AppId)) return { error: { code: "InvalidParameter.IllegalAppId", args: [body.AppId.slice(0, 128)] } };
  const indicators: VolcengineIndicatorDefinition[] = [];
  const seen = new Set<string>();
  for (const name of body.Indicator) {
    if (seen.has(name)) continue;
    seen.add(name);
    const definition = Object.hasOwn(catalog, name) ? catalog[name] : undefined;
    if (definition === undefined) {
      const known = Object.keys(catalog).join(", ");
      return {
        error: {
          code: "InvalidParameter",
          args: [`Indicator ${JSON.stringify(name.slice(0, 64))} is not supported by ${action}; supported: ${known}`],
        },
      };
    }
    indicators.push(definition);
  }
  const start = parseRequestTime(body.StartTime);
  const end = parseRequestTime(body.EndTime);
  if (start === null) return { error: { code: "InvalidParameter", args: ["StartTime must be an RFC3339 time with offset"] } };
  if (end === null) return { error: { code: "InvalidParameter", args: ["EndTime must be an RFC3339 time with offset"] } };
  return { appId: body.AppId, start, end, indicators };
}
