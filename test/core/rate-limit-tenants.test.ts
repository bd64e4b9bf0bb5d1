import { describe, expect, it } from "vitest";
import { behaviours } from "../../mocks/behaviours.js";
import { createMockEngine } from "../../mocks/core/engine.js";
import { createRateLimiter } from "../../mocks/core/rate-limiter.js";
import { replyText, type MockRequest } from "../../mocks/core/reply.js";
import { endpointById, type EndpointId } from "../../schemas/registry.js";

const NOW = Date.parse("2024-03-01T12:00:00+08:00");
const DAY = 86_400_000;

/** An endpoint's example request for a tenant of our choosing (AppId, or the Tencent SecretId). */
function requestFor(id: EndpointId, tenant: string, now: number): MockRequest {
  const example = behaviours[id].example(now);
  const url = new URL(`http://127.0.0.1${example.path}`);
  let body = example.body ?? "";
  const headers: Record<string, string> = { ...example.headers };
  if (id === "zego.GetRealtimeUsage") url.searchParams.set("AppId", tenant);
  else if (id.startsWith("volcengine.")) body = JSON.stringify({ ...(JSON.parse(body) as object), AppId: tenant });
  else
    headers.authorization = `TC3-HMAC-SHA256 Credential=${tenant}/2024-03-01/lcic/tc3_request, SignedHeaders=content-type;host, Signature=x`;
  return { method: example.method, url, headers, rawBody: new TextEncoder().encode(body) };
}

const codeOf = (text: string): unknown => {
  const body = JSON.parse(text) as {
    ResponseMetadata?: { Error?: { Code: string } };
    Code?: number;
    Response?: { Error?: { Code: string } };
  };
  return body.ResponseMetadata?.Error?.Code ?? body.Response?.Error?.Code ?? (body.Code === 0 ? undefined : body.Code);
};

describe("rate-limit tenants", () => {
  it("each vendor keeps its own table: 10,000 ZEGO AppIds leave Volcengine and Tencent tenants unaffected", () => {
    const engine = createMockEngine({ clock: { start: NOW, frozen: true } });
    for (let i = 0; i < 10_000; i++) engine.handle(requestFor("zego.GetRealtimeUsage", String(100_000 + i), NOW));
    expect(engine.backends.zego.limiter.size).toBe(10_000);
    expect(codeOf(replyText(engine.handle(requestFor("zego.GetRealtimeUsage", "99999", NOW))))).toBe(30002);
    expect(codeOf(replyText(engine.handle(requestFor("volcengine.ListRealTimeQuality", "fresh-app", NOW))))).toBeUndefined();
    expect(codeOf(replyText(engine.handle(requestFor("tencent.DescribeRoomStatistics", "AKIDfresh", NOW))))).toBeUndefined();
  });

  it("a tenant whose windows have all ended is dropped: a full table takes new tenants again a day later", () => {
    const engine = createMockEngine({ clock: { start: NOW, frozen: true }, maxTenants: 50 });
    for (let i = 0; i < 50; i++) engine.handle(requestFor("zego.GetRealtimeUsage", String(100_000 + i), NOW));
    expect(codeOf(replyText(engine.handle(requestFor("zego.GetRealtimeUsage", "99999", NOW))))).toBe(30002);
    // ZEGO's longest window is a day (480 calls per AppId per day): two mock days later every old tenant is gone.
    engine.clock.advance(2 * DAY);
    expect(codeOf(replyText(engine.handle(requestFor("zego.GetRealtimeUsage", "99999", NOW + 2 * DAY))))).toBeUndefined();
    expect(engine.backends.zego.limiter.size).toBe(1);
  });

  it("forgets a key only after its longest window ends", () => {
    const limiter = createRateLimiter(10);
    const rules = endpointById("zego.GetRealtimeUsage")!.limits.rate; // per minute and per day
    const perSecond = endpointById("volcengine.ListRealTimeQuality")!.limits.rate;
    expect(rules.map((rule) => rule.windowMs)).toEqual([60_000, DAY]);
    expect(perSecond.map((rule) => rule.windowMs)).toEqual([1_000]);
    limiter.take("a", rules, NOW);
    limiter.take("b", perSecond, NOW);
    expect(limiter.size).toBe(2);
    limiter.take("c", rules, NOW + 61_000);
    expect(limiter.size).toBe(2); // b's one-second window ended; a's day window has not
    limiter.take("c", rules, NOW + DAY);
    expect(limiter.size).toBe(1);
  });
});
