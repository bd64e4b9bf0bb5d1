import type { Fidelity } from "../schemas/common/sourced.js";
import { endpointById } from "../schemas/registry.js";
import type { CaseContext, ContractCase, FixtureName, TargetFixtures } from "./case.js";
import type { Exchange } from "./exchange.js";
import { endpointOfRequest } from "./identify.js";
import { judgeReply } from "./judge.js";
import { checkLatency, DEFAULT_LATENCY_BUDGET_MS, LatencyBudgetExceeded, timedOut, type LatencyBudget } from "./latency-budget.js";
import { observe, type ObservedExchange } from "./observed.js";
import { QuotaBudgetExceeded } from "./pacer.js";
import { CaseSkipped, type Target } from "./targets/target.js";
import { TargetUnreachable } from "./targets/unreachable.js";
import { failing, type Violation } from "./violation.js";

/** Outcome of one case. */
export type CaseStatus = "passed" | "failed" | "skipped" | "errored";

/** What happened to one case: its status, why (for skips and errors) and every violation found. */
export interface CaseResult {
  id: string;
  endpointId: string;
  title: string;
  fidelity: Fidelity;
  source: string;
  status: CaseStatus;
  /** Why a case was skipped or could not run. */
  reason?: string;
  /** Errors and warnings; any error fails the case. */
  violations: Violation[];
  /** Requests sent. */
  requests: number;
  durationMs: number;
}

/** A whole run: the target, every case result and the totals. */
export interface RunReport {
  target: string;
  /** What the target said about how it ran (a fallback it took), one line each. */
  notices: string[];
  startedAt: string;
  durationMs: number;
  results: CaseResult[];
  summary: { total: number; passed: number; failed: number; skipped: number; errored: number; warnings: number };
}

/** Options of a run. */
export interface RunOptions {
  target: Target;
  cases: readonly ContractCase[];
  /** Run cases that spend vendor quota (rate-limit bursts) against real vendors too. */
  includeQuotaCases?: boolean;
  /** Called after each case (progress output). */
  onResult?: (result: CaseResult) => void;
  /** Called with each of the target's notices, before the first case. */
  onNotice?: (notice: string) => void;
  /** Called with every exchange (the recorder). */
  onExchange?: (exchange: Exchange, c: ContractCase, step: number) => Promise<void> | void;
  /** Exchanges to judge without a case; default: the target's unclaimed recordings. Each is judged as what it claims to be. */
  observedOnly?: readonly { id: string; exchange: Exchange }[];
  /** How long each vendor's replies may take; default the official SDKs' default timeouts (contracts/latency-budget.ts). */
  latencyBudget?: LatencyBudget;
}

const FIXTURE_HINT: Record<FixtureName, string> = {
  "tencent.endedRoomId": "an ended room (RTC_CONTRACT_TENCENT_ENDED_ROOM_ID against the vendor)",
  "tencent.liveRoomId": "a live room (RTC_CONTRACT_TENCENT_LIVE_ROOM_ID against the vendor)",
  "tencent.pendingRoomId": "a room whose statistics are still being computed (RTC_CONTRACT_TENCENT_PENDING_ROOM_ID)",
};

function fixtureOf(fixtures: TargetFixtures, name: FixtureName): unknown {
  const [vendor, field] = name.split(".") as ["tencent", keyof TargetFixtures["tencent"]];
  return fixtures[vendor][field];
}

/** Why a case cannot run on this target, or undefined when it can. */
export function skipReason(c: ContractCase, target: Target, fixtures: TargetFixtures, includeQuotaCases: boolean): string | undefined {
  const endpoint = endpointById(c.endpointId);
  if (endpoint === undefined) return `endpoint ${c.endpointId} is not in the registry`;
  if (c.quota && target.spendsQuota && !includeQuotaCases)
    return "spends vendor quota: run with --include-quota-cases, or pass --allow-skips";
  if (c.auth && !target.verifiesSignatures(endpoint.vendor))
    return "the target does not sign for this vendor or its server does not check signatures: start the fake server with --auth verify (and sign with --sign demo or env), or pass --allow-skips";
  if (c.needs !== undefined && fixtureOf(fixtures, c.needs) === undefined) return `needs ${FIXTURE_HINT[c.needs]}, or pass --allow-skips`;
  return undefined;
}

function tagged(violations: readonly Violation[], step: number, steps: number): Violation[] {
  return steps === 1 ? [...violations] : violations.map((v) => ({ ...v, message: `[request ${step + 1}] ${v.message}` }));
}

