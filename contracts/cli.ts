import { readFile, writeFile } from "node:fs/promises";
import type { Vendor } from "../schemas/common/endpoint.js";
import type { ContractCase } from "./case.js";
import { buildCases } from "./cases/index.js";
import { UsageError, integerOption, parseCommandLine } from "./cli-args.js";
import { CREDENTIAL_ENV, credentialsFromEnv, demoContractCredentials, secretValues, type ContractCredentials } from "./credentials.js";
import { startProxy } from "./proxy/proxy-server.js";
import { quotaCost } from "./quota.js";
import { createRecorder } from "./recordings/recorder.js";
import { renderJson } from "./reports/json.js";
import { renderJunit } from "./reports/junit.js";
import { renderTable } from "./reports/table.js";
import { parseLatencyBudget, type LatencyBudget } from "./latency-budget.js";
import { TargetUnreachable } from "./targets/unreachable.js";
import { runContract, type CaseResult } from "./runner.js";
import { inprocTarget } from "./targets/inproc-target.js";
import { recordingsTarget } from "./targets/recordings-target.js";
import type { Target } from "./targets/target.js";
import { urlTarget } from "./targets/url-target.js";
import { vendorTarget } from "./targets/vendor-target.js";

/** Where command output goes (process streams by default; tests pass their own). */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const processIo: CommandIo = { stdout: process.stdout, stderr: process.stderr };

/** Usage of `rtc-analytics-mock contract`. */
export const CONTRACT_USAGE = `Usage: rtc-analytics-mock contract [options]

Checks replies against the contract (schemas, time rules, value ranges, consistency, error codes).

  --target <t>             inproc (default) | url:http://host:port | vendor | recordings:<dir>
  --include-quota-cases    also run cases that spend vendor quota (rate-limit bursts) on real vendors
  --junit <file>           write JUnit XML
  --json <file>            write the JSON report
  --record <dir>           record every exchange of the run (sanitized) for the recordings target
  --vendor <v>             only this vendor (volcengine, zego, tencent); repeatable
  --endpoint <id>          only this endpoint (e.g. zego.GetRealtimeUsage); repeatable
  --case <text>            only cases whose id contains this text; repeatable
  --sign <demo|env|none>   url target: sign with the fake's demo credentials (default), ${CREDENTIAL_ENV.volcengineAccessKeyId}…, or not at all
  --seed <n>               inproc target: world seed (default 1)
  --skew <ms>              allowed clock difference for time rules (vendor default 5000)
  --list                   list the cases and the requests a run sends per vendor, then exit
  --quiet                  print only failing and skipped cases, warnings per rule, and the totals
  --allow-skips            exit 0 even when cases were skipped (by default a skip fails the run)
  --latency-budget <d>     longest a reply may take: 10s for every vendor, or volcengine=5s,tencent=20s
                           (default: the official SDKs' timeouts, volcengine 10s, tencent 60s, zego 10s)
  -h, --help

Exit code: 0 when no case failed, errored or was skipped (skips pass only with --allow-skips, and never
when every case was skipped), 1 otherwise, 2 on a usage error or a target that cannot be reached.
Real vendors read credentials from the environment; see docs/contracts.md.
`;

/** Usage of `rtc-analytics-mock proxy`. */
export const PROXY_USAGE = `Usage: rtc-analytics-mock proxy --upstream <url|vendors> [--record <dir>] [--replay <dir>] [options]

Forwards requests to the upstream, signed again with the upstream's credentials, checks every reply
against the contract (log line + x-contract-violations header) and records sanitized exchanges.

  --upstream <url|vendors>   base URL (e.g. the fake server) or "vendors" for each vendor's own host
  --record <dir>             write each forwarded exchange as a sanitized JSON file
  --replay <dir>             answer from recordings; unmatched requests go upstream (if any) or get 404
  --credentials <src>        env (default: ${CREDENTIAL_ENV.volcengineAccessKeyId} and friends) | demo | <file.json>
  --demo-credentials         same as --credentials demo (the fake server's verify-mode credentials)
  --port <n>                 default 4011
  --host <addr>              default 127.0.0.1
  -h, --help
`;

function selectCases(all: readonly ContractCase[], values: { vendor?: string[]; endpoint?: string[]; case?: string[] }): ContractCase[] {
  const vendors = values.vendor ?? [];
  for (const v of vendors)
    if (!["volcengine", "zego", "tencent"].includes(v))
      throw new UsageError(`unknown vendor ${JSON.stringify(v)} (volcengine, zego or tencent)`);
  const endpointsWanted = values.endpoint ?? [];
  for (const e of endpointsWanted)
    if (!all.some((c) => c.endpointId === e)) throw new UsageError(`no cases for endpoint ${JSON.stringify(e)}`);
  return all.filter(
    (c) =>
      (vendors.length === 0 || vendors.includes(c.endpointId.split(".")[0]!)) &&
      (endpointsWanted.length === 0 || endpointsWanted.includes(c.endpointId)) &&
      ((values.case ?? []).length === 0 || values.case!.some((text) => c.id.includes(text))),
  );
}

