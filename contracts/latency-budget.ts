import { parseDurationMs } from "../mocks/core/duration.js";
import type { Vendor } from "../schemas/common/endpoint.js";
import { violation, warning, type Violation } from "./violation.js";

/** How long each vendor's reply may take, by default the official SDKs' default timeouts: a slower reply is one the user's client never sees. */
export const DEFAULT_LATENCY_BUDGET_MS: Readonly<Record<Vendor, number>> = {
  // @volcengine/openapi's timeout is fixed at 10 s (shared/vendor-notes/volcengine.md, Node SDK).
  volcengine: 10_000,
  // tencentcloud-sdk-nodejs reqTimeout defaults to 60 s (shared/vendor-notes/tencent-zego.md); Go and Python use 60 s too.
  tencent: 60_000,
  // ZEGO has no server SDK; assumed: the same 10 s as Volcengine's Node SDK, a common HTTP client default.
  zego: 10_000,
};

/** Why each default is what it is, for messages. */
const BASIS: Readonly<Record<Vendor, string>> = {
  volcengine: "the Volcengine Node SDK's fixed timeout",
  tencent: "the Tencent Cloud SDKs' default reqTimeout",
  zego: "assumed, ZEGO has no SDK",
};

/** Budgets per vendor: the defaults with the given ones replacing them. */
export type LatencyBudget = Readonly<Record<Vendor, number>>;

/** Thrown by a target when no reply came within the budget (the request was aborted there). */
export class LatencyBudgetExceeded extends Error {
  constructor(
    readonly vendor: Vendor,
    readonly budgetMs: number,
  ) {
    super(`no reply within the ${budgetMs / 1000} s ${vendor} latency budget`);
    this.name = "LatencyBudgetExceeded";
  }
}

function basisOf(vendor: Vendor, budget: LatencyBudget): string {
  return budget[vendor] === DEFAULT_LATENCY_BUDGET_MS[vendor] ? ` (${BASIS[vendor]})` : " (--latency-budget)";
}

/** The violation of a request that got no reply within the budget. */
export function timedOut(vendor: Vendor, budget: LatencyBudget): Violation {
  return violation(
    "latency",
    "$",
    `no reply within ${budget[vendor] / 1000} s, the ${vendor} latency budget${basisOf(vendor, budget)}: a client with that timeout gives up`,
  );
}

/**
 * A reply over the budget fails (a client with that timeout would have given up); one over half of
 * it is a warning (slow, but what the client computes is unchanged).
 */
export function checkLatency(elapsedMs: number | undefined, vendor: Vendor, budget: LatencyBudget): Violation[] {
  if (elapsedMs === undefined) return [];
  const limit = budget[vendor];
  const took = `${(elapsedMs / 1000).toFixed(1)} s`;
  if (elapsedMs > limit)
    return [violation("latency", "$", `reply took ${took}, over the ${limit / 1000} s ${vendor} latency budget${basisOf(vendor, budget)}`)];
  if (elapsedMs >= limit / 2)
    return [
      warning(
        "latency",
        "$",
        `reply took ${took}, at least half of the ${limit / 1000} s ${vendor} latency budget${basisOf(vendor, budget)}`,
      ),
    ];
  return [];
}

function durationMs(text: string, what: string): number {
  let ms: number;
  try {
    ms = parseDurationMs(text);
  } catch {
    throw new Error(`${what}: expected a duration like 10s, 2500ms or 1m, got ${JSON.stringify(text)}`);
  }
  if (!(ms >= 1)) throw new Error(`${what}: the budget must be at least 1 ms`);
  return ms;
}

/** `--latency-budget`: one duration for every vendor (`5s`), or per vendor (`volcengine=5s,tencent=20s`). */
export function parseLatencyBudget(text: string): LatencyBudget {
  if (!text.includes("=")) {
    const ms = durationMs(text, "--latency-budget");
    return { volcengine: ms, zego: ms, tencent: ms };
  }
  const budget: Record<Vendor, number> = { ...DEFAULT_LATENCY_BUDGET_MS };
  for (const part of text.split(",")) {
    const [vendor, value] = part.split("=").map((s) => s.trim());
    if (vendor !== "volcengine" && vendor !== "zego" && vendor !== "tencent")
      throw new Error(`--latency-budget: unknown vendor ${JSON.stringify(vendor)} (volcengine, zego, tencent)`);
    budget[vendor] = durationMs(value ?? "", `--latency-budget ${vendor}`);
  }
  return budget;
}
