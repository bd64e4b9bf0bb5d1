// @vitest-environment happy-dom
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAnalyticsClient, mountDashboard, type Dashboard } from "../../examples/dashboard/index.js";
import { createRtcHandlers } from "../../mocks/msw/index.js";
import { demoCredentials } from "../../mocks/options.js";

// The dashboard example as a frontend test would run it: the DOM is happy-dom's, the vendors are
// MSW handlers over the real engine (signatures verified), and every assertion is on the rendered DOM.
const T0 = Date.parse("2025-03-04T05:06:07Z");
const { handlers, control } = createRtcHandlers({ seed: 3, clock: { start: T0, frozen: true }, auth: { mode: "verify" } });
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => control.reset());
afterAll(() => server.close());

let root: HTMLElement;
let dashboard: Dashboard & { ready: Promise<void> };

beforeEach(() => {
  document.body.innerHTML = '<main id="app"></main>';
  root = document.getElementById("app")!;
  const client = createAnalyticsClient({
    credentials: { volcengine: demoCredentials.volcengine[0]!, zego: demoCredentials.zego[0]!, tencent: demoCredentials.tencent[0]! },
    volcengineAppId: "demo-app",
    tencentRoomId: 1,
    now: () => control.now(),
  });
  dashboard = mountDashboard(root, client);
});

const panel = (id: string) => root.querySelector<HTMLElement>(`section[data-endpoint="${id}"]`)!;
const states = () =>
  Object.fromEntries([...root.querySelectorAll<HTMLElement>("section.panel")].map((s) => [s.dataset.endpoint, s.dataset.state]));
const ALL = [
  "volcengine.ListRealTimeOperationData",
  "volcengine.ListOperationData",
  "volcengine.ListRealTimeQuality",
  "zego.GetRealtimeUsage",
  "tencent.DescribeRoomStatistics",
];

