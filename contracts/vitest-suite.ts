import { endpointById } from "../schemas/registry.js";
import type { ContractCase, TargetFixtures } from "./case.js";
import { buildCases } from "./cases/index.js";
import { runCase, type CaseResult } from "./runner.js";
import type { Target } from "./targets/target.js";

/** The test-runner functions the suite registers with (vitest's, or any compatible runner's). */
export interface SuiteApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => Promise<void>, timeoutMs?: number): void;
  beforeAll(fn: () => Promise<void>, timeoutMs?: number): void;
  afterAll(fn: () => Promise<void>, timeoutMs?: number): void;
}

/** Options of a registered suite. */
export interface ContractSuiteOptions {
  /** Cases to register; default every case of the registry. */
  cases?: readonly ContractCase[];
  includeQuotaCases?: boolean;
  /** A case the target skips fails its test unless this is true (default false: filter the cases instead). */
  allowSkips?: boolean;
  /** Per-case timeout (default 60 s; real vendors pace requests, so give them more). */
  timeoutMs?: number;
}

/** Why a case result fails its test, or undefined when it passes. */
export function resultProblem(result: CaseResult, allowSkips: boolean): string | undefined {
  if (result.status === "passed" || (result.status === "skipped" && allowSkips)) return undefined;
  if (result.status === "skipped") return `skipped: ${result.reason ?? ""}`;
  if (result.status === "errored") return `could not run: ${result.reason ?? ""}`;
  const errors = result.violations.filter((v) => v.severity === "error");
  return `${errors.length} contract violation${errors.length === 1 ? "" : "s"}:\n${errors.map((v) => `  ${v.path}: ${v.message} [${v.rule}]`).join("\n")}`;
}

/**
 * Registers the contract suite as tests: one `describe` per endpoint, one `it` per case, failing
 * with the case's violations. Use it in a vitest file:
 *
 *   import { describe, it, beforeAll, afterAll } from "vitest";
 *   registerContractSuite({ describe, it, beforeAll, afterAll }, () => urlTarget({ baseUrl: "http://127.0.0.1:4010" }));
 */
export function registerContractSuite(api: SuiteApi, makeTarget: () => Target | Promise<Target>, options: ContractSuiteOptions = {}): void {
  const cases = options.cases ?? buildCases();
  let target: Target | undefined;
  let fixtures: TargetFixtures | undefined;
  api.beforeAll(async () => {
    target = await makeTarget();
    fixtures = await target.fixtures();
  }, 60_000);
  api.afterAll(async () => {
    await target?.close();
  });
  const groups = new Map<string, ContractCase[]>();
  for (const c of cases) groups.set(c.endpointId, [...(groups.get(c.endpointId) ?? []), c]);
  for (const [endpointId, group] of groups) {
    api.describe(`${endpointId} (${endpointById(endpointId)?.docUrl ?? "not in the registry"})`, () => {
      for (const c of group) {
        api.it(
          `${c.id.slice(endpointId.length + 1)}: ${c.title}`,
          async () => {
            if (target === undefined || fixtures === undefined) throw new Error("the contract target did not start (see beforeAll)");
            const result = await runCase(c, target, fixtures, { includeQuotaCases: options.includeQuotaCases ?? false });
            const problem = resultProblem(result, options.allowSkips ?? false);
            if (problem !== undefined) throw new Error(`${c.id}: ${problem}`);
          },
          options.timeoutMs ?? 60_000,
        );
      }
    });
  }
}
