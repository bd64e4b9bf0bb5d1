import { describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { runContract } from "../../contracts/runner.js";
import { urlTarget } from "../../contracts/targets/url-target.js";
import { buildServer } from "../../server/app.js";
import type { RunningServer } from "../../server/start-server.js";
import { control, serverPerTest } from "../support/http.js";

const start = serverPerTest();
const cases = buildCases();

/** Everything a contract run could change on the server's default session. */
async function defaultState(server: RunningServer) {
  const { backends } = server.engine;
  return {
    clock: (await control(server, "GET", "/clock")).json,
    faults: (await control(server, "GET", "/faults")).json,
    rooms: (await control(server, "GET", "/rooms")).json,
    journal: (await control(server, "GET", "/journal")).json,
    rateLimits: (await control(server, "GET", "/rate-limits")).json,
    tenants: [backends.volcengine.limiter.size, backends.zego.limiter.size, backends.tencent.limiter.size],
  };
}

describe("the contract suite on a server with sessions", () => {
  it("runs every case in a session of its own, deletes it and leaves the default session as it found it", async () => {
    const server = await start({
      auth: { mode: "verify" },
      faults: [{ kind: "latency", ms: 1, vendor: "zego", action: "GetRealtimeUsage" }],
    });
    await control(server, "POST", "/clock", { advance: "90s" });
    const before = await defaultState(server);
    const target = urlTarget({ baseUrl: server.url });
    const report = await runContract({ target, cases });
    await target.close();
    expect(report.summary).toMatchObject({ total: cases.length, failed: 0, errored: 0, skipped: 0 });
    expect(report.target).toBe(`server at ${server.url} (session s1)`);
    expect(report.notices).toEqual([]);
    expect(await defaultState(server)).toEqual(before);
    expect((await control(server, "GET", "/sessions")).json.sessions.map((s: { id: string }) => s.id)).toEqual(["default"]);
  }, 120_000);

  it("runs four contract runs in parallel, each in its own session, all green, the default session untouched", async () => {
    const server = await start({ auth: { mode: "verify" } });
    const before = await defaultState(server);
    const targets = [1, 2, 3, 4].map(() => urlTarget({ baseUrl: server.url }));
    const reports = await Promise.all(targets.map((target) => runContract({ target, cases })));
    await Promise.all(targets.map((target) => target.close()));
    for (const report of reports) expect(report.summary).toMatchObject({ total: cases.length, failed: 0, errored: 0, skipped: 0 });
    expect(new Set(reports.map((report) => report.target)).size).toBe(4);
    expect(await defaultState(server)).toEqual(before);
  }, 240_000);

  it("keeps a real-time default clock at real time after a run (reset used to send it back to the start)", async () => {
    const server = await start({ clock: {} });
    const target = urlTarget({ baseUrl: server.url });
    const report = await runContract({ target, cases: cases.filter((c) => c.endpointId === "zego.GetRealtimeUsage") });
    await target.close();
    expect(report.summary.failed + report.summary.errored).toBe(0);
    expect(Math.abs(server.engine.clock.now() - Date.now())).toBeLessThan(1_000);
  }, 60_000);

  it("falls back to the default session with one warning against a server without sessions", async () => {
    const { app } = buildServer({ mock: { seed: 1 } });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const target = urlTarget({ baseUrl: url });
      const lines: string[] = [];
      const report = await runContract({ target, cases: cases.slice(0, 2), onNotice: (line) => lines.push(line) });
      await target.close();
      expect(lines).toEqual([
        `the server at ${url} offers no sessions (POST /__mock/sessions answered HTTP 501): cases run on its default session, which is reset before each case`,
      ]);
      expect(report.notices).toEqual(lines);
      expect(report.target).toBe(`server at ${url}`);
    } finally {
      await app.close();
    }
  });
});