describe("dashboard example over MSW (happy-dom)", () => {
  it("shows a loading state, then the data of all five endpoints", async () => {
    expect(Object.values(states())).toEqual(["loading", "loading", "loading", "loading", "loading"]);
    expect(panel("zego.GetRealtimeUsage").textContent).toContain("Loading…");
    expect(panel("zego.GetRealtimeUsage").getAttribute("aria-busy")).toBe("true");

    await dashboard.ready;
    expect(states()).toEqual(Object.fromEntries(ALL.map((id) => [id, "ready"])));
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(0);

    const series = (id: string) => [...panel(id).querySelectorAll<HTMLElement>("li[data-series]")].map((li) => li.dataset.series);
    expect(series("volcengine.ListRealTimeOperationData")).toEqual(["online_user_count", "online_room_count"]);
    expect(series("zego.GetRealtimeUsage")).toEqual(["online_user", "room_concurrent", "publish_concurrent"]);
    expect(series("volcengine.ListRealTimeQuality").length).toBeGreaterThanOrEqual(2);
    expect(series("volcengine.ListOperationData").length).toBeGreaterThanOrEqual(2);

    // Coherent world: online users outnumber concurrent rooms.
    const latest = (id: string, name: string) => Number(panel(id).querySelector<HTMLElement>(`li[data-series="${name}"]`)!.dataset.latest);
    expect(latest("volcengine.ListRealTimeOperationData", "online_user_count")).toBeGreaterThan(
      latest("volcengine.ListRealTimeOperationData", "online_room_count"),
    );
    expect(latest("zego.GetRealtimeUsage", "online_user")).toBeGreaterThan(latest("zego.GetRealtimeUsage", "room_concurrent"));

    const room = panel("tencent.DescribeRoomStatistics");
    expect(room.querySelector('[data-fact="total"]')!.textContent).toBe("30"); // seeded room 1 has 30 records
    expect(Number(room.querySelector('[data-fact="peak"]')!.textContent)).toBeLessThanOrEqual(
      Number(room.querySelector('[data-fact="members"]')!.textContent),
    );
    expect(room.querySelectorAll("tr")).toHaveLength(5);
  });

  it("asks each vendor for what its panel shows (request verification)", async () => {
    await dashboard.ready;
    const [quality] = control.requests({ action: "ListRealTimeQuality" });
    expect(quality!.request.body).toMatchObject({ AppId: "demo-app", Indicator: ["join_room_success_rate", "stall_rate"] });
    const [usage] = control.requests({ vendor: "zego", action: "GetRealtimeUsage" });
    expect(usage!.request.query["Metrics[]"]).toEqual(["online_user", "room_concurrent", "publish_concurrent"]);
    const [room] = control.requests({ vendor: "tencent" });
    expect(room!.request.body).toMatchObject({ RoomId: 1 });
    expect(control.requests({ status: 200 })).toHaveLength(5);
  });

  it("keeps the loading state while a slow vendor answers", async () => {
    await dashboard.ready;
    control.advanceClock(1_000); // a fresh second for Volcengine's 2-per-second limit
    control.latency({ vendor: "tencent", ms: 1_500, times: 1 });
    const started = performance.now();
    const refreshed = dashboard.refresh();
    await vi.waitFor(() => expect(panel("zego.GetRealtimeUsage").dataset.state).toBe("ready"), { timeout: 1_400 });
    expect(panel("tencent.DescribeRoomStatistics").dataset.state).toBe("loading");
    expect(panel("tencent.DescribeRoomStatistics").textContent).toContain("Loading…");
    await refreshed;
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_490);
    expect(panel("tencent.DescribeRoomStatistics").dataset.state).toBe("ready");
  });

  it("renders a vendor error with its code and message", async () => {
    await dashboard.ready;
    control.forceError({ vendor: "tencent", action: "DescribeRoomStatistics", code: "FailedOperation.RoomNotEnd", times: 1 });
    await dashboard.refresh();
    const alert = panel("tencent.DescribeRoomStatistics").querySelector<HTMLElement>('[role="alert"]')!;
    expect(panel("tencent.DescribeRoomStatistics").dataset.state).toBe("vendor-error");
    expect(alert.dataset.code).toBe("FailedOperation.RoomNotEnd");
    expect(alert.textContent).toBe("Vendor error FailedOperation.RoomNotEnd: The class has not ended.");
    expect(panel("volcengine.ListRealTimeQuality").dataset.state).toBe("ready");
  });

  it("renders the throttled state from each vendor's own throttle code", async () => {
    await dashboard.ready;
    control.throttle({ vendor: "volcengine", action: "ListRealTimeQuality", times: 1 });
    control.throttle({ vendor: "tencent", times: 1 });
    await dashboard.refresh();
    expect(panel("volcengine.ListRealTimeQuality").dataset.state).toBe("throttled");
    expect(panel("volcengine.ListRealTimeQuality").querySelector<HTMLElement>('[role="alert"]')!.dataset.code).toBe(
      "FlowLimitExceeded.QPSOverLimit",
    );
    expect(panel("tencent.DescribeRoomStatistics").dataset.state).toBe("throttled");
    expect(panel("tencent.DescribeRoomStatistics").textContent).toContain("Rate limited (RequestLimitExceeded)");
    expect(panel("volcengine.ListOperationData").dataset.state).toBe("ready");
  });

  it("hits the real limits on the frozen clock: Volcengine 2/s on the 3rd call, ZEGO 3/min on the 4th; both recover as the clock moves", async () => {
    await dashboard.ready; // call 1 of the second (and of the minute)
    await dashboard.refresh(); // 2
    expect(Object.values(states()).every((state) => state === "ready")).toBe(true);
    await dashboard.refresh(); // 3: Volcengine's 2 per second are spent
    expect(panel("volcengine.ListRealTimeQuality").dataset.state).toBe("throttled");
    expect(panel("volcengine.ListRealTimeOperationData").querySelector<HTMLElement>('[role="alert"]')!.dataset.code).toBe(
      "FlowLimitExceeded.QPSOverLimit",
    );
    expect(panel("zego.GetRealtimeUsage").dataset.state).toBe("ready");
    expect(panel("tencent.DescribeRoomStatistics").dataset.state).toBe("ready"); // 20 per second
    control.advanceClock(1_000);
    await dashboard.refresh(); // 4: ZEGO's 3 per minute are spent
    expect(panel("volcengine.ListRealTimeQuality").dataset.state).toBe("ready");
    expect(panel("zego.GetRealtimeUsage").dataset.state).toBe("throttled");
    expect(panel("zego.GetRealtimeUsage").textContent).toMatch(/^.*Rate limited \(30002\): .*3 calls per minute/);
    control.advanceClock(60_000);
    await dashboard.refresh();
    expect(panel("zego.GetRealtimeUsage").dataset.state).toBe("ready");
  });

  it("renders a network error and a bare gateway error", async () => {
    await dashboard.ready;
    control.networkError({ vendor: "zego", times: 1 });
    control.httpError({ vendor: "volcengine", action: "ListOperationData", status: 503, times: 1 });
    await dashboard.refresh();
    expect(panel("zego.GetRealtimeUsage").dataset.state).toBe("network-error");
    expect(panel("zego.GetRealtimeUsage").textContent).toContain("Network error: could not reach analytics-api.zego.im");
    expect(panel("volcengine.ListOperationData").dataset.state).toBe("http-error");
    expect(panel("volcengine.ListOperationData").textContent).toContain("Service unavailable (HTTP 503: Service Unavailable)");
    control.advanceClock(1_000); // a new second for Volcengine's 2-per-second limit
    await dashboard.refresh();
    expect(Object.values(states()).every((state) => state === "ready")).toBe(true);
  });
});
