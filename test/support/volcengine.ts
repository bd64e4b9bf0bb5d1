import { DAY, MINUTE, T0 } from "./clock.js";
import { changed, endpoint, exampleRequest, signVolcengine, type VendorRequest, type VolcengineSignOptions } from "./requests.js";

/** The three Volcengine endpoints (registry entries: `id`, `action`, `version`). */
export const RT = endpoint("volcengine.ListRealTimeOperationData");
export const OD = endpoint("volcengine.ListOperationData");
export const RQ = endpoint("volcengine.ListRealTimeQuality");
export type VolcengineRef = typeof RT | typeof OD | typeof RQ;

/** RFC3339 text of `ms` in the given offset (`+08:00`, `-05:00`, `Z`). */
export function rfc(ms: number, offset = "+08:00"): string {
  const sign = offset === "Z" ? 0 : offset.startsWith("-") ? -1 : 1;
  const minutes = offset === "Z" ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(ms + minutes * MINUTE).toISOString().slice(0, 19) + offset;
}

/** A valid realtime body for the last `minutes` before T0 (or before `now`). */
export function realtimeBody(
  indicators: string[] = ["online_user_count", "online_room_count"],
  minutes = 10,
  now = T0,
  extra: Record<string, unknown> = {},
) {
  return { AppId: "app1", StartTime: rfc(now - minutes * MINUTE), EndTime: rfc(now), Indicator: indicators, ...extra };
}

/** A valid quality body for the last `minutes` before T0. */
export function qualityBody(
  indicators: string[] = ["stall_rate", "join_room_success_rate"],
  minutes = 10,
  extra: Record<string, unknown> = {},
) {
  return { AppId: "app1", StartTime: rfc(T0 - minutes * MINUTE), EndTime: rfc(T0), Indicator: indicators, ...extra };
}

/** A valid offline body: the last `days` full days before T0's midnight. */
export function offlineBody(granularity: "1h" | "1d" = "1d", days = 3, extra: Record<string, unknown> = {}) {
  const midnight = Date.parse("2024-03-01T00:00:00+08:00");
  return {
    AppId: "app1",
    StartTime: rfc(midnight - days * DAY),
    EndTime: rfc(midnight - DAY),
    Indicator: ["per_call_time", "avg_call_time", "user_count"],
    AggregateGranularity: granularity,
    ...extra,
  };
}

/** Changes of a Volcengine request beyond its JSON body. */
export interface VolcengineOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Raw body text or bytes (overrides the JSON body). */
  raw?: string | Uint8Array;
  /** Query string (with `?`, or "") instead of the endpoint's Action/Version. */
  query?: string;
  /** Sign with these credentials (Node-SDK style unless signedHeaders is given). */
  sign?: VolcengineSignOptions;
}

/**
 * The endpoint's example request with `body` (JSON; undefined: empty body) and `options` applied;
 * `ref` null keeps RT's headers and sends no query unless `options.query` gives one.
 */
export function volcengineRequest(ref: VolcengineRef | null, body: unknown, options: VolcengineOptions = {}): VendorRequest {
  const request = changed(exampleRequest((ref ?? RT).id), {
    path: `/${options.query ?? (ref === null ? "" : `?Action=${ref.action}&Version=${ref.version}`)}`,
    body: options.raw ?? (body === undefined ? "" : JSON.stringify(body)),
    ...(options.method ? { method: options.method } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  return options.sign ? signVolcengine(request, options.sign) : request;
}

/** The Volcengine envelope, as tests read it. */
export interface VolcengineJson {
  ResponseMetadata: {
    RequestId: string;
    Action: string;
    Version: string;
    Service: string;
    Region: string;
    Error?: { Code: string; CodeN?: number; Message: string };
  };
  Result?: Record<string, unknown> & { Indicators?: { Name: string; Unit?: string; Data: { TimeStamp: string; Value: number }[] }[] };
}
