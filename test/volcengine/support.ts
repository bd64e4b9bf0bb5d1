import type { FastifyInstance } from "fastify";
import type { MockOptions } from "../../mocks/options.js";
import { buildServer } from "../../server/app.js";
import { signVolcengineRequest } from "../../schemas/volcengine/signing.js";

/** Mock clock of most tests: 2024-03-01 12:00:00 +08:00, frozen. */
export const T0 = Date.parse("2024-03-01T12:00:00+08:00");
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The three actions and their versions. */
export const RT = { action: "ListRealTimeOperationData", version: "2023-11-01" } as const;
export const OD = { action: "ListOperationData", version: "2023-11-01" } as const;
export const RQ = { action: "ListRealTimeQuality", version: "2020-12-01" } as const;
export type ActionRef = typeof RT | typeof OD | typeof RQ;

/** RFC3339 text of `ms` in the given offset (`+08:00`, `-05:00`, `Z`). */
export function rfc(ms: number, offset = "+08:00"): string {
  const sign = offset === "Z" ? 0 : offset.startsWith("-") ? -1 : 1;
  const minutes = offset === "Z" ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(ms + minutes * MINUTE).toISOString().slice(0, 19) + offset;
}

/** A fastify app over a fresh engine with a frozen clock at T0 and seed 1 (overridable). */
export function makeServer(mock: MockOptions = {}) {
  return buildServer({ mock: { seed: 1, clock: { start: T0, frozen: true }, ...mock }, docs: false });
}

/** What a test gets back from one call. */
export interface Reply {
  status: number;
  body: string;
  json: {
    ResponseMetadata: {
      RequestId: string;
      Action: string;
      Version: string;
      Service: string;
      Region: string;
      Error?: { Code: string; CodeN?: number; Message: string };
    };
    Result?: Record<string, unknown> & { Indicators?: { Name: string; Unit?: string; Data: { TimeStamp: string; Value: number }[] }[] };
  };
  headers: Record<string, unknown>;
}

/** Options of one injected call. */
export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Raw body text (overrides `body`). */
  raw?: string | Buffer;
  /** Query string to use instead of Action/Version. */
  query?: string;
  /** Sign with these credentials (Node-SDK style unless signedHeaders is given). */
  sign?: { accessKeyId: string; secretKey: string; date?: Date; signedHeaders?: string[]; service?: string; region?: string };
}

/** POSTs a JSON body to an action through `app.inject`. */
export async function call(app: FastifyInstance, ref: ActionRef | null, body: unknown, options: CallOptions = {}): Promise<Reply> {
  const query = options.query ?? (ref === null ? "" : `?Action=${ref.action}&Version=${ref.version}`);
  const payload = options.raw ?? (body === undefined ? "" : JSON.stringify(body));
  const headers: Record<string, string> = { "content-type": "application/json", host: "127.0.0.1:4010", ...options.headers };
  if (options.sign) {
    Object.assign(
      headers,
      signVolcengineRequest({
        method: options.method ?? "POST",
        url: new URL(`http://127.0.0.1:4010/${query}`),
        headers,
        body: typeof payload === "string" ? payload : new Uint8Array(payload),
        accessKeyId: options.sign.accessKeyId,
        secretKey: options.sign.secretKey,
        date: options.sign.date ?? new Date(T0),
        ...(options.sign.signedHeaders ? { signedHeaders: options.sign.signedHeaders } : {}),
        ...(options.sign.service ? { service: options.sign.service } : {}),
        ...(options.sign.region ? { region: options.sign.region } : {}),
      }),
    );
  }
  const response = await app.inject({ method: (options.method ?? "POST") as "POST", url: `/${query}`, headers, payload });
  let json: Reply["json"];
  try {
    json = JSON.parse(response.body) as Reply["json"];
  } catch {
    throw new Error(`reply is not JSON (status ${response.statusCode}): ${response.body.slice(0, 200)}`);
  }
  return { status: response.statusCode, body: response.body, json, headers: response.headers };
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

/** The error code of a reply, or undefined on success. */
export const codeOf = (reply: Reply) => reply.json.ResponseMetadata.Error?.Code;
