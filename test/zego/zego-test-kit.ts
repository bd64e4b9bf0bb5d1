import { request as httpRequest } from "node:http";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { MockOptions } from "../../mocks/options.js";
import { zegoSignatureParams } from "../../schemas/zego/signing.js";
import { GetRealtimeUsageResponse, ZegoErrorResponse } from "../../schemas/zego/index.js";
import { buildServer } from "../../server/app.js";

/** 2026-03-01 12:00 UTC (20:00 in China, near the evening peak); the frozen clock of most tests. */
export const T0 = Date.parse("2026-03-01T12:00:00.000Z");
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DEMO_APP_ID = "1234567890";
export const DEMO_SECRET = "0123456789abcdef0123456789abcdef";

/** A server over a fresh engine whose clock is frozen at T0 (unless the options say otherwise). */
export function zegoServer(mock: MockOptions = {}) {
  return buildServer({ mock: { clock: { start: T0, frozen: true }, ...mock }, docs: false });
}

/** What a GetRealtimeUsage query carries; defaults: demo AppId, online_user, the last 30 minutes. */
export interface UsageQuery {
  appId?: string | null;
  metrics?: string[];
  startTs?: string | number | null;
  endTs?: string | number | null;
  action?: string | null;
  /** Extra parameters (e.g. signature parameters), appended in order. */
  extra?: Record<string, string>;
  /** Send `Metrics%5B%5D=` instead of the docs' raw `Metrics[]=`. */
  encodedBrackets?: boolean;
  now?: number;
}

/** Builds the query string exactly as the ZEGO docs show it (raw brackets by default). */
export function usageQueryString(query: UsageQuery = {}): string {
  const now = query.now ?? T0;
  const parts: string[] = [];
  const add = (key: string, value: string) => parts.push(`${key}=${encodeURIComponent(value)}`);
  if (query.action !== null) add("Action", query.action ?? "GetRealtimeUsage");
  if (query.appId !== null) add("AppId", query.appId ?? DEMO_APP_ID);
  const metricKey = query.encodedBrackets ? "Metrics%5B%5D" : "Metrics[]";
  for (const metric of query.metrics ?? ["online_user"]) parts.push(`${metricKey}=${encodeURIComponent(metric)}`);
  if (query.startTs !== null) add("StartTs", String(query.startTs ?? now - 30 * MINUTE));
  if (query.endTs !== null) add("EndTs", String(query.endTs ?? 0));
  for (const [key, value] of Object.entries(query.extra ?? {})) add(key, value);
  return parts.join("&");
}

/** The signature parameters for the demo app at the server's current time. */
export function demoSignature(
  nowMs: number,
  overrides: { appId?: string; serverSecret?: string; timestampSec?: number; nonce?: string } = {},
) {
  return {
    ...zegoSignatureParams({
      appId: overrides.appId ?? DEMO_APP_ID,
      serverSecret: overrides.serverSecret ?? DEMO_SECRET,
      timestampSec: overrides.timestampSec ?? Math.floor(nowMs / 1000),
      ...(overrides.nonce ? { nonce: overrides.nonce } : {}),
    }),
  } as Record<string, string>;
}

/** GET `/?<query>` through fastify's inject. */
export async function getUsage(app: FastifyInstance, query: UsageQuery | string, method = "GET") {
  const text = typeof query === "string" ? query : usageQueryString(query);
  return app.inject({ method: method as "GET", url: `/?${text}` });
}

/** A parsed ZEGO success reply (fails the test when the body is not one). */
export function expectSuccess(response: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  expect(response.statusCode).toBe(200);
  expect(String(response.headers["content-type"])).toMatch(/^application\/json/);
  const body: unknown = JSON.parse(response.body);
  const parsed = GetRealtimeUsageResponse.safeParse(body);
  if (!parsed.success) throw new Error(`not a GetRealtimeUsage success reply: ${response.body.slice(0, 300)}`);
  // A 19-digit string or bare number (options.zego.requestIdType); the digits survive JSON.parse.
  expect(String(parsed.data.RequestId)).toMatch(/^[0-9]{19}$/);
  return parsed.data;
}

/** A parsed ZEGO error reply with the expected Code (HTTP 200, the envelope, no stack trace). */
export function expectZegoError(response: { statusCode: number; body: string; headers: Record<string, unknown> }, code: number) {
  expect(response.statusCode).toBe(200);
  expect(String(response.headers["content-type"])).toMatch(/^application\/json/);
  const parsed = ZegoErrorResponse.safeParse(JSON.parse(response.body));
  if (!parsed.success) throw new Error(`not a ZEGO error reply: ${response.body.slice(0, 300)}`);
  expect(parsed.data.Code, parsed.data.Message).toBe(code);
  expect(parsed.data.Message).not.toMatch(/%s|\n\s+at /);
  expect(parsed.data.Data).toEqual({});
  return parsed.data;
}

/** Sends one raw HTTP request (path written byte for byte, e.g. with raw brackets) and collects the reply. */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  body?: string,
): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
