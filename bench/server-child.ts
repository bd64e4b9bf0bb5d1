import { fork, type ChildProcess } from "node:child_process";
import { bundleEntry } from "./bundle.js";
import type { ChildMessage, EngineStats, MemorySample, ParentMessage, ServerConfig } from "./server-config.js";

/** A server running in a child process, as the parent sees it. */
export interface ServerChild {
  port: number;
  /** RoomId of the bench room, when the config asked for one. */
  roomId?: number;
  pid: number;
  /** Memory of the server process; `gc` runs a full collection first. */
  memory(gc?: boolean): Promise<MemorySample>;
  /** Advances the engine's frozen clock; resolves with the new time. */
  advance(ms: number): Promise<number>;
  stats(): Promise<EngineStats>;
  close(): Promise<void>;
}

type Reply<T extends ChildMessage["type"]> = Extract<ChildMessage, { type: T }>;
type Request = ParentMessage extends infer M ? (M extends ParentMessage ? Omit<M, "id"> : never) : never;

let bundled: Promise<string> | undefined;

/**
 * Starts `config` in a child process (plain JavaScript bundled from bench/server-process.ts, with
 * `--expose-gc`) and waits until it listens.
 */
export async function startServerChild(config: ServerConfig, nodeFlags: readonly string[] = []): Promise<ServerChild> {
  bundled ??= bundleEntry("bench/server-process.ts", "server-process");
  const child: ChildProcess = fork(await bundled, [JSON.stringify(config)], {
    // BENCH_SERVER_FLAGS adds Node/V8 flags to the server process, e.g. "--max-semi-space-size=4".
    execArgv: ["--expose-gc", ...nodeFlags, ...(process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean)],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 1;
  const pending = new Map<number, (message: ChildMessage) => void>();
  const ready = new Promise<Reply<"ready">>((resolve, reject) => {
    child.on("message", (message: ChildMessage) => {
      if (message.type === "ready") resolve(message);
      else if (message.type === "failed") reject(new Error(`server child failed: ${message.message}`));
      else if ("id" in message) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
    child.once("exit", (code) => reject(new Error(`server child exited with ${code} before it was ready`)));
  });
  const ask = <T extends ChildMessage["type"]>(message: Request): Promise<Reply<T>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (reply) => resolve(reply as Reply<T>));
      child.send({ ...message, id } as ParentMessage);
    });
  const { port, roomId } = await ready;
  return {
    port,
    ...(roomId !== undefined ? { roomId } : {}),
    pid: child.pid ?? 0,
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
