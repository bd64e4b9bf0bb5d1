import type { Vendor } from "../schemas/common/endpoint.js";
import { endpointById } from "../schemas/registry.js";
import { requestCount, type ContractCase } from "./case.js";
import { Pacer } from "./pacer.js";

/** Requests a full run sends to one vendor: by default, with --include-quota-cases, and which cases need state. */
export interface VendorCost {
  cases: number;
  /** Requests of a default run (no quota cases). */
  requests: number;
  /** Extra requests of the quota-spending cases (rate-limit bursts). */
  quotaCaseRequests: number;
  /** Requests of cases that run only where their fixture (a room in some state) exists. */
  stateCaseRequests: number;
  /** Requests of signature cases (rejected by the vendor's gateway before any business logic). */
  authCaseRequests: number;
}

/** Counts the requests a run of `cases` sends to each vendor: its cost in vendor quota. */
export function quotaCost(cases: readonly ContractCase[]): Record<Vendor, VendorCost> {
  const zero = (): VendorCost => ({ cases: 0, requests: 0, quotaCaseRequests: 0, stateCaseRequests: 0, authCaseRequests: 0 });
  const out: Record<Vendor, VendorCost> = { volcengine: zero(), zego: zero(), tencent: zero() };
  for (const c of cases) {
    const vendor = endpointById(c.endpointId)?.vendor;
    if (vendor === undefined) continue;
    const cost = out[vendor];
    const n = requestCount(c);
    cost.cases++;
    if (c.quota) cost.quotaCaseRequests += n;
    else cost.requests += n;
    if (c.needs !== undefined && !c.quota) cost.stateCaseRequests += n;
    if (c.auth) cost.authCaseRequests += n;
  }
  return out;
}

/** How long the pacer makes a vendor's share of a run take, network time aside (ms), simulated on a fake clock. */
export async function pacedDurationMs(cases: readonly ContractCase[], vendor: Vendor, includeQuotaCases: boolean): Promise<number> {
  let now = 0;
  const pacer = new Pacer({ now: () => now, sleep: async (ms) => void (now += ms) });
  for (const c of cases) {
    const endpoint = endpointById(c.endpointId);
    if (endpoint === undefined || endpoint.vendor !== vendor || (c.quota && !includeQuotaCases)) continue;
    for (let i = 0; i < c.steps.length; i++)
      await pacer.take(`${endpoint.vendor}:${endpoint.action}`, endpoint.limits.rate, c.burst ?? false);
  }
  return now;
}

function humanMs(ms: number): string {
  if (ms < 1_000) return "under 1 s";
  if (ms < 120_000) return `about ${Math.round(ms / 1_000)} s`;
  return `about ${Math.round(ms / 60_000)} min`;
}

/** The documented limits of a vendor's endpoints, as text. */
function limitsText(vendor: Vendor, cases: readonly ContractCase[]): string {
  const seen = new Set<string>();
  for (const c of cases) {
    const endpoint = endpointById(c.endpointId);
    if (endpoint?.vendor !== vendor) continue;
    for (const rule of endpoint.limits.rate)
      seen.add(`${rule.limit}/${rule.windowMs >= 86_400_000 ? "day" : rule.windowMs >= 60_000 ? "min" : "s"}`);
  }
  return [...seen].join(" + ") + (vendor === "volcengine" ? " per action" : "");
}

/**
 * The quota table of docs/contracts.md, computed from the case list (a test keeps the doc in step):
 * requests per vendor in a default run, the state and signature cases among them, the extra
 * requests of --include-quota-cases, and how long the pacer makes each take.
 */
export async function quotaTableMarkdown(cases: readonly ContractCase[]): Promise<string> {
  const cost = quotaCost(cases);
  const rows = [
    "| vendor | cases | requests, default run | of which need a room in a given state | of which signature cases | extra with `--include-quota-cases` | documented limit | paced default run | paced with quota cases |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const vendor of Object.keys(cost) as Vendor[]) {
    const c = cost[vendor];
    const plain = await pacedDurationMs(cases, vendor, false);
    const all = await pacedDurationMs(cases, vendor, true);
    rows.push(
      `| ${vendor} | ${c.cases} | ${c.requests} | ${c.stateCaseRequests} | ${c.authCaseRequests} | ${c.quotaCaseRequests} | ${limitsText(vendor, cases)} | ${humanMs(plain)} | ${humanMs(all)} |`,
    );
  }
  return `${rows.join("\n")}\n`;
}
