import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE, T0, expectSuccess, expectZegoError, frozenAt, getUsage, serverPerTest } from "../support/harness.js";

/** The UTC midnight after T0 (quotas count per UTC day). */
const MIDNIGHT = Math.ceil(T0 / DAY) * DAY;
const codeOf = (response: { text: string }) => (JSON.parse(response.text) as { Code: number }).Code;

describe("GetRealtimeUsage quotas (3/min, 480/day per AppId) on a frozen clock", () => {
  const zegoServer = serverPerTest();
  it("refuses the 4th call within a minute with 30002 and allows the next minute", async () => {
    const app = await zegoServer();
    const now = () => app.engine.clock.now();
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, { now: now() }));
    app.engine.clock.advance(59_999);
    const error = expectZegoError(await getUsage(app, { now: now() }), 30002);
    expect(error.Message).toMatch(/3 calls per minute per AppId/);
    app.engine.clock.advance(1);
    expectSuccess(await getUsage(app, { now: now() }));
  });

  it("does not share quota between two AppIds", async () => {
    const app = await zegoServer();
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, { appId: "111" }));
    expectZegoError(await getUsage(app, { appId: "111" }), 30002);
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, { appId: "222" }));
    expectZegoError(await getUsage(app, { appId: "222" }), 30002);
  });

  it("refuses the 481st call of a UTC day with 30002 and allows the next day", async () => {
    const app = await zegoServer({ clock: frozenAt(MIDNIGHT) });
    const call = () => getUsage(app, { now: app.engine.clock.now(), startTs: app.engine.clock.now() - HOUR });
    // 3 calls every minute stay within the per-minute rule: 480 calls take 160 minutes.
    for (let i = 0; i < 480; i++) {
      expect(codeOf(await call()), `call ${i + 1}`).toBe(0);
      if (i % 3 === 2) app.engine.clock.advance(MINUTE);
    }
    const error = expectZegoError(await call(), 30002);
    expect(error.Message).toMatch(/480 calls per day per AppId/);
    app.engine.clock.advance(5 * HOUR);
    expectZegoError(await call(), 30002);
    app.engine.clock.set(MIDNIGHT + 24 * HOUR);
    expectSuccess(await call());
  });

  it("does not charge requests refused for bad parameters", async () => {
    const app = await zegoServer();
    for (let i = 0; i < 5; i++) expectZegoError(await getUsage(app, { metrics: ["nope"] }), 10002);
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, {}));
  });

  it("can be switched off in the options and at run time", async () => {
    const off = await zegoServer({ rateLimits: false });
    for (let i = 0; i < 10; i++) expectSuccess(await getUsage(off, {}));

    const app = await zegoServer();
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, {}));
    expectZegoError(await getUsage(app, {}), 30002);
    app.engine.setRateLimits(false);
    expectSuccess(await getUsage(app, {}));
    app.engine.setRateLimits(true);
    expectZegoError(await getUsage(app, {}), 30002);
  });

  it("answers a new AppId beyond maxTenants with 30002", async () => {
    const app = await zegoServer({ maxTenants: 2 });
    expectSuccess(await getUsage(app, { appId: "1" }));
    expectSuccess(await getUsage(app, { appId: "2" }));
    const error = expectZegoError(await getUsage(app, { appId: "3" }), 30002);
    expect(error.Message).toMatch(/maxTenants/);
    expectSuccess(await getUsage(app, { appId: "1" }));
  });
});
