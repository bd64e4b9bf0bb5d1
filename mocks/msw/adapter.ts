import { HttpResponse, delay } from "msw";
import type { MockEngine } from "../core/engine.js";
import { normalizeHeaders, type MockReply, type MockRequest } from "../core/reply.js";

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
  if (reply.drop) return HttpResponse.error();
  return new HttpResponse(reply.body, { status: reply.status, headers: reply.headers });
}

/** Answers one intercepted request through the engine, as the fastify adapter does. */
export async function answer(engine: MockEngine, request: Request, url: URL, maxBodyBytes: number): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const mock = await toMockRequest(request, url);
  if (declared > maxBodyBytes || mock.rawBody.byteLength > maxBodyBytes) {
    return toResponse(engine.rejectTransport({ ...mock, rawBody: new Uint8Array() }, "body-too-large"));
  }
  return toResponse(engine.handle(mock));
}
