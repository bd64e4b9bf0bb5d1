import { HttpResponse, delay } from "msw";
import type { MockEngine } from "../core/engine.js";
import { bytesReply, normalizeHeaders, textReply, type MockReply, type MockRequest } from "../core/reply.js";
import type { TransportProblem } from "../core/vendor.js";

/**
 * Largest request body the handlers pass to the engine; bigger bodies get the vendor's
 * `body-too-large` error, as from the fastify server (its default body limit, 1 MiB).
 */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/**
 * Turns the Request MSW intercepted into the engine's MockRequest: the raw body bytes as sent, header
 * names lower-cased, and a `host` header taken from the URL when the runtime hides it (fetch treats
 * Host as a forbidden header, but Tencent's signature covers it).
 */
export async function toMockRequest(request: Request, url: URL): Promise<MockRequest> {
  const rawBody = request.body === null ? new Uint8Array() : new Uint8Array(await request.arrayBuffer());
  const headers = normalizeHeaders(request.headers.entries());
  if (headers.host === undefined) headers.host = url.host;
  return { method: request.method, url, headers, rawBody };
}

/** Turns the engine's reply into the Response MSW sends: same status, headers and body bytes. */
export async function toResponse(reply: MockReply): Promise<Response> {
  if (reply.delayMs !== undefined && reply.delayMs > 0) await delay(reply.delayMs);
  if (reply.dropConnection) return HttpResponse.error();
  // The engine's bytes as they are (no re-encoding); a reply made elsewhere goes out as its text.
  return new HttpResponse(reply.bytes ?? reply.body, { status: reply.status, headers: reply.headers });
}

/** Answers one intercepted request through the engine, as the fastify adapter does. */
export async function answer(engine: MockEngine, request: Request, url: URL, maxBodyBytes: number): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const mock = await toMockRequest(request, url);
  if (declared > maxBodyBytes || mock.rawBody.byteLength > maxBodyBytes) {
    return toResponse(rejection(engine, { ...mock, rawBody: new Uint8Array() }, "body-too-large"));
  }
  let reply: MockReply;
  try {
    reply = engine.handle(mock);
  } catch (cause) {
    // The engine answers its own failures in the vendor's envelope; reaching here is a bug in a hook.
    console.error("rtc-analytics-mock/msw: the engine failed to handle a request", cause);
    reply = rejection(engine, mock, "malformed-request");
  }
  return toResponse(reply);
}

/** The vendor's error for a request that could not be handled; no latency or drop applies to it. */
function rejection(engine: MockEngine, request: MockRequest, problem: TransportProblem): MockReply {
  try {
    const reply = engine.rejectTransport(request, problem);
    return reply.bytes === undefined
      ? textReply(reply.status, reply.headers, reply.body)
      : bytesReply(reply.status, reply.headers, reply.bytes);
  } catch (cause) {
    console.error("rtc-analytics-mock/msw: the engine failed to reject a request; sent a neutral error", cause);
    const tooLarge = problem === "body-too-large";
    return {
      status: tooLarge ? 413 : 400,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({
        error: {
          code: tooLarge ? "BodyTooLarge" : "MalformedRequest",
          message: tooLarge ? "Request body is too large" : "Malformed request",
        },
      }),
    };
  }
}
