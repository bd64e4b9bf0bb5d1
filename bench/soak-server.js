// Child process of `npm run soak`: the built server (dist/, `npm run build`) on 127.0.0.1 with
// the configuration given as JSON in argv[2], driven by the parent over IPC (memory, after a GC
// when asked; clock advance; journal and room counts). Run with --expose-gc.
import { startServer } from "../dist/server/index.js";

const send = (message) => process.send?.(message);

function memory(gc) {
  if (gc && typeof globalThis.gc === "function") {
    globalThis.gc();
    globalThis.gc();
  }
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, arrayBuffers };
}

// The parent going away (crash, Ctrl-C) must not leave a server behind.
process.on("disconnect", () => process.exit(0));

try {
  const config = JSON.parse(process.argv[2] ?? "");
  const { port, engine } = await startServer({
    host: "127.0.0.1",
    port: 0,
    mock: {
      seed: 1,
      clock: { start: config.clockMs, frozen: true },
      rateLimits: config.rateLimits,
      auth: { mode: config.auth },
      ...(config.maxTenants !== undefined ? { maxTenants: config.maxTenants } : {}),
      ...(config.journalSize !== undefined ? { journalSize: config.journalSize } : {}),
    },
  }).then((server) => ({ port: new URL(server.url).port, engine: server.engine }));
  process.on("message", (message) => {
    if (message.type === "memory") send({ id: message.id, type: "memory", memory: memory(message.gc) });
    else if (message.type === "advance") {
      engine.clock.advance(message.ms);
      send({ id: message.id, type: "advanced", nowMs: engine.clock.now() });
    } else if (message.type === "stats") {
      const stats = {
        journalEntries: engine.journal.entries().length,
        journalCapacity: engine.journal.capacity,
        rooms: engine.backends.tencent.rooms.list().length,
        nowMs: engine.clock.now(),
      };
      send({ id: message.id, type: "stats", stats });
    }
  });
  send({ type: "ready", port: Number(port) });
} catch (error) {
  send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
