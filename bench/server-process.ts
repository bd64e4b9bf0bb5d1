/**
 * Child-process entry of the bench and soak: starts one server on 127.0.0.1 and talks to the parent
 * over IPC, so memory samples are the server's own and load generation runs in another process.
 * Bundled to plain JavaScript by bench/bundle.ts and forked with the ServerConfig JSON as its argument.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Fastify from "fastify";
import { buildServer } from "../server/app.js";
import { applyV8MemoryFlags } from "../server/v8-memory-flags.js";
import { benchRoomSpec } from "./bench-room.js";
import type { ChildMessage, MemorySample, ParentMessage, ServerConfig } from "./server-config.js";

const send = (message: ChildMessage) => process.send?.(message);

function memory(gc: boolean): MemorySample {
  if (gc && typeof globalThis.gc === "function") {
    globalThis.gc();
    globalThis.gc();
  }
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, arrayBuffers };
}

async function main() {
  const config = JSON.parse(process.argv[2] ?? "") as ServerConfig;
  if (config.kind === "bare") {
    const app = Fastify({ logger: false });
    const payload = { ok: true, service: "ceiling", items: [1, 2, 3] };
    app.get("/", async () => payload);
    // Reference rows: an endpoint's own reply bytes (saved by the parent after its check), sent as is.
    const replies = new Map<string, Buffer>();
    app.route({
      method: ["GET", "POST"],
      url: "/reply/:endpointId",
      handler: async (req, reply) => {
        const { endpointId } = req.params as { endpointId: string };
        let bytes = replies.get(endpointId);
        if (bytes === undefined && config.replyDir !== undefined && /^[\w.]+$/.test(endpointId)) {
          bytes = readFileSync(join(config.replyDir, `${endpointId}.json`));
          replies.set(endpointId, bytes);
        }
        if (bytes === undefined) return reply.code(404).send({ error: "no reply file" });
        return reply.type("application/json; charset=utf-8").send(bytes);
      },
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    process.on("message", (raw: ParentMessage) => {
      if (raw.type === "memory") send({ id: raw.id, type: "memory", memory: memory(raw.gc) });
    });
    send({ type: "ready", port });
    return;
  }

  // As the CLI's serve does (default on), so numbers are those of the server users start.
  applyV8MemoryFlags(config.optimizeForSize);
  const { app, engine } = buildServer({
    mock: {
      seed: 1,
      clock: { start: config.clockMs, frozen: true },
      rateLimits: config.rateLimits,
      auth: { mode: config.auth },
      ...(config.maxTenants !== undefined ? { maxTenants: config.maxTenants } : {}),
      ...(config.journalSize !== undefined ? { journalSize: config.journalSize } : {}),
    },
  });
  let roomId: number | undefined;
  if (config.addBenchRoom) {
    const spec = benchRoomSpec(config.clockMs);
    engine.backends.tencent.rooms.add(spec);
    roomId = spec.roomId;
  }
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.on("message", (raw: ParentMessage) => {
    switch (raw.type) {
      case "memory":
        send({ id: raw.id, type: "memory", memory: memory(raw.gc) });
        break;
      case "advance":
        engine.clock.advance(raw.ms);
        send({ id: raw.id, type: "advanced", nowMs: engine.clock.now() });
        break;
      case "stats":
        send({
          id: raw.id,
          type: "stats",
          stats: {
            journalEntries: engine.journal.entries().length,
            journalCapacity: engine.journal.capacity,
            rooms: engine.backends.tencent.rooms.list().length,
            nowMs: engine.clock.now(),
          },
        });
        break;
    }
  });
  send({ type: "ready", port, ...(roomId !== undefined ? { roomId } : {}) });
}

// The parent going away (crash, Ctrl-C) must not leave a server behind.
process.on("disconnect", () => process.exit(0));

main().catch((error: unknown) => {
  send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
