import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractCommand, proxyCommand } from "../../contracts/cli.js";
import { capture } from "../support/command-io.js";
import { buildCases } from "../../contracts/cases/index.js";

let dir = "";
// A "vendor" that drifted: every reply has Value as text, for every request (no control API either).
let drifting: Server;
let driftingUrl = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "contract-cli-"));
  drifting = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        Code: 0,
        Message: "success",
        RequestId: "1",
        Data: { Metrics: [{ Metric: "online_user", Values: [{ Timestamp: 0, Value: "12" }] }] },
      }),
    );
  });
  await new Promise<void>((resolve) => drifting.listen(0, "127.0.0.1", resolve));
  driftingUrl = `http://127.0.0.1:${(drifting.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => drifting.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe("rtc-analytics-mock contract", () => {
  it("runs every case in-process, prints the tables, writes JUnit and JSON, and exits 0", async () => {
    const io = capture();
    const junit = join(dir, "contract.xml");
    const json = join(dir, "contract.json");
    const code = await contractCommand(["--junit", junit, "--json", json], io);
    expect(io.out()).toMatch(/^Contract run against in-process engine \(seed 1, auth verify\)\n/);
    expect(code).toBe(0);
    const total = buildCases().length;
    expect(io.out()).toContain(`${total} cases: ${total} passed, 0 failed, 0 errored, 0 skipped`);
    for (const endpoint of [
      "volcengine.ListRealTimeOperationData",
      "volcengine.ListOperationData",
      "volcengine.ListRealTimeQuality",
      "zego.GetRealtimeUsage",
      "tencent.DescribeRoomStatistics",
    ]) {
      expect(io.out()).toContain(`\n${endpoint}\n  case `);
    }
    expect(await readFile(junit, "utf8")).toContain(`tests="${total}" failures="0" errors="0" skipped="0"`);
    expect(JSON.parse(await readFile(json, "utf8")).summary.passed).toBe(total);
  }, 120_000);

  it("exits 1 and names the violations when the target drifted", async () => {
    const io = capture();
    const code = await contractCommand(
      ["--target", `url:${driftingUrl}`, "--vendor", "zego", "--sign", "none", "--case", "all-metrics"],
      io,
    );
    expect(code).toBe(1);
    expect(io.out()).toMatch(/all-metrics-last-30-minutes\s+FAIL/);
    expect(io.out()).toContain('✗ schema: Data.Metrics[0].Values[0].Value: response: Value is a string ("12"), not a number');
  });

  it("records a run, and the recordings target judges it again offline", async () => {
    const recordDir = join(dir, "recorded");
    const first = capture();
    expect(await contractCommand(["--vendor", "zego", "--record", recordDir, "--quiet"], first)).toBe(0);
    const files = await readdir(recordDir);
    expect(files.length).toBe(
      buildCases()
        .filter((c) => c.endpointId === "zego.GetRealtimeUsage")
        .reduce((n, c) => n + c.steps.length, 0),
    );
    const again = capture();
    expect(await contractCommand(["--target", `recordings:${recordDir}`, "--vendor", "zego"], again)).toBe(0);
    expect(again.out()).toMatch(/16 cases: 16 passed/);
  });

  it("lists the cases with the requests each vendor would be sent", async () => {
    const io = capture();
    expect(await contractCommand(["--list", "--vendor", "tencent"], io)).toBe(0);
    expect(io.out()).toContain("tencent.DescribeRoomStatistics/rate-limit  (41 requests; quota, needs tencent.endedRoomId)");
    expect(io.out()).toMatch(/ {2}tencent {4}19 \/ \+41 \/ 18 \/ 4 {2}\(19 cases\)/);
    expect(io.out()).not.toContain("zego.GetRealtimeUsage/");
  });

  it("exits 2 with the usage on a bad command line", async () => {
    for (const argv of [["--bogus"], ["--target", "ftp://x"], ["--vendor", "agora"], ["--endpoint", "zego.Nope"], ["--seed", "x"]]) {
      const io = capture();
      expect(await contractCommand(argv, io), argv.join(" ")).toBe(2);
      expect(io.err()).toContain("Usage: rtc-analytics-mock contract");
    }
  });
});

describe("rtc-analytics-mock proxy", () => {
  it("listens on loopback until stopped", async () => {
    const io = capture();
    const stop = new AbortController();
    const running = proxyCommand(["--upstream", driftingUrl, "--port", "0", "--demo-credentials"], io, stop.signal);
    await expect
      .poll(() => io.out())
      .toMatch(/^contract proxy on http:\/\/127\.0\.0\.1:\d+ → http:\/\/127\.0\.0\.1:\d+; re-signing volcengine, zego, tencent\n$/);
    const url = /on (http:\/\/\S+)/.exec(io.out())![1]!;
    const reply = await fetch(`${url}/?Action=GetRealtimeUsage&AppId=1&Metrics[]=online_user&StartTs=0&EndTs=0`);
    expect(reply.headers.get("x-contract-violations")).not.toBe("0");
    stop.abort();
    expect(await running).toBe(0);
    expect(io.err()).toMatch(/^contract-proxy forward zego.GetRealtimeUsage HTTP 200 \d+ violations?: /);
  });

  it("exits 2 without an upstream or replay folder, or with an upstream that is not a URL", async () => {
    for (const argv of [[], ["--upstream", "rtc.volcengineapi.com"]]) {
      const io = capture();
      expect(await proxyCommand(argv, io)).toBe(2);
      expect(io.err()).toContain("Usage: rtc-analytics-mock proxy");
    }
  });
});

describe("rtc-analytics-mock contract with nothing to check", () => {
  it("exits 1 when every case was skipped (real vendors without credentials)", async () => {
    const saved = { ...process.env };
    for (const name of Object.keys(process.env)) if (name.startsWith("RTC_CONTRACT_")) delete process.env[name];
    try {
      const io = capture();
      expect(await contractCommand(["--target", "vendor", "--vendor", "zego", "--quiet"], io)).toBe(1);
      expect(io.out()).toContain("Contract run against real vendors (no credentials set)");
      expect(io.err()).toContain("nothing was checked: every case was skipped");
    } finally {
      process.env = saved;
    }
  });
});

describe("contract against a dead target", () => {
  it("says so in one line and exits 2, instead of erroring every case", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const io = capture();
    const code = await contractCommand(["--target", `url:http://127.0.0.1:${port}`], io);
    expect(code).toBe(2);
    expect(io.err()).toBe(`contract: cannot reach http://127.0.0.1:${port}: connection refused — is the fake server running?\n`);
    expect(io.out()).toBe("");
  });
});