function latencyBudgetOption(text: string): LatencyBudget {
  try {
    return parseLatencyBudget(text);
  } catch (cause) {
    throw new UsageError((cause as Error).message);
  }
}

function signingCredentials(mode: string | undefined): ContractCredentials {
  switch (mode ?? "demo") {
    case "demo":
      return demoContractCredentials();
    case "env":
      return credentialsFromEnv();
    case "none":
      return {};
    default:
      throw new UsageError(`--sign must be demo, env or none, got ${JSON.stringify(mode)}`);
  }
}

/** Builds the target a `--target` value names. */
export async function targetFromSpec(spec: string, options: { seed?: number; sign?: string; skewMs?: number }): Promise<Target> {
  if (spec === "inproc") return inprocTarget({ mock: { seed: options.seed ?? 1 } });
  if (spec === "vendor" || spec === "vendors") return vendorTarget(options.skewMs !== undefined ? { skewMs: options.skewMs } : {});
  if (spec.startsWith("recordings:")) {
    const dir = spec.slice("recordings:".length);
    if (dir === "") throw new UsageError("recordings:<dir> needs a folder");
    return recordingsTarget(dir);
  }
  const url = spec.startsWith("url:") ? spec.slice(4) : spec;
  if (/^https?:\/\//.test(url))
    return urlTarget({
      baseUrl: url,
      credentials: signingCredentials(options.sign),
      ...(options.skewMs !== undefined ? { skewMs: options.skewMs } : {}),
    });
  throw new UsageError(`unknown target ${JSON.stringify(spec)}: use inproc, url:http://host:port, vendor or recordings:<dir>`);
}

function listCases(cases: readonly ContractCase[]): string {
  const lines = cases.map((c) => {
    const tags = [
      c.quota ? "quota" : "",
      c.needs ? `needs ${c.needs}` : "",
      c.auth ? "auth" : "",
      c.fidelity === "assumed" ? "assumed" : "",
    ]
      .filter(Boolean)
      .join(", ");
    return `${c.id}  (${c.steps.length} request${c.steps.length === 1 ? "" : "s"}${tags ? `; ${tags}` : ""})\n    ${c.title}`;
  });
  const cost = quotaCost(cases);
  lines.push("", "Requests per vendor (default run / quota cases / of which need a room state / signature cases):");
  for (const vendor of Object.keys(cost) as Vendor[]) {
    const c = cost[vendor];
    lines.push(
      `  ${vendor.padEnd(10)} ${c.requests} / +${c.quotaCaseRequests} / ${c.stateCaseRequests} / ${c.authCaseRequests}  (${c.cases} cases)`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function progressLine(r: CaseResult): string {
  const mark = { passed: "ok  ", failed: "FAIL", skipped: "skip", errored: "ERR " }[r.status];
  return `${mark} ${r.id}${r.status === "failed" ? ` (${r.violations.filter((v) => v.severity === "error").length} violations)` : ""}\n`;
}

/** `rtc-analytics-mock contract`: runs the suite, prints the table, writes reports; resolves with the exit code. */
export async function contractCommand(argv: string[], io: CommandIo = processIo): Promise<number> {
  try {
    const { values } = parseCommandLine(argv, {
      target: { type: "string" },
      "include-quota-cases": { type: "boolean" },
      junit: { type: "string" },
      json: { type: "string" },
      record: { type: "string" },
      vendor: { type: "string", multiple: true },
      endpoint: { type: "string", multiple: true },
      case: { type: "string", multiple: true },
      sign: { type: "string" },
      seed: { type: "string" },
      skew: { type: "string" },
      list: { type: "boolean" },
      quiet: { type: "boolean" },
      "allow-skips": { type: "boolean" },
      "latency-budget": { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout.write(CONTRACT_USAGE);
      return 0;
    }
    const cases = selectCases(buildCases(), values);
    if (values.list) {
      io.stdout.write(listCases(cases));
      return 0;
    }
    const target = await targetFromSpec(values.target ?? "inproc", {
      seed: integerOption(values.seed, "seed", 1),
      ...(values.sign !== undefined ? { sign: values.sign } : {}),
      ...(values.skew !== undefined ? { skewMs: integerOption(values.skew, "skew", 0) } : {}),
    });
    try {
      const recorder = values.record ? await createRecorder(values.record, secretValues(credentialsFromEnv())) : undefined;
      const report = await runContract({
        target,
        cases,
        includeQuotaCases: values["include-quota-cases"] ?? false,
        ...(values["latency-budget"] !== undefined ? { latencyBudget: latencyBudgetOption(values["latency-budget"]) } : {}),
        onResult: (r) => {
          if (!values.quiet) io.stderr.write(progressLine(r));
        },
        onNotice: (notice) => io.stderr.write(`contract: warning: ${notice}\n`),
        ...(recorder
          ? {
              onExchange: async (exchange, c, step) =>
                void (await recorder.record(exchange, {
                  source: "contract",
                  caseId: c.id,
                  step,
                  endpointId: c.endpointId,
                  skewMs: target.skewMs,
                })),
            }
          : {}),
      });
      // Quiet still lists skips with their reasons (a skip is not a pass) and each endpoint's warnings per rule.
      io.stdout.write(renderTable(report, { quiet: values.quiet ?? false }));
      if (values.junit) await writeFile(values.junit, renderJunit(report));
      if (values.json) await writeFile(values.json, renderJson(report));
      const ran = report.summary.passed + report.summary.failed + report.summary.errored;
      if (report.summary.total > 0 && ran === 0) {
        // A run that checked nothing (e.g. no vendor credentials) must not look green in CI.
        io.stderr.write("contract: nothing was checked: every case was skipped (see the reasons above)\n");
        return 1;
      }
      if (report.summary.failed + report.summary.errored > 0) return 1;
      if (report.summary.skipped > 0 && !values["allow-skips"]) {
        io.stderr.write(
          `contract: ${report.summary.skipped} case(s) skipped, so the run does not pass (each reason above says how to run it); pass --allow-skips to accept skips\n`,
        );
        return 1;
      }
      return 0;
    } finally {
      await target.close();
    }
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.stderr.write(`contract: ${cause.message}\n\n${CONTRACT_USAGE}`);
      return 2;
    }
    if (cause instanceof TargetUnreachable) {
      io.stderr.write(`contract: ${cause.message}\n`);
      return 2;
    }
    io.stderr.write(`contract: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return 1;
  }
}

async function proxyCredentials(source: string): Promise<ContractCredentials> {
  if (source === "env") return credentialsFromEnv();
  if (source === "demo") return demoContractCredentials();
  let text: string;
  try {
    text = await readFile(source, "utf8");
  } catch (cause) {
    throw new UsageError(`--credentials ${source}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  try {
    return JSON.parse(text) as ContractCredentials;
  } catch {
    throw new UsageError(
      `--credentials ${source}: not JSON (expected {"volcengine":{"accessKeyId","secretKey"},"zego":{"appId","serverSecret"},"tencent":{"secretId","secretKey"}})`,
    );
  }
}

/** `rtc-analytics-mock proxy`: runs until SIGINT or SIGTERM; resolves with the exit code. */
export async function proxyCommand(argv: string[], io: CommandIo = processIo, signal?: AbortSignal): Promise<number> {
  try {
    const { values } = parseCommandLine(argv, {
      upstream: { type: "string" },
      record: { type: "string" },
      replay: { type: "string" },
      credentials: { type: "string" },
      "demo-credentials": { type: "boolean" },
      port: { type: "string" },
      host: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout.write(PROXY_USAGE);
      return 0;
    }
    if (values.upstream === undefined && values.replay === undefined)
      throw new UsageError("give --upstream <url|vendors>, --replay <dir>, or both");
    if (values.upstream !== undefined && values.upstream !== "vendors" && !/^https?:\/\//.test(values.upstream)) {
      throw new UsageError(`--upstream must be an http(s) URL or "vendors", got ${JSON.stringify(values.upstream)}`);
    }
    const credentials = await proxyCredentials(values["demo-credentials"] ? "demo" : (values.credentials ?? "env"));
    const proxy = await startProxy({
      ...(values.upstream !== undefined ? { upstream: values.upstream } : {}),
      ...(values.record !== undefined ? { record: values.record } : {}),
      ...(values.replay !== undefined ? { replay: values.replay } : {}),
      credentials,
      host: values.host ?? "127.0.0.1",
      port: integerOption(values.port, "port", 4011),
      log: (line) => io.stderr.write(`${line}\n`),
    });
    const resigning = (Object.keys(credentials) as Vendor[]).filter((v) => credentials[v] !== undefined);
    io.stdout.write(
      `contract proxy on ${proxy.url} → ${values.upstream ?? "(replay only)"}` +
        `${values.replay ? `, replaying ${values.replay}` : ""}${values.record ? `, recording into ${values.record}` : ""}; ` +
        `re-signing ${resigning.length > 0 ? resigning.join(", ") : "nothing (no credentials)"}\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        signal?.removeEventListener("abort", stop);
        resolve();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      signal?.addEventListener("abort", stop, { once: true });
    });
    await proxy.close();
    return 0;
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.stderr.write(`proxy: ${cause.message}\n\n${PROXY_USAGE}`);
      return 2;
    }
    io.stderr.write(`proxy: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return 1;
  }
}
