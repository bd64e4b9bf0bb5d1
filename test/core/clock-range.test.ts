/**
 * The clock accepts only instants every vendor's formats can express (the range in docs/server.md):
 * at both ends every endpoint answers a valid reply, Volcengine's RequestId keeps its 14 digits and
 * its RFC3339 times four-digit years; outside it the control API, the CLI and the MSW control refuse.
 */
import { describe, expect, it } from "vitest";
import { behaviours } from "../../mocks/behaviours.js";
import { CLOCK_HEADROOM_MS, CLOCK_MAX_MS, CLOCK_MIN_MS } from "../../mocks/core/clock-range.js";
import { createMockEngine } from "../../mocks/core/engine.js";
import { replyText } from "../../mocks/core/reply.js";
import { createControl } from "../../mocks/msw/control.js";
import { endpoints } from "../../schemas/registry.js";
import { resolveServeConfig } from "../../server/config/resolve-config.js";
import { checkReply } from "../robustness/support/reply-check.js";
import { control, sharedServer, toMockRequest } from "../support/harness.js";

const ISO_MIN = "1970-01-31T00:00:00.000Z";
const ISO_MAX = "9999-12-30T00:00:00.000Z";

describe("the clock's range", () => {
  it("is computed from the longest lookback, the widest offset and a day of headroom", () => {
    expect(new Date(CLOCK_MIN_MS).toISOString()).toBe(ISO_MIN);
    expect(new Date(CLOCK_MAX_MS).toISOString()).toBe(ISO_MAX);
    expect(CLOCK_HEADROOM_MS).toBe(86_400_000);
  });

  // The latest instant a running clock reaches before it leaves the headroom.
  const ends = [
    ["start", CLOCK_MIN_MS],
    ["end", CLOCK_MAX_MS],
    ["end plus the headroom", CLOCK_MAX_MS + CLOCK_HEADROOM_MS],
  ] as const;

  it.each(ends)("at the %s, every endpoint's example gets a valid success and Volcengine's formats hold", (_, now) => {
    for (const responseOffset of ["request", "+23:59", "-23:59"]) {
      const engine = createMockEngine({ seed: 1, clock: { start: now, frozen: true }, rateLimits: false, volcengine: { responseOffset } });
      engine.reset(); // seeded rooms are laid out again around the end
      for (const endpoint of endpoints) {
        const request = toMockRequest(behaviours[endpoint.id].example(now));
        const reply = engine.handle(request);
        expect(checkReply(engine, request, reply), `${endpoint.id} ${responseOffset}`).toMatchObject({ kind: "success" });
        if (endpoint.vendor !== "volcengine") continue;
        const text = replyText(reply);
        const json = JSON.parse(text) as { ResponseMetadata: { RequestId: string } };
        expect(json.ResponseMetadata.RequestId).toMatch(/^\d{14}[0-9A-F]{18}$/);
        for (const [, year] of text.matchAll(/"(?:TimeStamp|StartTime|EndTime|Time)":"([^"]*?)-\d\d-\d\dT/g))
          expect(year, endpoint.id).toMatch(/^\d{4}$/);
      }
    }
  });
});

describe("refused outside the range", () => {
  const server = sharedServer();

  it("POST /__mock/clock takes both ends and refuses a millisecond beyond each with a 400 naming the range", async () => {
    for (const ms of [CLOCK_MIN_MS, CLOCK_MAX_MS]) {
      const reply = await control(server.url, "POST", "/clock", { set: ms });
      expect(reply.status).toBe(200);
      expect((await control(server.url, "GET", "/health")).status).toBe(200);
    }
    for (const set of [CLOCK_MIN_MS - 1, CLOCK_MAX_MS + 1, 8.64e15, -8.64e15, "+275760-09-13T00:00:00Z", "1969-12-31T23:59:59Z"]) {
      const reply = await control(server.url, "POST", "/clock", { set });
      expect(reply.status, String(set)).toBe(400);
      expect(reply.json.error.message).toContain(`the clock's range is ${ISO_MIN} to ${ISO_MAX}`);
    }
    await control(server.url, "POST", "/clock", { set: CLOCK_MAX_MS - 1_000 });
    const advance = await control(server.url, "POST", "/clock", { advance: "1d" });
    expect(advance.status).toBe(400);
    expect(advance.json.error.message).toMatch(/advance would move the clock out of its range/);
    expect((await control(server.url, "POST", "/clock", { freeze: "10000-01-01T00:00:00Z" })).status).toBe(400);
  });

  it("a running clock at the end answers health, clock and reset (seeded rooms) without a 500", async () => {
    expect((await control(server.url, "POST", "/clock", { set: CLOCK_MAX_MS, unfreeze: true })).status).toBe(200);
    expect((await control(server.url, "GET", "/health")).status).toBe(200);
    expect((await control(server.url, "GET", "/clock")).json.iso).toMatch(/^9999-12-30T/);
    expect((await control(server.url, "GET", "/rooms")).status).toBe(200);
  });

  it("--clock-start and the config file's clock.start outside it are configuration errors", () => {
    expect(() => resolveServeConfig({ argv: ["--clock-start", "+010000-01-01T00:00:00Z"], env: {} })).toThrow(
      `--clock-start: expected a time from ${ISO_MIN} to ${ISO_MAX}`,
    );
    expect(() => resolveServeConfig({ argv: [], env: { RTC_MOCK_CLOCK_START: "0" } })).toThrow(/RTC_MOCK_CLOCK_START: expected a time/);
    expect(() =>
      resolveServeConfig({ argv: ["-c", "/c.json"], env: {}, readFile: () => JSON.stringify({ clock: { start: 8.64e15 } }) }),
    ).toThrow(/config file clock.start: expected a time/);
    expect(resolveServeConfig({ argv: ["--clock-start", ISO_MAX], env: {} }).clockStart).toBe(ISO_MAX);
  });

  it("the MSW control refuses the same times", () => {
    const engine = createMockEngine({ clock: { start: CLOCK_MAX_MS - 60_000, frozen: true } });
    const mock = createControl(engine);
    expect(() => mock.setClock(CLOCK_MAX_MS + 1)).toThrow(/outside the clock's range/);
    expect(() => mock.freezeClock("1970-01-01T00:00:00Z")).toThrow(/outside the clock's range/);
    expect(() => mock.advanceClock(120_000)).toThrow(/outside the clock's range/);
    mock.advanceClock(60_000);
    expect(mock.now()).toBe(CLOCK_MAX_MS);
  });
});
