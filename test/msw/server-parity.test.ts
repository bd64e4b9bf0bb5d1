import { Window } from "happy-dom";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalyticsClient, mountDashboard } from "../../examples/dashboard/index.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../mocks/msw/adapter.js";
import { createRtcHandlers, type MockOptions, type RtcControl } from "../../mocks/msw/index.js";
import { demoCredentials } from "../../mocks/options.js";
import { DEFAULT_BODY_LIMIT } from "../../server/app.js";
import type { RunningServer } from "../../server/start-server.js";
import { RQ, T0, frozenAt, startHarnessServer, toFetch, vendorRequest } from "../support/harness.js";

// One scenario, two transports: MSW at the vendors' real hosts, and the fastify server on
// 127.0.0.1 given to the example as its base URL. Same options, same requests → same bytes.
// Node's fetch (not happy-dom's, which would enforce CORS against the server) with a happy-dom
// document for the view, so the rendered DOM can be compared too.
const mockOptions = (): MockOptions => ({ seed: 11, clock: frozenAt(T0), auth: { mode: "verify" } });

const msw = createRtcHandlers(mockOptions());
const mswServer = setupServer(...msw.handlers);
let fastify: RunningServer;
// A control over the fastify server's own engine (the handlers are not used: vendorHosts off, no base URLs).
let fastifyControl: RtcControl;
let serverUrl = "";

beforeAll(async () => {
  // Requests to 127.0.0.1 are not MSW's: they go on to the fastify server.
  mswServer.listen({ onUnhandledRequest: "bypass" });
  fastify = await startHarnessServer({ mock: mockOptions() });
  fastifyControl = createRtcHandlers({ engine: fastify.engine, vendorHosts: false }).control;
  serverUrl = fastify.url;
});
afterAll(async () => {
  mswServer.close();
  await fastify.close();
});

interface Exchange {
  action: string;
  status: number;
  body: string;
}

/** Runs the dashboard scenario and records every reply. Requests are serialized so both engines see them in the same order. */
async function runScenario(control: RtcControl, baseUrl?: string): Promise<{ exchanges: Exchange[]; html: string }> {
  const exchanges: Exchange[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const recordingFetch: typeof fetch = (input, init) => {
    const run = queue.then(async () => {
      const response = await fetch(input, init);
      const url = new URL(String(input));
      const action = url.searchParams.get("Action") ?? new Headers(init?.headers).get("x-tc-action") ?? "?";
      exchanges.push({ action, status: response.status, body: await response.clone().text() });
      return response;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const window = new Window({ url: "http://localhost:5173/" });
  const { document } = window;
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as unknown as HTMLElement;
  const client = createAnalyticsClient({
    credentials: { volcengine: demoCredentials.volcengine[0]!, zego: demoCredentials.zego[0]!, tencent: demoCredentials.tencent[0]! },
    volcengineAppId: "demo-app",
    tencentRoomId: 1,
    ...(baseUrl !== undefined ? { baseUrls: { volcengine: baseUrl, zego: baseUrl, tencent: baseUrl } } : {}),
    fetch: recordingFetch,
    now: () => control.now(),
    nonce: () => "0123456789abcdef",
  });
  const dashboard = mountDashboard(root, client);
  await dashboard.ready;
  control.forceError({ vendor: "tencent", code: "FailedOperation.RoomNotEnd", times: 1 });
  control.throttle({ vendor: "volcengine", action: "ListRealTimeQuality", times: 1 });
  control.httpError({ vendor: "volcengine", action: "ListOperationData", status: 502, times: 1 });
  await dashboard.refresh();
  await dashboard.refresh(); // Volcengine's 2 per second are spent on the frozen clock
  control.advanceClock(61_000);
  await dashboard.refresh();
  const html = root.innerHTML;
  await window.happyDOM.close();
  return { exchanges, html };
}

describe("MSW and the fastify server give the same bytes", () => {
  it("for the dashboard scenario: every response body and status, and the rendered DOM", async () => {
    const viaMsw = await runScenario(msw.control);
    const viaServer = await runScenario(fastifyControl, serverUrl);

    expect(viaMsw.exchanges).toHaveLength(20);
    expect(viaServer.exchanges.map((e) => e.action)).toEqual(viaMsw.exchanges.map((e) => e.action));
    for (let i = 0; i < viaMsw.exchanges.length; i++) {
      expect({ i, ...viaServer.exchanges[i]! }).toEqual({ i, ...viaMsw.exchanges[i]! });
    }
    // The scenario did reach the interesting states, identically.
    const states = viaMsw.html.match(/data-state="[a-z-]+"/g) ?? [];
    expect(new Set(states)).toEqual(new Set(['data-state="ready"']));
    expect(viaMsw.exchanges.map((e) => e.body).join("\n")).toContain("FailedOperation.RoomNotEnd");
    expect(viaMsw.exchanges.some((e) => e.status === 429 && e.body.includes("FlowLimitExceeded.QPSOverLimit"))).toBe(true);
    expect(viaMsw.exchanges.some((e) => e.status === 502 && e.body === "Bad Gateway")).toBe(true);
    expect(viaServer.html).toBe(viaMsw.html);
  });

  it("for a body over the limit: the same vendor error (both limits are 1 MiB)", async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(DEFAULT_BODY_LIMIT);
    const request = vendorRequest(RQ, { body: `{"AppId":"${"x".repeat(DEFAULT_BODY_LIMIT)}"}` });
    const atMsw = toFetch(request, "https://rtc.volcengineapi.com");
    const atServer = toFetch(request, serverUrl);
    const viaMsw = await fetch(atMsw.url, atMsw.init);
    const viaServer = await fetch(atServer.url, atServer.init);
    const mswText = await viaMsw.text();
    expect(viaServer.status).toBe(viaMsw.status);
    expect(await viaServer.text()).toBe(mswText);
    expect(mswText).toContain('"Error"');
  });
});
