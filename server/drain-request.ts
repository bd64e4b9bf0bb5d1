import type { IncomingMessage } from "node:http";

/** Most body bytes read and thrown away after a refusal, so the client can finish sending and read the reply. */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
/** Longest wait for the rest of a refused body. */
export const DRAIN_MAX_MS = 2_000;

/**
 * Reads and discards what is left of a request body, until it ends, `maxBytes` more arrive or
 * `maxMs` pass. A server that replies and closes while the body still arrives makes the kernel
 * reset the connection, and a client still writing (Node's fetch, http.request) then sees the
 * reset instead of the reply; a client that has sent everything reads the reply. Resolves `true`
 * when the body ended.
 */
export function drainRequest(req: IncomingMessage, maxBytes = DRAIN_MAX_BYTES, maxMs = DRAIN_MAX_MS): Promise<boolean> {
  if (req.complete || req.destroyed) return Promise.resolve(req.complete);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      req.off("error", onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), maxMs);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
    req.on("error", onClose);
    req.resume();
  });
}
