/**
 * A small analytics client as a dashboard would have it: one function per endpoint, each resolving
 * to a `PanelResult` (data, or which kind of failure) instead of throwing. It knows nothing about the
 * mock: point it at the vendors (or at the fake server) and it behaves the same.
 *
 * Signing happens here so that the example also runs against a mock in `verify` mode. In a real
 * product, keep vendor secrets on your backend and sign there.
 */
import { signTencentRequest } from "../../schemas/tencent/signing.js";
import { signVolcengineRequest } from "../../schemas/volcengine/signing.js";
import { zegoSignatureParams } from "../../schemas/zego/signing.js";

/** Vendor credentials the client signs with. */
export interface ClientCredentials {
  volcengine: { accessKeyId: string; secretKey: string };
  zego: { appId: string; serverSecret: string };
  tencent: { secretId: string; secretKey: string };
}

/** Options of the client. */
export interface AnalyticsClientOptions {
  credentials: ClientCredentials;
  /** Volcengine RTC AppId whose data the dashboard shows. */
  volcengineAppId: string;
  /** Tencent LCIC room whose statistics the dashboard shows. */
  tencentRoomId: number;
  /** Where each vendor is reached; default the production hosts. One base URL (the fake server) may serve all three. */
  baseUrls?: Partial<Record<"volcengine" | "zego" | "tencent", string>>;
  fetch?: typeof fetch;
  /** Current time in epoch ms (windows are computed from it). Default Date.now. */
  now?: () => number;
  /** ZEGO SignatureNonce; default 16 random hex characters per call, as the ZEGO docs generate it. */
  nonce?: () => string;
}

/** One named series with its latest value. */
export interface SeriesSummary {
  name: string;
  unit: string;
  points: number;
  latest: number | null;
}

/** Statistics of one Tencent LCIC room. */
export interface RoomSummary {
  peakMembers: number;
  members: number;
  total: number;
  messages: number;
  micCount: number;
  people: { userName: string; presentSeconds: number }[];
}

/** What one panel shows: data, or the kind of failure with the vendor's code and message. */
export type PanelResult<T> =
  | { state: "ready"; data: T }
  | { state: "vendor-error" | "throttled"; code: string; message: string; httpStatus: number }
  | { state: "http-error"; httpStatus: number; message: string }
  | { state: "network-error"; message: string };

/** The five calls the dashboard makes. */
export interface AnalyticsClient {
  realtimeOperation(): Promise<PanelResult<SeriesSummary[]>>;
  dailyOperation(): Promise<PanelResult<SeriesSummary[]>>;
  realtimeQuality(): Promise<PanelResult<SeriesSummary[]>>;
  zegoUsage(): Promise<PanelResult<SeriesSummary[]>>;
  roomStatistics(): Promise<PanelResult<RoomSummary>>;
}

/**
 * Throttle codes, which deserve a "slow down" rather than an error state:
 * Volcengine FlowLimitExceeded.QPSOverLimit (https://www.volcengine.com/docs/6348/70426) and the
 * gateway's FlowLimitExceeded/AccountFlowLimitExceeded; ZEGO 30002
 * (https://www.zegocloud.com/docs/analytics-dashboard-server/return-codes); Tencent
 * RequestLimitExceeded and its sub-codes (https://www.tencentcloud.com/document/api/1168/52798).
 */
function isThrottle(code: string): boolean {
  return (
    code === "30002" ||
    code.startsWith("FlowLimitExceeded") ||
    code === "AccountFlowLimitExceeded" ||
    code.startsWith("RequestLimitExceeded")
  );
}

const PRODUCTION = {
  volcengine: "https://rtc.volcengineapi.com",
  zego: "https://analytics-api.zego.im",
  tencent: "https://lcic.tencentcloudapi.com",
};

/** RFC3339 at +08:00, as the Volcengine docs write times. */
function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "+08:00");
}

type Json = Record<string, unknown>;

