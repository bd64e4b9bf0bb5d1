import type { Vendor } from "../../schemas/common/endpoint.js";
import { replyText } from "../../mocks/core/reply.js";
import { createMockEngine, type MockEngine } from "../../mocks/core/engine.js";
import type { MockOptions } from "../../mocks/options.js";
import type { ContractCase } from "../case.js";
import { demoContractCredentials, type ContractCredentials } from "../credentials.js";
import { lowerCaseHeaders, type ContractRequest, type Exchange } from "../exchange.js";
import { signRequest } from "../signing.js";
import { LatencyBudgetExceeded } from "../latency-budget.js";
import { caseRoomSpec, fakeFixtures } from "./case-rooms.js";
import type { SendOptions, Target } from "./target.js";

/** Where in-process requests pretend to go; the engine picks the vendor by shape, as on a shared port. */
const INPROC_BASE = new URL("http://127.0.0.1:4010/");

/** Options of the in-process target. */
export interface InprocTargetOptions {
  /** Engine options; defaults: seed 1, signature checks on (demo credentials), a clock frozen at the real now. */
  mock?: MockOptions;
  /** Use this engine instead of creating one. */
  engine?: MockEngine;
}

/**
 * The engine, in this process, no port. Each case starts from a reset engine (fresh quotas, seeded
 * rooms) on a frozen clock, so runs are repeatable; requests are signed with the demo credentials
 * and the engine verifies them, so the signature cases run too.
 */
export function inprocTarget(options: InprocTargetOptions = {}): Target {
  const engine =
    options.engine ??
    createMockEngine({ seed: 1, clock: { frozen: true }, ...options.mock, auth: { mode: "verify", ...options.mock?.auth } });
  const credentials: ContractCredentials = demoContractCredentials();
  const verifying = engine.options.auth.mode === "verify";
  return {
    kind: "inproc",
    description: `in-process engine (seed ${String(engine.options.seed)}, auth ${engine.options.auth.mode})`,
    spendsQuota: false,
    skewMs: 0,
    verifiesSignatures: (_vendor: Vendor) => verifying,
    async fixtures() {
      return fakeFixtures({ volcengine: "contract_app", zego: credentials.zego!.appId }, true);
    },
    async beginCase(c: ContractCase) {
      engine.reset();
      // The room the case needs, created fresh, whatever the seeded rooms are.
      if (c.needs !== undefined) engine.backends.tencent.rooms.add(caseRoomSpec(c.needs, engine.clock.now()));
      return engine.clock.now();
    },
    async send(request: ContractRequest, send: SendOptions): Promise<Exchange> {
      const sentAt = engine.clock.now();
      const signed = signRequest(request, send.vendor, INPROC_BASE, credentials, sentAt, send.auth);
      const url = new URL(signed.path, INPROC_BASE);
      const headers = { ...lowerCaseHeaders(signed.headers), host: url.host };
      const reply = engine.handle({ method: signed.method, url, headers, rawBody: new TextEncoder().encode(signed.body) });
      if (reply.drop) throw new Error("the engine dropped the connection (a fault rule)");
      // A latency fault is not waited for here: its delay is the reply's latency.
      const elapsedMs = reply.delayMs ?? 0;
      if (elapsedMs > send.budgetMs) throw new LatencyBudgetExceeded(send.vendor, send.budgetMs);
      return {
        request: signed,
        response: { status: reply.status, headers: lowerCaseHeaders(reply.headers), body: replyText(reply) },
        sentAt,
        receivedAt: engine.clock.now(),
        elapsedMs,
      };
    },
    async close() {},
  };
}
