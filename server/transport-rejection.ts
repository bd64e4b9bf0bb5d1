import type { MockEngine } from "../mocks/core/engine.js";
import { bytesReply, textReply, type MockReply, type MockRequest } from "../mocks/core/reply.js";
import type { TransportProblem } from "../mocks/core/vendor.js";

/** Status of the neutral fallback reply, per problem. */
const FALLBACK_STATUS: Record<TransportProblem, number> = { "body-too-large": 413, "malformed-request": 400 };

/**
 * The vendor's own error for a request the adapter could not read or route (oversized body, bad
 * URL, invalid headers, framework errors). If even the engine fails, a neutral JSON error is sent
 * instead, so bad input never turns into a 500, a stack trace or a crash.
 */
export function transportRejection(
  engine: MockEngine,
  request: MockRequest,
  problem: TransportProblem,
  onEngineFailure?: (cause: unknown) => void,
): MockReply {
  try {
    const reply = engine.rejectTransport(request, problem);
    // A latency or drop fault never applies to a request we could not read.
    return reply.bytes === undefined
      ? textReply(reply.status, reply.headers, reply.body)
      : bytesReply(reply.status, reply.headers, reply.bytes);
  } catch (cause) {
    onEngineFailure?.(cause);
    return neutralRejection(problem);
  }
}

/** The last-resort reply: plain JSON without vendor envelope. */
export function neutralRejection(problem: TransportProblem): MockReply {
  const message = problem === "body-too-large" ? "Request body is too large" : "Malformed request";
  return {
    status: FALLBACK_STATUS[problem],
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ error: { code: problem === "body-too-large" ? "BodyTooLarge" : "MalformedRequest", message } }),
  };
}
