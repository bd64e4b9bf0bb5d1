import type { MockOptions } from "../../mocks/options.js";
import { ControlError } from "../control/control-error.js";
import { sessionMockOptions, type SessionSpecOutput } from "./session-spec.js";

/** A session as the control API lists it. */
export interface SessionInfo {
  /** `default` for the server's own port; `s1`, `s2` … for opened sessions (never reused). */
  id: string;
  port: number;
  /** Where its vendor endpoints and its own `/__mock/*` control API are served. */
  baseUrl: string;
  default: boolean;
  /** Real time (ISO) it was opened and last received a request. */
  createdAt: string;
  lastRequestAt: string;
  /** Real time (ISO) it closes unless it receives a request; absent for the default session. */
  expiresAt?: string;
}

/** A listening server the registry can close; what `startServer` returns, reduced to what is needed here. */
export interface SessionServer {
  url: string;
  close(): Promise<void>;
}

/** Options of a registry. */
export interface SessionRegistryOptions {
  /** Most sessions open at once (the default session not counted). */
  max: number;
  /** A session without requests for this long (ms) is closed. */
  idleTimeoutMs: number;
  /** The server's configured engine options; a session's spec replaces some of them. */
  base: MockOptions;
  /** Starts one session's server: its own engine from `mock`, on a free port of the same host. */
  start(mock: MockOptions, id: string): Promise<SessionServer>;
  /** Real time; injectable for tests. */
  now?: () => number;
}

/** The sessions of one server; every session's control API reaches the same registry. */
export interface SessionRegistry {
  readonly max: number;
  readonly idleTimeoutMs: number;
  /** Records the server's own port as the default session (once it listens). */
  setDefault(url: string): void;
  /** Opens a session (the server's options, with the spec's keys replacing them); a 429 control error when `max` are open. */
  open(spec: SessionSpecOutput): Promise<SessionInfo>;
  list(): SessionInfo[];
  /**
   * Forgets a session at once and resolves when its port is free; throws a 404 control error for an
   * unknown one, 409 for the default. (Not async: a session deleting itself must not wait for its own
   * server to close while that server is still answering the request.)
   */
  delete(id: string): Promise<void>;
  /** A request reached this session: it is not idle. */
  touch(id: string): void;
  /** Closes every opened session (the default one is closed by its owner). */
  close(): Promise<void>;
}

interface Entry {
  id: string;
  server: SessionServer;
  port: number;
  createdAt: number;
  lastRequestAt: number;
}

/**
 * Sessions: each one an engine of its own on its own port (DESIGN principle 3: sessions share
 * nothing). The registry only counts, lists and closes them; idle ones are closed by a timer.
 */
export function createSessionRegistry(options: SessionRegistryOptions): SessionRegistry {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, Entry>();
  let opening = 0;
  let nextId = 1;
  let defaultSession: { url: string; port: number; createdAt: number; lastRequestAt: number } | undefined;
  let closed = false;

  const info = (entry: Entry): SessionInfo => ({
    id: entry.id,
    port: entry.port,
    baseUrl: entry.server.url,
    default: false,
    createdAt: new Date(entry.createdAt).toISOString(),
    lastRequestAt: new Date(entry.lastRequestAt).toISOString(),
    expiresAt: new Date(entry.lastRequestAt + options.idleTimeoutMs).toISOString(),
  });

  const closeEntry = async (entry: Entry) => {
    sessions.delete(entry.id);
    await entry.server.close();
  };

  // Checks a few times per timeout, at most every 30 s; never keeps the process alive.
  const sweep = setInterval(
    () => {
      const cutoff = now() - options.idleTimeoutMs;
      for (const entry of [...sessions.values()]) if (entry.lastRequestAt <= cutoff) void closeEntry(entry);
    },
    Math.min(30_000, Math.max(50, Math.floor(options.idleTimeoutMs / 4))),
  );
  sweep.unref();

  return {
    max: options.max,
    idleTimeoutMs: options.idleTimeoutMs,
    setDefault(url) {
      defaultSession = { url, port: Number(new URL(url).port), createdAt: now(), lastRequestAt: now() };
    },
    async open(spec) {
      const mock = sessionMockOptions(options.base, spec);
      if (closed) throw new ControlError(503, "The server is closing; no new sessions");
      if (sessions.size + opening >= options.max) {
        throw new ControlError(
          429,
          `Too many sessions: ${options.max} are open, the most --max-sessions allows; delete one (DELETE /__mock/sessions/{id}) or let idle ones expire (after ${options.idleTimeoutMs / 1000} s without requests)`,
        );
      }
      const id = `s${nextId++}`;
      opening++;
      let server: SessionServer;
      try {
        server = await options.start(mock, id);
      } finally {
        opening--;
      }
      const entry: Entry = { id, server, port: Number(new URL(server.url).port), createdAt: now(), lastRequestAt: now() };
      sessions.set(id, entry);
      if (closed) await closeEntry(entry);
      return info(entry);
    },
    list() {
      const opened = [...sessions.values()].map(info);
      if (defaultSession === undefined) return opened;
      const { url, port, createdAt, lastRequestAt } = defaultSession;
      const own: SessionInfo = {
        id: "default",
        port,
        baseUrl: url,
        default: true,
        createdAt: new Date(createdAt).toISOString(),
        lastRequestAt: new Date(lastRequestAt).toISOString(),
      };
      return [own, ...opened];
    },
    delete(id) {
      if (id === "default")
        throw new ControlError(409, "The default session is the server itself and cannot be deleted; reset it with POST /__mock/reset");
      const entry = sessions.get(id);
      if (entry === undefined) {
        throw new ControlError(
          404,
          `No session ${JSON.stringify(id)}: it was deleted, never opened, or closed after ${options.idleTimeoutMs / 1000} s without requests`,
        );
      }
      return closeEntry(entry);
    },
    touch(id) {
      if (id === "default") {
        if (defaultSession !== undefined) defaultSession.lastRequestAt = now();
        return;
      }
      const entry = sessions.get(id);
      if (entry !== undefined) entry.lastRequestAt = now();
    },
    async close() {
      closed = true;
      clearInterval(sweep);
      await Promise.all([...sessions.values()].map(closeEntry));
    },
  };
}
