import type { FastifyReply, FastifyRequest } from "fastify";
import type { MockReply } from "../mocks/core/reply.js";
import type { PendingDelays } from "./pending-delays.js";

/**
 * Carries out the engine's reply over HTTP: waits for latency faults, drops the connection when
 * asked, and otherwise sends status, headers and body bytes exactly as the engine produced them.
 * Returns a promise only when it has to wait, so the common path stays synchronous.
 */
export function sendMockReply(
  req: FastifyRequest,
  reply: FastifyReply,
  result: MockReply,
  delays: PendingDelays,
): Promise<void> | undefined {
  if (result.delayMs !== undefined && result.delayMs > 0) {
    return delays.wait(result.delayMs).then(() => {
      // The client gave up while we waited: nothing left to answer. (Not `req.raw.destroyed`: a
      // request whose body has been read in full is destroyed too, though its client still waits.)
      if (req.raw.socket.destroyed || reply.raw.destroyed) {
        reply.hijack();
        return;
      }
      // Released because the server is closing: answer, then let the connection go.
      if (delays.released) reply.header("connection", "close");
      deliver(req, reply, result);
    });
  }
  deliver(req, reply, result);
  return undefined;
}

function deliver(req: FastifyRequest, reply: FastifyReply, result: MockReply): void {
  if (result.drop) {
    reply.hijack();
    req.raw.socket.destroy();
    return;
  }
  const body = result.body;
  reply
    .code(result.status)
    .headers(result.headers)
    .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