/** Creates the client. */
export function createAnalyticsClient(options: AnalyticsClientOptions): AnalyticsClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const base = (vendor: keyof typeof PRODUCTION) => (options.baseUrls?.[vendor] ?? PRODUCTION[vendor]).replace(/\/+$/, "");

  // Sends one request; a rejected fetch is a network error, a reply that is not JSON an HTTP error.
  const call = async (
    url: URL,
    init: RequestInit,
  ): Promise<{ httpStatus: number; body: Json } | Exclude<PanelResult<never>, { state: "ready" | "vendor-error" | "throttled" }>> => {
    let response: Response;
    try {
      response = await doFetch(url.href, init);
    } catch {
      return { state: "network-error", message: `could not reach ${url.host}` };
    }
    const text = await response.text();
    try {
      const body: unknown = JSON.parse(text);
      if (body !== null && typeof body === "object") return { httpStatus: response.status, body: body as Json };
    } catch {
      // not JSON: a gateway page or a bare status
    }
    return { state: "http-error", httpStatus: response.status, message: `HTTP ${response.status}${text ? `: ${text.slice(0, 120)}` : ""}` };
  };

  const failure = (code: string, message: string, httpStatus: number): PanelResult<never> => ({
    state: isThrottle(code) ? "throttled" : "vendor-error",
    code,
    message,
    httpStatus,
  });

  const volcengine = async (action: string, version: string, body: Json): Promise<PanelResult<SeriesSummary[]>> => {
    const url = new URL(`${base("volcengine")}/?Action=${action}&Version=${version}`);
    const text = JSON.stringify(body);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    const { accessKeyId, secretKey } = options.credentials.volcengine;
    Object.assign(
      headers,
      signVolcengineRequest({ method: "POST", url, headers, body: text, accessKeyId, secretKey, date: new Date(now()) }),
    );
    const reply = await call(url, { method: "POST", headers, body: text });
    if ("state" in reply) return reply;
    const meta = reply.body.ResponseMetadata as { Error?: { Code: string; Message: string } } | undefined;
    if (meta?.Error) return failure(meta.Error.Code, meta.Error.Message, reply.httpStatus);
    const result = reply.body.Result as { Indicators: { Name: string; Unit?: string; Data: { Value: number }[] }[] };
    return {
      state: "ready",
      data: result.Indicators.map((i) => ({
        name: i.Name,
        unit: i.Unit ?? "",
        points: i.Data.length,
        latest: i.Data.at(-1)?.Value ?? null,
      })),
    };
  };

  return {
    realtimeOperation() {
      const t = now();
      return volcengine("ListRealTimeOperationData", "2023-11-01", {
        AppId: options.volcengineAppId,
        StartTime: beijingTime(t - 10 * 60_000),
        EndTime: beijingTime(t),
        Indicator: ["online_user_count", "online_room_count"],
      });
    },
    dailyOperation() {
      const t = now();
      return volcengine("ListOperationData", "2023-11-01", {
        AppId: options.volcengineAppId,
        StartTime: beijingTime(t - 6 * 86_400_000),
        EndTime: beijingTime(t),
        Indicator: ["user_count", "avg_call_time"],
        AggregateGranularity: "1d",
      });
    },
    realtimeQuality() {
      const t = now();
      return volcengine("ListRealTimeQuality", "2020-12-01", {
        AppId: options.volcengineAppId,
        StartTime: beijingTime(t - 10 * 60_000),
        EndTime: beijingTime(t),
        Indicator: ["join_room_success_rate", "stall_rate"],
      });
    },
    async zegoUsage() {
      const t = now();
      const { appId, serverSecret } = options.credentials.zego;
      const signing = { appId, serverSecret, timestampSec: Math.floor(t / 1000), ...(options.nonce ? { nonce: options.nonce() } : {}) };
      const query = new URLSearchParams({
        Action: "GetRealtimeUsage",
        ...zegoSignatureParams(signing),
        StartTs: String(t - 60 * 60_000),
        EndTs: "0",
      });
      for (const metric of ["online_user", "room_concurrent", "publish_concurrent"]) query.append("Metrics[]", metric);
      const reply = await call(new URL(`${base("zego")}/?${query}`), { method: "GET" });
      if ("state" in reply) return reply;
      const { Code, Message, Data } = reply.body as {
        Code: number;
        Message: string;
        Data: { Metrics?: { Metric: string; Values: { Value: number }[] }[] };
      };
      if (Code !== 0) return failure(String(Code), Message, reply.httpStatus);
      return {
        state: "ready",
        data: (Data.Metrics ?? []).map((m) => ({
          name: m.Metric,
          unit: "",
          points: m.Values.length,
          latest: m.Values.at(-1)?.Value ?? null,
        })),
      };
    },
    async roomStatistics() {
      const url = new URL(`${base("tencent")}/`);
      const text = JSON.stringify({ RoomId: options.tencentRoomId, Page: 1, Limit: 5 });
      const headers: Record<string, string> = {
        "Content-Type": "application/json",
        "X-TC-Action": "DescribeRoomStatistics",
        "X-TC-Version": "2022-08-17",
      };
      const { secretId, secretKey } = options.credentials.tencent;
      Object.assign(
        headers,
        signTencentRequest({ method: "POST", url, headers, body: text, secretId, secretKey, timestamp: Math.floor(now() / 1000) }),
      );
      const reply = await call(url, { method: "POST", headers, body: text });
      if ("state" in reply) return reply;
      const response = reply.body.Response as Json & { Error?: { Code: string; Message: string } };
      if (response.Error) return failure(response.Error.Code, response.Error.Message, reply.httpStatus);
      const records = (response.MemberRecords ?? []) as { UserName: string; PresentTime: number }[];
      return {
        state: "ready",
        data: {
          peakMembers: Number(response.PeakMemberNumber),
          members: Number(response.MemberNumber),
          total: Number(response.Total),
          messages: Number(response.MessageCount),
          micCount: Number(response.MicCount),
          people: records.map((r) => ({ userName: r.UserName, presentSeconds: r.PresentTime })),
        },
      };
    },
  };
}
