import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { demoContractCredentials, secretValues, type ContractCredentials } from "../../contracts/credentials.js";
import { startProxy, type RunningProxy } from "../../contracts/proxy/proxy-server.js";
import { ENDPOINT_HEADER, VIOLATION_DETAILS_HEADER, VIOLATIONS_HEADER } from "../../contracts/proxy/violation-headers.js";
import { runContract } from "../../contracts/runner.js";
import { loadRecordings } from "../../contracts/recordings/store.js";
import { recordingsTarget } from "../../contracts/targets/recordings-target.js";
import { urlTarget } from "../../contracts/targets/url-target.js";
import { registerContractSuite } from "../../contracts/vitest-suite.js";
import { demoCredentials } from "../../mocks/options.js";
import { buildServer } from "../../server/app.js";

/** Credentials the upstream does not know: only the proxy's re-signing can get these requests through. */
const clientCredentials: ContractCredentials = {
  volcengine: { accessKeyId: "AKLTclientonly00000000000", secretKey: "client-secret-volcengine" },
  zego: { appId: "3000000003", serverSecret: "ffffffffffffffffffffffffffffffff" },
  tencent: { secretId: "AKIDclientonly000000000000000000000", secretKey: "client-secret-tencent" },
};

// Upstream: a second fake server that verifies signatures against the demo credentials only.
const upstream = buildServer({ mock: { auth: { mode: "verify" } } });
let proxy: RunningProxy;
let recordDir = "";
const proxyLog: string[] = [];
const ready = (async () => {
  const upstreamUrl = await upstream.app.listen({ host: "127.0.0.1", port: 0 });
  recordDir = await mkdtemp(join(tmpdir(), "contract-recordings-"));
  proxy = await startProxy({
    upstream: upstreamUrl,
    credentials: demoContractCredentials(),
    record: recordDir,
    log: (line) => proxyLog.push(line),
  });
})();

// Behind a re-signing proxy the client's signature never reaches the server, so signature cases cannot be judged there.
const cases = buildCases().filter((c) => !c.auth);

describe("the contract suite through the proxy, upstream a verifying fake server", () => {
  beforeAll(async () => {
    await ready;
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.app.close();
    await rm(recordDir, { recursive: true, force: true });
  });

  registerContractSuite(
    { describe, it, beforeAll, afterAll },
    async () => {
      await ready;
      return urlTarget({ baseUrl: proxy.url, credentials: clientCredentials });
    },
    { cases },
  );

  it("rejects the client's own signature without the proxy (so the passes above are the proxy's re-signing)", async () => {
    const direct = urlTarget({
      baseUrl: `http://127.0.0.1:${(upstream.app.server.address() as { port: number }).port}`,
      credentials: clientCredentials,
    });
    const report = await runContract({
      target: direct,
      cases: cases.filter(
        (c) =>
          c.id.endsWith("/last-10-minutes") || c.id.endsWith("/all-metrics-last-30-minutes") || c.id.endsWith("/ended-room-first-page"),
      ),
    });
    // One last-10-minutes case per generation of ListRealTimeOperationData, one ZEGO, one Tencent case.
    expect(report.results.map((r) => r.status)).toEqual(["failed", "failed", "failed", "failed"]);
    expect(report.results.flatMap((r) => r.violations.map((v) => v.message)).join("\n")).toMatch(
      /InvalidAccessKey|100000010|SecretIdNotFound/,
    );
  });

  it("logged one verdict per forwarded exchange", () => {
    expect(proxyLog.length).toBeGreaterThan(cases.length);
    expect(proxyLog.every((line) => /^contract-proxy forward \S+ HTTP \d{3} (ok|\d+ violations?)/.test(line))).toBe(true);
    expect(proxyLog.filter((line) => / \d+ violations?:/.test(line))).toEqual([]);
  });

  it("recorded sanitized exchanges: no Authorization, Signature, SignatureNonce or secret anywhere", async () => {
    const files = (await readdir(recordDir)).filter((f) => f.endsWith(".json"));
    expect(files.length).toBe(proxyLog.length);
    const secrets = [
      ...demoCredentials.volcengine.map((c) => c.secretKey),
      ...demoCredentials.tencent.map((c) => c.secretKey),
      ...demoCredentials.zego.map((c) => c.serverSecret),
      ...secretValues(clientCredentials),
    ];
    expect(secrets).toHaveLength(6);
    for (const file of files) {
      const text = await readFile(join(recordDir, file), "utf8");
      const recording = JSON.parse(text) as { request: { path: string; headers: Record<string, string> }; caseId?: string };
      expect(Object.keys(recording.request.headers)).not.toContain("authorization");
      expect(recording.request.path).not.toMatch(/[?&](Signature|SignatureNonce)=/);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(recording.caseId).toBeTypeOf("string");
    }
  });

  it("the recordings target passes every recorded case again, offline", async () => {
    const report = await runContract({ target: await recordingsTarget(recordDir), cases });
    expect(report.summary).toMatchObject({ total: cases.length, passed: cases.length, failed: 0, errored: 0 });
  });

  it("replays a recorded answer, and judges it, without an upstream", async () => {
    const replay = await startProxy({ replay: recordDir, log: () => undefined });
    try {
      const { recordings } = await loadRecordings(recordDir);
      const { recording } = recordings.find((r) => r.file.includes("unknown-room"))!;
      const hit = await fetch(new URL(recording.request.path, replay.url), {
        method: recording.request.method,
        headers: recording.request.headers,
        body: recording.request.body,
      });
      expect(hit.headers.get("x-contract-replay")).toBe("hit");
      expect(hit.headers.get(VIOLATIONS_HEADER)).toBe("0");
      expect(hit.headers.get(ENDPOINT_HEADER)).toBe("tencent.DescribeRoomStatistics");
      expect(await hit.text()).toBe(recording.response.body);
      const miss = await fetch(new URL("/?Action=ListRealTimeQuality&Version=2020-12-01", replay.url), { method: "POST", body: "{}" });
      expect(miss.status).toBe(404);
      expect(miss.headers.get("x-contract-replay")).toBe("miss");
    } finally {
      await replay.close();
    }
  });

  it("reports a violation in the log and the response headers when the upstream drifts", async () => {
    // A fault rule makes the upstream answer Tencent calls with a bare 502 page: not the vendor's envelope.
    const lines: string[] = [];
    const watcher = await startProxy({
      upstream: `http://127.0.0.1:${(upstream.app.server.address() as { port: number }).port}`,
      credentials: demoContractCredentials(),
      log: (l) => lines.push(l),
    });
    upstream.engine.faults.add({ kind: "http", status: 502, vendor: "tencent", times: 1 });
    try {
      const response = await fetch(`${watcher.url}/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
        body: JSON.stringify({ RoomId: 1, Page: 1, Limit: 10 }),
      });
      expect(response.status).toBe(502);
      expect(response.headers.get(VIOLATIONS_HEADER)).toBe("1");
      expect(JSON.parse(response.headers.get(VIOLATION_DETAILS_HEADER)!)).toEqual([expect.objectContaining({ rule: "json", path: "$" })]);
      expect(lines).toEqual([
        expect.stringMatching(
          /^contract-proxy forward tencent.DescribeRoomStatistics HTTP 502 1 violation: \$: HTTP 502, reply is not JSON/,
        ),
      ]);
    } finally {
      upstream.engine.faults.clear();
      await watcher.close();
    }
  });
});
