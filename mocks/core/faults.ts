import type { Vendor } from "../../schemas/common/endpoint.js";
import { endpoints } from "../../schemas/registry.js";
import { utf8 } from "./reply.js";
import { MAX_FAULT_BYTES, MAX_FAULT_LATENCY_MS, MAX_FAULT_RULE_BYTES, MAX_FAULT_RULES } from "./bounds.js";

/** What a fault does to a matching request. */
export type FaultEffect =
  /** Answer with this catalog error (in the vendor's envelope and status). */
  | { kind: "error"; code: string; args?: string[] }
  /** Wait this long, then handle the request normally. */
  | { kind: "latency"; ms: number }
  /** Answer with a bare HTTP status (e.g. 502), body as a gateway would send it. */
  | { kind: "http"; status: number; body?: string }
  /** Close the connection without answering. */
  | { kind: "drop" };

/** A user-defined fault: which requests it hits, what it does, how often. */
export type FaultSpec = FaultEffect & {
  /** Limit to one vendor and optionally one action; omitted: every request. */
  vendor?: Vendor;
  action?: string;
  /** Hit only the next N matching requests, then retire. */
  times?: number;
  /** Hit each matching request with this probability (0–1), drawn from the seeded PRNG. */
  probability?: number;
};

/** A registered fault with its id and remaining count. */
export type FaultRule = FaultSpec & { id: string; remaining?: number };

/** Faults decided for one request: added latency plus at most one terminal effect. */
export interface FaultDecision {
  latencyMs: number;
  terminal?: Exclude<FaultEffect, { kind: "latency" }> & { ruleId: string };
}

/** The live set of fault rules. */
export interface FaultRegistry {
  add(spec: FaultSpec): FaultRule;
  list(): FaultRule[];
  remove(id: string): boolean;
  clear(): void;
  /** Decides the faults of one request and consumes `times` of the rules that fired. */
  decide(vendor: Vendor, action: string | undefined): FaultDecision;
}

/** What fault rules of a vendor may name: its actions (from the registry) and its error catalog. */
export type FaultCatalog = (vendor: Vendor) => { actions: readonly string[]; errors: Readonly<Record<string, unknown>> } | undefined;

/**
 * Checks a fault spec from untrusted input (control API, config file, MSW control): its values, and
 * against the vendor's actions and catalog (an error fault is rendered in that vendor's envelope).
 * Returns a message or null.
 */
export function validateFaultSpec(spec: FaultSpec, catalog: FaultCatalog): string | null {
  const known = spec.vendor === undefined ? undefined : catalog(spec.vendor);
  if (spec.vendor !== undefined && known === undefined)
    return `unknown vendor ${JSON.stringify(spec.vendor)} (expected volcengine, zego or tencent)`;
  if (spec.action !== undefined) {
    if (spec.vendor === undefined) return "an action needs its vendor";
    const actions = known!.actions;
    if (!actions.includes(spec.action))
      return `${spec.vendor} has no action ${JSON.stringify(spec.action)} (known: ${actions.join(", ") || "none"})`;
  }
  if (spec.kind === "error") {
    if (spec.vendor === undefined) return "error faults need a vendor, whose catalog the code comes from";
    if (typeof spec.code !== "string" || !Object.hasOwn(known!.errors, spec.code))
      return `${JSON.stringify(spec.code)} is not in the ${spec.vendor} error catalog`;
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) return "times must be a positive integer";
  if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) return "probability must be between 0 and 1";
  switch (spec.kind) {
    case "error":
      return typeof spec.code === "string" && spec.code !== "" ? null : "error faults need a code";
    case "latency":
      return Number.isFinite(spec.ms) && spec.ms >= 0 && spec.ms <= 60_000 ? null : "latency ms must be between 0 and 60000";
    case "http":
      return Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599 ? null : "http status must be 400–599";
    case "drop":
      return null;
    default:
      return "kind must be error, latency, http or drop";
  }
}

/** Does a rule's scope take in requests of this vendor action? */
/** Whether a rule hits requests of a vendor action (no vendor: every vendor; no action: every action). */
export const hits = (rule: FaultSpec, vendor: Vendor, action: string) =>
  (rule.vendor === undefined || rule.vendor === vendor) && (rule.action === undefined || rule.action === action);

