import type { Vendor } from "../../schemas/common/endpoint.js";
import type { ContractCase, TargetFixtures } from "../case.js";
import { demoCredentials } from "../../mocks/options.js";
import { demoContractCredentials, type ContractCredentials } from "../credentials.js";
import type { ContractRequest, Exchange } from "../exchange.js";
import { CASE_HEADER, STEP_HEADER } from "../proxy/violation-headers.js";
import { signRequest } from "../signing.js";
import { budgetedSend } from "./budgeted-send.js";
import { httpSend, resolveUrl } from "./http-send.js";
import { TargetUnreachable, unreachable } from "./unreachable.js";
import { caseRoomSpec, fakeFixtures } from "./case-rooms.js";
import type { SendOptions, Target } from "./target.js";

/** What to check when the server cannot be reached. */
const HINT = "is the fake server running?";

/** Response header a contract proxy puts on every reply; behind one, signatures are re-made and cannot be judged. */
export const PROXY_MARKER_HEADER = "x-rtc-contract-proxy";

/** Options of the base-URL target. */
export interface UrlTargetOptions {
  /** Base URL of the fake server, a proxy, or anything speaking the vendors' APIs. */
  baseUrl: string;
  /** Signing credentials; default: the fake server's demo credentials. */
  credentials?: ContractCredentials;
  /** Reset the server between cases through its control API (`POST /__mock/reset`); default: when it has one. */
  reset?: boolean;
  /**
   * Run in a session of its own when the server offers sessions (`POST /__mock/sessions`), deleted at
   * the end, so the server's default session is left as it was; default true. Not behind a contract
   * proxy (the session's port would bypass it).
   */
  session?: boolean;
  /** Fixtures to use instead of asking the control API. */
  fixtures?: Partial<TargetFixtures>;
  /** Allowed clock difference when judging time rules (default 250 ms). */
  skewMs?: number;
  /** Timeout of control API calls (ms, default 30 s); vendor requests time out at their latency budget. */
  timeoutMs?: number;
}

interface Health {
  auth?: string;
  clock?: { now: number; frozen: boolean };
}

/**
 * Any server at a base URL: the fake server (or anything speaking the same APIs, e.g. a contract
 * proxy). When the server has the fake's control API under `/__mock`, the target reads its clock,
 * its rooms and its auth mode there and resets it before each case, so every case starts with
 * fresh quotas, and stops its clock during rate-limit bursts; otherwise it uses the local clock and
 * the fixtures it is given.
 */
