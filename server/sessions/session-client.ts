import { CONTROL_PREFIX } from "../control/prefix.js";
import { startServer } from "../start-server.js";
import { sessionMockOptions, sessionSpecSchema, type SessionSpec } from "./session-spec.js";
import { describeIssues } from "../describe-issues.js";

/** Where the shared fake server is looked for unless told otherwise. */
export const DEFAULT_SERVER_URL = "http://127.0.0.1:4010";
/** Environment variable naming the shared fake server's base URL. */
export const SERVER_URL_ENV = "RTC_MOCK_URL";

/** One isolated fake for one test file or job: a session on a shared server, or a server of its own. */
export interface MockSession {
  /** The session id on the shared server; `in-process` for a server of its own. */
  readonly id: string;
  readonly port: number;
  /** Point the SDKs here: every vendor endpoint, and this session's own control API under `/__mock`. */
  readonly baseUrl: string;
  /** True when no shared server was running and this is a server started in this process. */
  readonly inProcess: boolean;
  /** Calls this session's control API (`path` below `/__mock`); throws an Error with the control error's message on a non-2xx. */
  control<T = unknown>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T>;
  /** `POST /__mock/reset` of this session. */
  reset(): Promise<{ clockReset: string }>;
  /** Deletes the session (or stops the server of its own); safe to call twice. */
  close(): Promise<void>;
}

/** Options of `openSession` and `openSessionOrServer`. */
export interface OpenSessionOptions {
  /** The shared server; default: `RTC_MOCK_URL`, else http://127.0.0.1:4010. */
  serverUrl?: string;
  /** The session's settings (seed, clock, auth, rateLimits, faults), as in the config file. */
  spec?: SessionSpec;
}

/** The shared server's URL: given, else RTC_MOCK_URL, else the CLI's default. */
export function serverUrlOf(options: OpenSessionOptions = {}): string {
  return options.serverUrl ?? (process.env[SERVER_URL_ENV] || DEFAULT_SERVER_URL);
}

/** Opens a session on a running fake server; a readable Error when it is not reachable or offers no sessions. */
export async function openSession(options: OpenSessionOptions = {}): Promise<MockSession> {
  const serverUrl = serverUrlOf(options);
  let response: Response;
  try {
    response = await fetch(new URL(`${CONTROL_PREFIX}/sessions`, serverUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(options.spec ?? {}),
    });
  } catch (cause) {
    throw new Error(`cannot reach the fake server at ${serverUrl}: ${reasonOf(cause)}; is it running (npm start)?`, { cause });
  }
  const text = await response.text();
  if (response.status !== 201)
    throw new Error(`the fake server at ${serverUrl} opened no session: HTTP ${response.status} ${messageOf(text)}`);
  const opened = JSON.parse(text) as { id: string; port: number; baseUrl: string };
  let closing: Promise<void> | undefined;
  return sessionHandle({
    ...opened,
    inProcess: false,
    close: () =>
      (closing ??= (async () => {
        const deleted = await fetch(new URL(`${CONTROL_PREFIX}/sessions/${opened.id}`, serverUrl), { method: "DELETE" });
        // 404: it already expired or was deleted, which is what closing wants.
        if (deleted.status !== 204 && deleted.status !== 404)
          throw new Error(`DELETE session ${opened.id} answered HTTP ${deleted.status} ${messageOf(await deleted.text())}`);
      })()),
  });
}

/**
 * A session on the shared server when one is running there, else a fake server of its own in this
 * process (with the same settings). Use it when tests must work both with and without `npm start`.
 */
export async function openSessionOrServer(options: OpenSessionOptions = {}): Promise<MockSession> {
  if (await offersSessions(serverUrlOf(options))) return openSession(options);
  const parsed = sessionSpecSchema.safeParse(options.spec ?? {});
  if (!parsed.success) throw new Error(`Invalid session spec: ${describeIssues(parsed.error)}`);
  const server = await startServer({ mock: sessionMockOptions({}, parsed.data) });
  return sessionHandle({
    id: "in-process",
    port: Number(new URL(server.url).port),
    baseUrl: server.url,
    inProcess: true,
    close: server.close,
  });
}

/** Does a fake server that can open sessions answer at this URL? */
export async function offersSessions(serverUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL(`${CONTROL_PREFIX}/sessions`, serverUrl), { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

function sessionHandle(parts: Pick<MockSession, "id" | "port" | "baseUrl" | "inProcess" | "close">): MockSession {
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${parts.baseUrl}${CONTROL_PREFIX}${path}`, {
      method,
      ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${CONTROL_PREFIX}${path} answered HTTP ${response.status} ${messageOf(text)}`);
    return (text === "" ? undefined : JSON.parse(text)) as T;
  };
  return { ...parts, control, reset: () => control("POST", "/reset") };
}

function messageOf(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    return text;
  }
}

function reasonOf(cause: unknown): string {
  const code = (cause as { cause?: { code?: string } }).cause?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  return code ?? (cause instanceof Error ? cause.message : String(cause));
}
