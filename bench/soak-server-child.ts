import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What the soak's server serves (bench/soak-server.js). */
export interface SoakServerConfig {
  auth: "off" | "verify";
  rateLimits: boolean;
  /** The engine clock starts frozen here; the parent advances it. */
  clockMs: number;
  maxTenants?: number;
  journalSize?: number;
}

/** Memory of the server process, in bytes. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** Engine state a soak run checks stays bounded. */
export interface EngineStats {
  journalEntries: number;
  journalCapacity: number;
  rooms: number;
  nowMs: number;
}

type ParentMessage =
  { id: number; type: "memory"; gc: boolean } | { id: number; type: "advance"; ms: number } | { id: number; type: "stats" };
type ChildMessage =
  | { type: "ready"; port: number }
  | { type: "failed"; message: string }
  | { id: number; type: "memory"; memory: MemorySample }
  | { id: number; type: "advanced"; nowMs: number }
  | { id: number; type: "stats"; stats: EngineStats };
type Reply<T extends ChildMessage["type"]> = Extract<ChildMessage, { type: T }>;
type Request = ParentMessage extends infer M ? (M extends ParentMessage ? Omit<M, "id"> : never) : never;

/** The soak's server in a child process, as the parent sees it. */
export interface SoakServer {
  port: number;
  /** Memory of the server process; `gc` runs a full collection first. */
  memory(gc?: boolean): Promise<MemorySample>;
  /** Advances the engine's frozen clock; resolves with the new time. */
  advance(ms: number): Promise<number>;
  stats(): Promise<EngineStats>;
  close(): Promise<void>;
}

/** Forks bench/soak-server.js (the built server, `--expose-gc`) and waits until it listens. */
export async function startSoakServer(config: SoakServerConfig): Promise<SoakServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./soak-server.js", import.meta.url)), [JSON.stringify(config)], {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 1;
  const pending = new Map<number, (message: ChildMessage) => void>();
  const ready = new Promise<Reply<"ready">>((resolve, reject) => {
    child.on("message", (message: ChildMessage) => {
      if (message.type === "ready") resolve(message);
      else if (message.type === "failed") reject(new Error(`soak server failed: ${message.message}`));
      else if ("id" in message) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
    child.once("exit", (code) => reject(new Error(`soak server exited with ${code} before it was ready`)));
  });
  const ask = <T extends ChildMessage["type"]>(message: Request): Promise<Reply<T>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (reply) => resolve(reply as Reply<T>));
      child.send({ ...message, id } as ParentMessage);
    });
  const { port } = await ready;
  return {
    port,
    memory: async (gc = false) => (await ask<"memory">({ type: "memory", gc })).memory,
    advance: async (ms) => (await ask<"advanced">({ type: "advance", ms })).nowMs,
    stats: async () => (await ask<"stats">({ type: "stats" })).stats,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
