import { expect } from "vitest";
import { demoCredentials } from "../../mocks/options.js";
import { GetRealtimeUsageResponse, ZegoErrorResponse } from "../../schemas/zego/index.js";
import { MINUTE, T0 } from "./clock.js";
import { send, type Target } from "./http.js";
import { endpoint, vendorRequest, type RequestChanges, type VendorRequest } from "./requests.js";

/** ZEGO GetRealtimeUsage (registry entry: `id`, `action`, `version`). */
export const ZEGO = endpoint("zego.GetRealtimeUsage");

/** The demo ZEGO app (AppId, ServerSecret) the engine accepts in verify mode. */
export const zegoDemo = demoCredentials.zego[0]!;

/** What a GetRealtimeUsage query carries; defaults: the example's AppId, online_user, the last 30 minutes, EndTs 0. */
export interface UsageQuery {
  /** null: no AppId parameter. */
  appId?: string | null;
  metrics?: string[];
  startTs?: string | number | null;
  endTs?: string | number | null;
  action?: string | null;
  /** Extra parameters (e.g. signature parameters), set in place or appended in order. */
  extra?: Record<string, string>;
  /** Send `Metrics%5B%5D=` instead of the docs' raw `Metrics[]=`. */
  encodedBrackets?: boolean;
  /** The mock time the default window ends at (default T0). */
  now?: number;
}

/** The query parameters of a GetRealtimeUsage request, as `vendorRequest`'s `query` change. */
export function usageQuery(query: UsageQuery = {}): NonNullable<RequestChanges["query"]> {
  const now = query.now ?? T0;
  return {
    ...(query.action === undefined ? {} : { Action: query.action }),
    ...(query.appId === undefined ? {} : { AppId: query.appId }),
    "Metrics[]": query.metrics ?? ["online_user"],
    StartTs: query.startTs === undefined ? now - 30 * MINUTE : query.startTs,
    EndTs: query.endTs === undefined ? 0 : query.endTs,
    ...query.extra,
  };
}

/** GetRealtimeUsage built from the endpoint's example with the query's parameters, written as the ZEGO docs show them. */
export function usageRequest(query: UsageQuery = {}, method = "GET"): VendorRequest {
  const request = vendorRequest(ZEGO, { method, query: usageQuery(query), now: query.now ?? T0 });
  return query.encodedBrackets ? { ...request, path: request.path.replaceAll("Metrics[]=", "Metrics%5B%5D=") } : request;
}

/** The query string (without `?`) of `usageRequest(query)`. */
export function usageQueryString(query: UsageQuery = {}): string {
  return usageRequest(query).path.replace(/^\/\?/, "");
}

/** Sends GetRealtimeUsage with the query (or a whole query string, without `?`) to the server. */
export function getUsage(target: Target, query: UsageQuery | string = {}, method = "GET") {
  return send(target, typeof query === "string" ? vendorRequest(ZEGO, { method, path: `/?${query}` }) : usageRequest(query, method));
}

/** A reply as the ZEGO checks read it: `send`'s and `handle`'s replies both fit. */
export interface ZegoReplyLike {
  status: number;
  text: string;
  headers: Record<string, unknown>;
}

/** A parsed ZEGO success reply (fails the test when the body is not one). */
export function expectSuccess(reply: ZegoReplyLike) {
  expect(reply.status).toBe(200);
  expect(String(reply.headers["content-type"])).toMatch(/^application\/json/);
  const parsed = GetRealtimeUsageResponse.safeParse(JSON.parse(reply.text));
  if (!parsed.success) throw new Error(`not a GetRealtimeUsage success reply: ${reply.text.slice(0, 300)}`);
  // A 19-digit number by default (zego.requestIdType), a string when switched.
  expect(String(parsed.data.RequestId)).toMatch(/^[0-9]{19}$/);
  return parsed.data;
}

/** A parsed ZEGO error reply with the expected Code (HTTP 200, the envelope, no stack trace). */
export function expectZegoError(reply: ZegoReplyLike, code: number) {
  expect(reply.status).toBe(200);
  expect(String(reply.headers["content-type"])).toMatch(/^application\/json/);
  const parsed = ZegoErrorResponse.safeParse(JSON.parse(reply.text));
  if (!parsed.success) throw new Error(`not a ZEGO error reply: ${reply.text.slice(0, 300)}`);
  expect(parsed.data.Code, parsed.data.Message).toBe(code);
  expect(parsed.data.Message).not.toMatch(/%s|\n\s+at /);
  expect(parsed.data.Data).toEqual({});
  return parsed.data;
}
