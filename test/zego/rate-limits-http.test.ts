import { describe, expect, it } from "vitest";
import { HOUR, MINUTE, expectSuccess, expectZegoError, getUsage, zegoServer } from "./zego-test-kit.js";

const MIDNIGHT = Date.parse("2026-03-02T00:00:00.000Z");
const codeOf = (response: { body: string }) => (JSON.parse(response.body) as { Code: number }).Code;

describe("GetRealtimeUsage quotas (3/min, 480/day per AppId) on a frozen clock", () => {
  it("refuses the 4th call within a minute with 30002 and allows the next minute", async () => {
    const { app, engine } = zegoServer();
    const now = () => engine.clock.now();
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, { now: now() }));
    engine.clock.advance(59_999);
    const error = expectZegoError(await getUsage(app, { now: now() }), 30002);
    expect(error.Message).toMatch(/3 calls per minute per AppId/);
    engine.clock.advance(1);
    expectSuccess(await getUsage(app, { now: now() }));
    await app.close();
  });

  it("does not share quota between two AppIds", async () => {
    const { app } = zegoServer();
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, { appId: "111" }));
    expectZegoError(await getUsage(app, { appId: "111" }), 30002);
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, { appId: "222" }));
    expectZegoError(await getUsage(app, { appId: "222" }), 30002);
    await app.close();
  });

  it("refuses the 481st call of a UTC day with 30002 and allows the next day", async () => {
    const { app, engine } = zegoServer({ clock: { start: MIDNIGHT, frozen: true } });
    const call = () => getUsage(app, { now: engine.clock.now(), startTs: engine.clock.now() - HOUR });
    // 3 calls every minute stay within the per-minute rule: 480 calls take 160 minutes.
    for (let i = 0; i < 480; i++) {
      expect(codeOf(await call()), `call ${i + 1}`).toBe(0);
      if (i % 3 === 2) engine.clock.advance(MINUTE);
    }
    const error = expectZegoError(await call(), 30002);
    expect(error.Message).toMatch(/480 calls per day per AppId/);
    engine.clock.advance(5 * HOUR);
    expectZegoError(await call(), 30002);
    engine.clock.set(MIDNIGHT + 24 * HOUR);
    expectSuccess(await call());
    await app.close();
  });

  it("does not charge requests refused for bad parameters", async () => {
    const { app } = zegoServer();
    for (let i = 0; i < 5; i++) expectZegoError(await getUsage(app, { metrics: ["nope"] }), 10002);
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, {}));
    await app.close();
  });

  it("can be switched off in the options and at run time", async () => {
    const off = zegoServer({ rateLimits: false });
    for (let i = 0; i < 10; i++) expectSuccess(await getUsage(off.app, {}));
    await off.app.close();

    const { app, engine } = zegoServer();
    for (let i = 0; i < 3; i++) expectSuccess(await getUsage(app, {}));
    expectZegoError(await getUsage(app, {}), 30002);
    engine.setRateLimits(false);
    expectSuccess(await getUsage(app, {}));
    engine.setRateLimits(true);
    expectZegoError(await getUsage(app, {}), 30002);
    await app.close();
  });

  it("answers a new AppId beyond maxTenants with 30002", async () => {
    const { app } = zegoServer({ maxTenants: 2 });
    expectSuccess(await getUsage(app, { appId: "1" }));
    expectSuccess(await getUsage(app, { appId: "2" }));
    const error = expectZegoError(await getUsage(app, { appId: "3" }), 30002);
    expect(error.Message).toMatch(/maxTenants/);
    expectSuccess(await getUsage(app, { appId: "1" }));
    await app.close();
  });
});