export function urlTarget(options: UrlTargetOptions): Target {
  const server = new URL(options.baseUrl);
  // Where cases go: the server itself, or the session opened on it.
  let base = server;
  let session: { id: string; baseUrl: string } | undefined;
  const notices: string[] = [];
  const credentials = options.credentials ?? demoContractCredentials();
  const timeoutMs = options.timeoutMs ?? 30_000;
  let probed: Promise<{ control: boolean; verifies: boolean; proxied: boolean }> | undefined;
  // Target clock = local clock + offset (a frozen server clock is re-read each time instead).
  let clock = { offset: 0, frozenAt: undefined as number | undefined };

  const control = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; headers: Record<string, string>; localMidpoint: number }> => {
    const before = Date.now();
    const request: Pick<ContractRequest, "headers" | "body"> =
      body === undefined ? { headers: {}, body: "" } : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
    let response: Awaited<ReturnType<typeof httpSend>>;
    try {
      response = await httpSend(resolveUrl(base, `/__mock${path}`), { method: method as "GET" | "POST", path, ...request }, timeoutMs);
    } catch (cause) {
      // A server that went away mid-run stops the run here (reset before each case), not with "fetch failed" per case.
      throw unreachable(cause, server, HINT) ?? cause;
    }
    const localMidpoint = Math.round((before + Date.now()) / 2);
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, headers: response.headers, localMidpoint };
  };

  const probe = () =>
    (probed ??= (async () => {
      try {
        const health = await control("GET", "/health");
        const body = health.json as Health | undefined;
        if (health.status !== 200 || body?.clock === undefined)
          return { control: false, verifies: false, proxied: PROXY_MARKER_HEADER in health.headers };
        const proxied = PROXY_MARKER_HEADER in health.headers;
        if (options.session !== false) await openSession(proxied);
        const clockNow = session === undefined ? health : await control("GET", "/clock");
        adoptClock(session === undefined ? body.clock : (clockNow.json as Health["clock"] & object), clockNow.localMidpoint);
        return { control: true, verifies: body.auth === "verify", proxied };
      } catch (cause) {
        if (cause instanceof TargetUnreachable) throw cause;
        // Connected but no answer at all: every case would wait out its latency budget the same way.
        if (cause instanceof Error && cause.name === "TimeoutError")
          throw new TargetUnreachable(server.origin, `no answer within ${timeoutMs / 1000} s`, HINT);
        return { control: false, verifies: false, proxied: false };
      }
    })());

  // A session of its own leaves the server's default session untouched; without one, say so once.
  const openSession = async (proxied: boolean) => {
    if (proxied) {
      notices.push(
        `${server.origin} is a contract proxy: cases run on the fake server's default session behind it (a session's own port would bypass the proxy)`,
      );
      return;
    }
    const opened = await control("POST", "/sessions", {});
    const answer = opened.json as { id?: string; baseUrl?: string } | undefined;
    if (opened.status !== 201 || answer?.id === undefined || answer.baseUrl === undefined) {
      notices.push(
        `the server at ${server.origin} offers no sessions (POST /__mock/sessions answered HTTP ${opened.status}): cases run on its default session, which is reset before each case`,
      );
      return;
    }
    session = { id: answer.id, baseUrl: answer.baseUrl };
    base = new URL(answer.baseUrl);
  };

  // The server read its clock somewhere during the round trip; the midpoint is off by at most half of it.
  const adoptClock = (state: { now: number; frozen: boolean }, localMidpoint: number) => {
    clock = state.frozen ? { offset: 0, frozenAt: state.now } : { offset: state.now - localMidpoint, frozenAt: undefined };
  };
  const now = () => clock.frozenAt ?? Date.now() + clock.offset;

  let verifies = false;
  let frozeClock = false;
  return {
    kind: "url",
    get description() {
      return `server at ${server.origin}${server.pathname === "/" ? "" : server.pathname}${session === undefined ? "" : ` (session ${session.id})`}`;
    },
    notices: () => [...notices],
    spendsQuota: false,
    // The server's running clock is known to within half a round trip (see adoptClock).
    skewMs: options.skewMs ?? 250,
    verifiesSignatures: (vendor: Vendor) => verifies && credentials[vendor] !== undefined,
    async fixtures() {
      const state = await probe();
      verifies = state.verifies && !state.proxied;
      const appIds = { volcengine: "contract_app", zego: credentials.zego?.appId ?? demoCredentials.zego[0]!.appId };
      // With a control API each case creates the room it needs (beginCase), whatever rooms the server holds.
      const found = fakeFixtures(appIds, state.control && (options.reset ?? true));
      return {
        volcengine: { ...found.volcengine, ...options.fixtures?.volcengine },
        zego: { ...found.zego, ...options.fixtures?.zego },
        tencent: { ...found.tencent, ...options.fixtures?.tencent },
      };
    },
    async beginCase(c: ContractCase) {
      const state = await probe();
      if (state.control && (options.reset ?? true)) {
        const reset = await control("POST", "/reset");
        const after = (reset.json as { clock?: { now: number; frozen: boolean } } | undefined)?.clock;
        if (reset.status !== 200 || after === undefined) throw new Error(`POST /__mock/reset answered HTTP ${reset.status}`);
        adoptClock(after, reset.localMidpoint);
        frozeClock = false;
        if (c.needs !== undefined) {
          const room = await control("POST", "/rooms", caseRoomSpec(c.needs, now()));
          if (room.status !== 201)
            throw new Error(`POST /__mock/rooms for ${c.needs} answered HTTP ${room.status}: ${JSON.stringify(room.json)}`);
        }
        if (c.burst && !after.frozen) {
          // A burst must land in one rate-limit window however slow the machine: stop the clock for it (the next reset restarts it).
          const frozen = await control("POST", "/clock", { freeze: true });
          const state = (frozen.json as { now?: number; frozen?: boolean } | undefined) ?? {};
          if (frozen.status !== 200 || state.now === undefined) throw new Error(`POST /__mock/clock answered HTTP ${frozen.status}`);
          adoptClock({ now: state.now, frozen: true }, frozen.localMidpoint);
          frozeClock = true;
        }
      }
      return now();
    },
    async send(request: ContractRequest, send: SendOptions): Promise<Exchange> {
      const sentAt = now();
      // Case and step travel along so that a contract proxy in between can record them.
      const labelled = { ...request, headers: { ...request.headers, [CASE_HEADER]: send.caseId, [STEP_HEADER]: String(send.step) } };
      const signed = signRequest(labelled, send.vendor, base, credentials, sentAt, send.auth);
      const { response, elapsedMs } = await budgetedSend(resolveUrl(base, signed.path), signed, send.vendor, send.budgetMs, HINT);
      return { request: signed, response, sentAt, receivedAt: now(), elapsedMs };
    },
    async close() {
      if (session !== undefined) {
        const { id } = session;
        session = undefined;
        base = server;
        const deleted = await control("DELETE", `/sessions/${id}`);
        if (deleted.status !== 204 && deleted.status !== 404)
          throw new Error(`DELETE /__mock/sessions/${id} answered HTTP ${deleted.status}`);
        return;
      }
      if (frozeClock) await control("POST", "/clock", { unfreeze: true });
    },
  };
}