/** Runs one case on a target and judges every reply. */
export async function runCase(
  c: ContractCase,
  target: Target,
  fixtures: TargetFixtures,
  options: Omit<RunOptions, "cases" | "target"> = {},
): Promise<CaseResult> {
  const started = Date.now();
  const base = { id: c.id, endpointId: c.endpointId, title: c.title, fidelity: c.fidelity, source: c.source };
  const done = (status: CaseStatus, violations: Violation[], requests: number, reason?: string): CaseResult => ({
    ...base,
    status,
    ...(reason !== undefined ? { reason } : {}),
    violations,
    requests,
    durationMs: Date.now() - started,
  });
  const skip = skipReason(c, target, fixtures, options.includeQuotaCases ?? false);
  if (skip !== undefined) return done("skipped", [], 0, skip);
  const endpoint = endpointById(c.endpointId)!;
  const budget = options.latencyBudget ?? DEFAULT_LATENCY_BUDGET_MS;
  let requests = 0;
  const violations: Violation[] = [];
  try {
    // Whole milliseconds: cases put the clock into integer wire fields (ZEGO StartTs).
    const now = Math.floor(await target.beginCase(c));
    const ctx: CaseContext = { now, fixtures, endpoint };
    const observed: ObservedExchange[] = [];
    const send = (i: number) => {
      const step = c.steps[i]!;
      return target.send(step.build(ctx), {
        vendor: endpoint.vendor,
        endpointId: endpoint.id,
        auth: step.auth ?? "valid",
        caseId: c.id,
        step: i,
        burst: c.burst ?? false,
        budgetMs: budget[endpoint.vendor],
      });
    };
    // A burst goes out all at once (over a long network path, one by one could straddle several windows); other cases in order.
    const sent = c.burst ? await Promise.all(c.steps.map((_, i) => send(i))) : undefined;
    for (const [i, step] of c.steps.entries()) {
      const exchange = sent?.[i] ?? (await send(i));
      requests++;
      await options.onExchange?.(exchange, c, i);
      const x = observe(endpoint, exchange, target.skewMs);
      observed.push(x);
      const found = judgeReply(x, step.expect);
      // Case checks read a reply of the expected kind; on the wrong outcome they would only add noise.
      if (!found.some((v) => v.rule === "expect.outcome" || v.rule === "json"))
        for (const check of step.checks ?? []) found.push(...check(x));
      found.push(...checkLatency(exchange.elapsedMs, endpoint.vendor, budget));
      violations.push(...tagged(found, i, c.steps.length));
    }
    if (c.across) violations.push(...c.across(observed));
    return done(failing(violations).length > 0 ? "failed" : "passed", violations, requests);
  } catch (cause) {
    if (cause instanceof TargetUnreachable) throw cause; // stops the run: every other case would fail the same way
    if (cause instanceof LatencyBudgetExceeded)
      return done("failed", [...violations, ...tagged([timedOut(cause.vendor, budget)], requests, c.steps.length)], requests + 1);
    if (cause instanceof CaseSkipped || cause instanceof QuotaBudgetExceeded) return done("skipped", [], requests, cause.message);
    return done("errored", [], requests, cause instanceof Error ? cause.message : String(cause));
  }
}

/** Judges an exchange no case claims (e.g. a recording of real traffic) as what it claims to be. */
export function judgeObserved(id: string, exchange: Exchange, skewMs: number, endpointId: string | undefined): CaseResult {
  const endpoint = endpointId === undefined ? undefined : endpointById(endpointId);
  const base = {
    id,
    endpointId: endpointId ?? "unknown",
    title: "recorded exchange",
    fidelity: "documented" as const,
    source: "recording",
    requests: 0,
    durationMs: 0,
  };
  if (endpoint === undefined)
    return { ...base, status: "skipped", reason: "the request matches no endpoint of the registry", violations: [] };
  const violations = judgeReply(observe(endpoint, exchange, skewMs));
  return { ...base, status: failing(violations).length > 0 ? "failed" : "passed", violations };
}

/** Runs cases in order on one target and collects the report. */
export async function runContract(options: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const fixtures = await options.target.fixtures();
  const notices = options.target.notices?.() ?? [];
  for (const notice of notices) options.onNotice?.(notice);
  const results: CaseResult[] = [];
  for (const c of options.cases) {
    const result = await runCase(c, options.target, fixtures, options);
    results.push(result);
    options.onResult?.(result);
  }
  for (const item of options.observedOnly ?? options.target.unclaimed?.() ?? []) {
    const result = judgeObserved(item.id, item.exchange, options.target.skewMs, endpointOfRequest(item.exchange.request)?.id);
    results.push(result);
    options.onResult?.(result);
  }
  return {
    target: options.target.description,
    notices,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    results,
    summary: summarize(results),
  };
}

/** Totals of a list of results. */
export function summarize(results: readonly CaseResult[]): RunReport["summary"] {
  const count = (status: CaseStatus) => results.filter((r) => r.status === status).length;
  return {
    total: results.length,
    passed: count("passed"),
    failed: count("failed"),
    skipped: count("skipped"),
    errored: count("errored"),
    warnings: results.reduce((n, r) => n + r.violations.filter((v) => v.severity === "warning").length, 0),
  };
}
