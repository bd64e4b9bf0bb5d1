import type { FastifyReply, FastifyRequest } from "fastify";
import { replyBytes, type MockReply } from "../mocks/core/reply.js";
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
      // The client gave up while we waited: nothing left to answer.
      if (req.raw.destroyed || reply.raw.destroyed) {
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
  if (result.dropConnection) {
    reply.hijack();
    req.raw.socket.destroy();
    return;
  }
  if (result.pieces !== undefined && result.pieces.length > 1) {
    writePieces(reply, result, result.pieces);
    return;
  }
  // The engine builds replies as UTF-8 bytes (large parts pre-encoded and cached); they go out as
  // they are, wrapped without a copy. Same bytes on the wire; every engine reply carries its own
  // content-type.
  const bytes = replyBytes(result);
  reply
    .code(result.status)
    .headers(result.headers)
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/**
 * Writes a reply built around cached parts chunk by chunk (one writev while corked), so the 13–40 KB
 * cached part is never copied into a per-request buffer. fastify's `send` takes a single payload,
 * so the reply is hijacked and written on the raw response; fastify still runs its onResponse hooks
 * (request logging). Headers set on the fastify reply before (connection: close while closing) are kept.
 */
function writePieces(reply: FastifyReply, result: MockReply, pieces: readonly Uint8Array[]): void {
  let length = 0;
  for (const piece of pieces) length += piece.byteLength;
  reply.hijack();
  const res = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
  for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
  res.setHeader("content-length", length);
  res.writeHead(result.status);
  res.cork();
  for (const piece of pieces) res.write(piece);
  res.end();
}
