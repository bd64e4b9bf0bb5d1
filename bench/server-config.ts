/** What a server child process serves: the bare fastify ceiling, or the fake server in one configuration. */
export type ServerConfig =
  | {
      kind: "bare";
      /** Folder of `<endpointId>.json` reply files the `/reply/<endpointId>` route sends as they are. */
      replyDir?: string;
    }
  | {
      kind: "mock";
      /** Signature checks: `off` or `verify` with the demo credentials. */
      auth: "off" | "verify";
      rateLimits: boolean;
      /** The engine clock is frozen here; signatures and time windows are computed against it. */
      clockMs: number;
      /** Add the bench room (an ended Tencent room with ≥ 100 members) before listening. */
      addBenchRoom: boolean;
      /** Apply V8's --optimize-for-size as the CLI's `serve` does by default (server/v8-memory-flags.ts). */
      optimizeForSize: boolean;
      maxTenants?: number;
      journalSize?: number;
    };

/** Messages the parent sends to a server child; each carries an id the reply echoes. */
export type ParentMessage =
  { id: number; type: "memory"; gc: boolean } | { id: number; type: "advance"; ms: number } | { id: number; type: "stats" };

/** Memory of the child process, in bytes. */
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

/** Messages a server child sends back. */
export type ChildMessage =
  | { type: "ready"; port: number; roomId?: number }
  | { type: "failed"; message: string }
  | { id: number; type: "memory"; memory: MemorySample }
  | { id: number; type: "advanced"; nowMs: number }
  | { id: number; type: "stats"; stats: EngineStats };