/**
 * Creates a registry; `random` is the seeded PRNG used for probabilistic faults. Rules are bounded
 * in number, in size (each and all together, as JSON) and in the latency they add to one request
 * (mocks/core/bounds.ts); a rule past a bound is refused with the reason.
 */
export function createFaultRegistry(random: () => number, catalog: FaultCatalog, maxRules = MAX_FAULT_RULES): FaultRegistry {
  let rules: { rule: FaultRule; bytes: number }[] = [];
  let totalBytes = 0;
  let nextId = 1;
  const targets = endpoints.map((endpoint) => [endpoint.vendor, endpoint.action] as const);
  /** The most latency one request gets from the rules plus `spec`, over every vendor action `spec` hits. */
  const latencyWith = (spec: FaultSpec & { kind: "latency" }) =>
    Math.max(
      0,
      ...targets
        .filter(([vendor, action]) => hits(spec, vendor, action))
        .map(([vendor, action]) =>
          rules.reduce((sum, { rule }) => (rule.kind === "latency" && hits(rule, vendor, action) ? sum + rule.ms : sum), spec.ms),
        ),
    );
  const active = () => rules.map(({ rule }) => rule);
  const drop = (keep: (rule: FaultRule) => boolean) => {
    const kept = [];
    for (const entry of rules) {
      if (keep(entry.rule)) kept.push(entry);
      else totalBytes -= entry.bytes;
    }
    rules = kept;
  };
  return {
    add(spec) {
      const problem = validateFaultSpec(spec, catalog);
      if (problem !== null) throw new Error(`Invalid fault: ${problem}`);
      if (rules.length >= maxRules) throw new Error(`Too many fault rules (max ${maxRules}); remove some first`);
      const bytes = utf8(JSON.stringify(spec)).length;
      if (bytes > MAX_FAULT_RULE_BYTES) throw new Error(`Fault rule too large: ${bytes} bytes as JSON (max ${MAX_FAULT_RULE_BYTES})`);
      if (totalBytes + bytes > MAX_FAULT_BYTES)
        throw new Error(`Fault rules too large: ${totalBytes + bytes} bytes as JSON in all (max ${MAX_FAULT_BYTES}); remove some first`);
      if (spec.kind === "latency") {
        const summed = latencyWith(spec);
        if (summed > MAX_FAULT_LATENCY_MS)
          throw new Error(
            `Too much latency: the latency rules matching one request would add up to ${summed} ms (max ${MAX_FAULT_LATENCY_MS})`,
          );
      }
      const rule: FaultRule = { ...spec, id: `fault-${nextId++}`, ...(spec.times !== undefined ? { remaining: spec.times } : {}) };
      rules.push({ rule, bytes });
      totalBytes += bytes;
      return rule;
    },
    list: () => active().map((rule) => ({ ...rule })),
    remove(id) {
      const before = rules.length;
      drop((rule) => rule.id !== id);
      return rules.length !== before;
    },
    clear() {
      rules = [];
      totalBytes = 0;
    },
    decide(vendor, action) {
      const decision: FaultDecision = { latencyMs: 0 };
      if (rules.length === 0) return decision;
      let retired = false;
      for (const { rule } of rules) {
        if (rule.vendor !== undefined && rule.vendor !== vendor) continue;
        if (rule.action !== undefined && rule.action !== action) continue;
        if (rule.kind !== "latency" && decision.terminal !== undefined) continue;
        if (rule.probability !== undefined && random() >= rule.probability) continue;
        if (rule.remaining !== undefined && --rule.remaining <= 0) retired = true;
        if (rule.kind === "latency") decision.latencyMs += rule.ms;
        else decision.terminal = { ...stripMatch(rule), ruleId: rule.id };
      }
      if (retired) drop((rule) => rule.remaining === undefined || rule.remaining > 0);
      return decision;
    },
  };
}

function stripMatch(rule: FaultRule): Exclude<FaultEffect, { kind: "latency" }> {
  switch (rule.kind) {
    case "error":
      return rule.args === undefined ? { kind: "error", code: rule.code } : { kind: "error", code: rule.code, args: rule.args };
    case "http":
      return rule.body === undefined ? { kind: "http", status: rule.status } : { kind: "http", status: rule.status, body: rule.body };
    case "drop":
      return { kind: "drop" };
    default:
      throw new Error("latency faults are not terminal");
  }
}
