/** GET /__mock/rate-limits/usage reports what each tenant used of each limit, without counting a request itself. */
import { describe, expect, it } from "vitest";
import { ZEGO, call, control, sharedServer } from "../support/harness.js";

describe("GET /__mock/rate-limits/usage", () => {
  const server = sharedServer();

  it("counts a tenant's requests per documented limit, and reading it twice changes nothing", async () => {
    expect((await control(server.url, "GET", "/rate-limits/usage")).json).toEqual({ enabled: true, truncated: false, tenants: [] });
    await call(server.url, ZEGO);
    await call(server.url, ZEGO);
    const first = await control(server.url, "GET", "/rate-limits/usage?vendor=zego");
    const second = await control(server.url, "GET", "/rate-limits/usage?tenant=1234567890");
    expect(second.json).toEqual(first.json);
    expect(first.json.tenants).toEqual([
      {
        vendor: "zego",
        action: "GetRealtimeUsage",
        tenant: "1234567890",
        limits: [
          expect.objectContaining({ limit: 3, windowMs: 60_000, used: 2, fidelity: "documented" }),
          expect.objectContaining({ limit: 480, windowMs: 86_400_000, used: 2 }),
        ],
      },
    ]);
    const minute = first.json.tenants[0].limits[0];
    expect(minute.resetsAt).toBe(Math.floor(server.current.engine.clock.now() / 60_000) * 60_000 + 60_000);

    // A new window starts at zero.
    await control(server.url, "POST", "/clock", { advance: "1m" });
    const later = await control(server.url, "GET", "/rate-limits/usage");
    expect(later.json.tenants[0].limits.map((limit: { used: number }) => limit.used)).toEqual([0, 2]);
    expect((await control(server.url, "GET", "/rate-limits/usage?tenant=someone-else")).json.tenants).toEqual([]);
  });

  it("answers bad input with the control API's 400", async () => {
    for (const query of ["vendor=agora", "tenant=", "limit=3"]) {
      const reply = await control(server.url, "GET", `/rate-limits/usage?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.json.error.message).toMatch(/^Invalid query/);
    }
  });
});
