// A server in its own process, for tests whose clients must not share the server's event loop
// (a client streaming a body while the server answers) or that measure the server's memory.
// Started by test/support/child-server.ts with --import tsx --expose-gc; options as JSON in argv[2].
import { startServer, type StartServerOptions } from "../../server/start-server.js";

type Message = { id: number; type: "memory" | "prototypes" };

/** Heap and RSS after two full collections (when --expose-gc is given). */
function memory(): { rss: number; heapUsed: number; external: number; arrayBuffers: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers };
}

// The parent going away must not leave a server behind.
process.on("disconnect", () => process.exit(0));

try {
  const options = JSON.parse(process.argv[2] ?? "{}") as StartServerOptions;
  const server = await startServer({ host: "127.0.0.1", port: 0, ...options });
  process.on("message", (message: Message) => {
    if (message.type === "memory") process.send?.({ id: message.id, result: memory() });
    // Enumerable keys on the shared prototypes: a request that polluted them would show here.
    if (message.type === "prototypes")
      process.send?.({ id: message.id, result: [...Object.keys(Object.prototype), ...Object.keys(Array.prototype)] });
  });
  process.send?.({ ready: server.url });
} catch (error) {
  process.send?.({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
