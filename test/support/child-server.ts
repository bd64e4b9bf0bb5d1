import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { StartServerOptions } from "../../server/start-server.js";

/** Memory of the server process after a full collection, in bytes. */
export interface ChildMemory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** A server running in a child process. */
export interface ChildServer {
  url: string;
  /** The child's memory after two full GCs. */
  memory(): Promise<ChildMemory>;
  /** Enumerable keys on Object.prototype and Array.prototype in the child (none, unless polluted). */
  prototypeKeys(): Promise<string[]>;
  close(): Promise<void>;
}

const main = fileURLToPath(new URL("./child-server-main.ts", import.meta.url));

/**
 * Starts the server (from source) in its own Node process. Options must be JSON: no engine, no
 * functions. The child exits when the parent disconnects.
 */
export function startChildServer(options: StartServerOptions = {}, timeoutMs = 30_000): Promise<ChildServer> {
  const child: ChildProcess = fork(main, [JSON.stringify(options)], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  const ask = <T>(type: string) =>
    new Promise<T>((answer) => {
      const id = nextId++;
      pending.set(id, (result) => {
        pending.delete(id);
        answer(result as T);
      });
      child.send({ id, type });
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error("the child server did not start in time"));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the child server exited with code ${code}`));
    });
    child.on("message", (message: { ready?: string; failed?: string; id?: number; result?: unknown }) => {
      if (message.failed !== undefined) reject(new Error(message.failed));
      if (message.id !== undefined) pending.get(message.id)?.(message.result);
      if (message.ready === undefined) return;
      clearTimeout(timer);
      resolve({
        url: message.ready,
        memory: () => ask<ChildMemory>("memory"),
        prototypeKeys: () => ask<string[]>("prototypes"),
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
