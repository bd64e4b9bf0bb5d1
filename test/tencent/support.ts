import { replyText } from "../../mocks/core/reply.js";
import type { MockEngine } from "../../mocks/core/engine.js";
import { demoCredentials } from "../../mocks/options.js";
import type { MockReply, MockRequest } from "../../mocks/core/reply.js";
import { signTencentRequest } from "../../schemas/tencent/signing.js";

/** Frozen mock time most Tencent tests run at. */
export const START_MS = Date.parse("2025-03-01T12:00:00Z");
export const START_SEC = START_MS / 1000;

/** The demo Tencent credential the engine accepts in verify mode. */
export const demo = demoCredentials.tencent[0]!;

/** Options of one request to the Tencent fake, as an SDK would send it (unsigned unless `sign`). */
export interface LcicRequestOptions {
  method?: string;
  url?: string;
  body?: string | Uint8Array;
  headers?: Record<string, string | undefined>;
  /** Sign with these credentials at this Unix time. */
  sign?: { secretId: string; secretKey: string; timestamp: number; service?: string };
}

/** A MockRequest for DescribeRoomStatistics with the SDK's headers; `headers` entries set to undefined are removed. */
export function lcicRequest(options: LcicRequestOptions = {}): MockRequest {
  const method = options.method ?? "POST";
  const url = new URL(options.url ?? "http://127.0.0.1:4010/");
  const body = options.body ?? '{"RoomId":1,"Page":1,"Limit":10}';
  const rawBody = typeof body === "string" ? new TextEncoder().encode(body) : body;
  let headers: Record<string, string | undefined> = {
    host: url.host,
    "content-type": method === "GET" ? "application/x-www-form-urlencoded" : "application/json",
    "x-tc-action": "DescribeRoomStatistics",
    "x-tc-version": "2022-08-17",
  };
  if (options.sign) {
    const signed = signTencentRequest({
      method,
      url,
      headers: { "Content-Type": headers["content-type"]! },
      body: rawBody,
      ...options.sign,
    });
    headers = { ...headers, authorization: signed.Authorization, "x-tc-timestamp": signed["X-TC-Timestamp"] };
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) clean[name] = value;
  return { method, url, headers: clean, rawBody };
}

/** The parsed `Response` of a reply, after checking it is HTTP 200 JSON. */
export function responseOf(reply: MockReply): Record<string, unknown> & { Error?: { Code: string; Message: string }; RequestId: string } {
  if (reply.status !== 200) throw new Error(`expected HTTP 200, got ${reply.status}: ${replyText(reply)}`);
  return (
    JSON.parse(replyText(reply)) as { Response: Record<string, unknown> & { Error?: { Code: string; Message: string }; RequestId: string } }
  ).Response;
}

/** The error code of a reply, or undefined for a success. */
export function codeOf(reply: MockReply): string | undefined {
  return responseOf(reply).Error?.Code;
}

/** Sends one request through the engine and returns its error code (undefined: success). */
export function codeFor(engine: MockEngine, options: LcicRequestOptions = {}): string | undefined {
  return codeOf(engine.handle(lcicRequest(options)));
}
