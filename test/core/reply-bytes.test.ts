import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine } from "../../mocks/core/engine.js";
import { PARSE_CACHE_ENTRIES, PARSE_CACHE_KEY_CHARS, PARSE_CACHE_MAX_KEY, createParseCache } from "../../mocks/parse-cache.js";
import { bytesReply, piecesReply, textReply, type MockRequest } from "../../mocks/core/reply.js";
import { statisticsParseCacheSize } from "../../mocks/tencent/parse-request.js";
import { volcengineParseCacheSize } from "../../mocks/volcengine/protocol.js";
import { resultCacheSize } from "../../mocks/volcengine/result-cache.js";
import { volcengineRequestId } from "../../mocks/volcengine/request-id.js";
import { joinBytes, utf8Pieces } from "../../mocks/utf8-bytes.js";
import { createWorld } from "../../mocks/core/world.js";

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const rfc = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

function volcengineQuality(body: unknown, text = JSON.stringify(body)): MockRequest {
  return {
    method: "POST",
    url: new URL("http://127.0.0.1/?Action=ListRealTimeQuality&Version=2020-12-01"),
    headers: { "content-type": "application/json" },
    rawBody: encoder.encode(text),
  };
}

function tencentStatistics(text: string): MockRequest {
  return {
    method: "POST",
    url: new URL("http://127.0.0.1/"),
    headers: { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" },
    rawBody: encoder.encode(text),
  };
}

const qualityBody = (appId: string) => ({ AppId: appId, StartTime: rfc(NOW - 3_600_000), EndTime: rfc(NOW), Indicator: ["stall_rate"] });

function engineAt(options: Parameters<typeof createMockEngine>[0] = {}): MockEngine {
  return createMockEngine({ seed: 3, clock: { start: NOW, frozen: true }, rateLimits: false, ...options });
}

describe("reply bytes", () => {
  it("a text reply's bytes are the UTF-8 of its body, for any text (lone surrogates become U+FFFD)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const reply = textReply(200, {}, text);
        expect(reply.body).toBe(text);
        expect([...reply.bytes]).toEqual([...encoder.encode(text)]);
      }),
      { numRuns: 500 },
    );
  });

  it("a bytes reply's body is the text of its bytes, a leading BOM included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.boolean(), (text, bom) => {
        const full = bom ? `\uFEFF${text}` : text;
        const reply = bytesReply(200, {}, encoder.encode(full));
        expect(reply.body).toBe(full);
        expect(reply.body).toBe(reply.body);
      }),
      { numRuns: 500 },
    );
  });

  it("utf8Pieces keeps the parts uncopied, and joined the pieces are the UTF-8 of head + parts + tail, as piecesReply's bytes and body", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 60 });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 5 }), text, (head, parts, tail) => {
        const encodedParts = parts.map((part) => encoder.encode(part));
        const pieces = utf8Pieces(head, encodedParts, tail);
        encodedParts.forEach((part, i) => expect(pieces[i + 1]).toBe(part));
        const joined = joinBytes(pieces);
        expect(decoder.decode(joined)).toBe(head + parts.join("") + tail);
        expect([...joined]).toEqual([...encoder.encode(head + parts.join("") + tail)]);
        const reply = piecesReply(200, {}, pieces);
        expect([...reply.bytes]).toEqual([...joined]);
        expect(reply.body).toBe(head + parts.join("") + tail);
      }),
      { numRuns: 500 },
    );
  });

  it("a fault's own HTTP body (non-ASCII, leading BOM) keeps its text and is sent as its UTF-8", () => {
    const engine = engineAt({ faults: [{ kind: "http", status: 503, body: "\uFEFFbusy: 服务繁忙 ü" }] });
    const reply = engine.handle(volcengineQuality(qualityBody("app-1")));
    expect(reply.status).toBe(503);
    expect(reply.body).toBe("\uFEFFbusy: 服务繁忙 ü");
    expect([...reply.bytes!]).toEqual([...encoder.encode("\uFEFFbusy: 服务繁忙 ü")]);
  });

  it("a Tencent page (Chinese names, two-byte text) is sent as the UTF-8 of the same JSON", () => {
    const engine = engineAt();
    const reply = engine.handle(tencentStatistics(JSON.stringify({ RoomId: 10004, Page: 1, Limit: 100 })));
    const parsed = JSON.parse(reply.body) as { Response: { MemberRecords: unknown[]; RequestId: string } };
    expect(parsed.Response.MemberRecords.length).toBeGreaterThan(0);
    expect(reply.body).toMatch(/[\u0080-\uffff]/);
    expect(reply.bytes!.length).toBeGreaterThan(reply.body.length);
    expect([...reply.bytes!]).toEqual([...encoder.encode(reply.body)]);
  });

  it("Volcengine RequestIds are the Beijing time of the clock and 18 seeded hex digits, as first specified", () => {
    const world = createWorld(11);
    const reference = (nowMs: number, seq: number) => {
      const stamp = new Date(nowMs + 8 * 3_600_000).toISOString();
      const digits =
        stamp.slice(0, 4) + stamp.slice(5, 7) + stamp.slice(8, 10) + stamp.slice(11, 13) + stamp.slice(14, 16) + stamp.slice(17, 19);
      const key = world.key("volcengine", "request-id");
      const hex = (n: number) =>
        Math.floor(world.unit(key, n) * 4294967296)
          .toString(16)
          .padStart(8, "0");
      return `${digits}${hex(seq * 3)}${hex(seq * 3 + 1)}${hex(seq * 3 + 2).slice(0, 2)}`.toUpperCase();
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 0, max: 2 ** 40 }), (nowMs, seq) => {
        expect(volcengineRequestId(world, nowMs, seq)).toBe(reference(nowMs, seq));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("hot-path caches stay bounded", () => {
  it("a parse cache keeps only successes, at most its entries and key characters, never over-long keys", () => {
    const cache = createParseCache<{ ok: boolean }>();
    const keep = (value: { ok: boolean }) => value.ok;
    for (let i = 0; i < PARSE_CACHE_ENTRIES * 3; i++) cache.through(`key-${i}`, () => ({ ok: true }), keep);
    expect(cache.size).toBe(PARSE_CACHE_ENTRIES);
    cache.clear();
    cache.through("bad", () => ({ ok: false }), keep);
    expect(cache.size).toBe(0);
    cache.through("x".repeat(PARSE_CACHE_MAX_KEY + 1), () => ({ ok: true }), keep);
    expect(cache.size).toBe(0);
    for (let i = 0; i < 200; i++) cache.through(`${i}:`.padEnd(PARSE_CACHE_MAX_KEY, "x"), () => ({ ok: true }), keep);
    expect(cache.weight).toBeLessThanOrEqual(PARSE_CACHE_KEY_CHARS);
    expect(cache.size).toBe(Math.floor(PARSE_CACHE_KEY_CHARS / PARSE_CACHE_MAX_KEY));
    let calls = 0;
    const first = cache.through("same", () => ({ ok: (++calls, true) }), keep);
    expect(cache.through("same", () => ({ ok: (++calls, true) }), keep)).toBe(first);
    expect(calls).toBe(1);
  });

  it("Volcengine: distinct bodies fill the parse and result caches only up to their bounds", () => {
    const engine = engineAt();
    for (let i = 0; i < PARSE_CACHE_ENTRIES + 60; i++) {
      expect(engine.handle(volcengineQuality(qualityBody(`fill-${i}`))).status).toBe(200);
    }
    expect(volcengineParseCacheSize().entries).toBe(PARSE_CACHE_ENTRIES);
    const results = resultCacheSize(engine.world);
    expect(results.entries).toBe(results.maxEntries);
    expect(results.bytes).toBeLessThanOrEqual(results.maxBytes);
    // Bodies padded with JSON whitespace to near the longest kept key: the character budget binds first.
    for (let i = 0; i < 100; i++) {
      const text = JSON.stringify(qualityBody(`pad-${i}`)).padEnd(PARSE_CACHE_MAX_KEY - 64, " ");
      expect(engine.handle(volcengineQuality(undefined, text)).status).toBe(200);
    }
    expect(volcengineParseCacheSize().keyChars).toBeLessThanOrEqual(PARSE_CACHE_KEY_CHARS);
    expect(volcengineParseCacheSize().entries).toBeLessThan(PARSE_CACHE_ENTRIES);
  });

  it("Tencent: distinct bodies fill the parse cache only up to its bound", () => {
    const engine = engineAt();
    for (let i = 0; i < PARSE_CACHE_ENTRIES + 60; i++) {
      const reply = engine.handle(tencentStatistics(JSON.stringify({ RoomId: 10004, Page: 1 + (i % 5), Limit: 1 + i })));
      expect(JSON.parse(reply.body).Response.Error).toBeUndefined();
    }
    expect(statisticsParseCacheSize().entries).toBe(PARSE_CACHE_ENTRIES);
    expect(statisticsParseCacheSize().keyChars).toBeLessThanOrEqual(PARSE_CACHE_KEY_CHARS);
  });

  it("a cached parse never crosses options: rejectUnknownFields is part of the key", () => {
    const strict = engineAt();
    const lenient = engineAt({ volcengine: { rejectUnknownFields: false } });
    const request = () => volcengineQuality({ ...qualityBody("opt-app"), Extra: 1 });
    const strictCode = () =>
      (JSON.parse(strict.handle(request()).body) as { ResponseMetadata: { Error?: { Code: string } } }).ResponseMetadata.Error?.Code;
    expect(strictCode()).toBe("InvalidParameter");
    expect(lenient.handle(request()).status).toBe(200);
    expect(lenient.handle(request()).status).toBe(200);
    expect(strictCode()).toBe("InvalidParameter");
  });

  it("a repeated body after the clock moved gets the axis of the new time, as a fresh engine would", () => {
    const warm = engineAt();
    const body = { AppId: "axis-app", StartTime: rfc(NOW - 50 * 60_000), EndTime: rfc(NOW + 5 * 60_000), Indicator: ["stall_rate"] };
    const lastStamp = (engine: MockEngine) => {
      const reply = JSON.parse(engine.handle(volcengineQuality(body)).body) as {
        Result: { Indicators: { Data: { TimeStamp: string }[] }[] };
      };
      return reply.Result.Indicators[0]!.Data.at(-1)!.TimeStamp;
    };
    const before = lastStamp(warm);
    warm.clock.advance(5 * 60_000);
    const after = lastStamp(warm);
    expect(after).not.toBe(before);
    const fresh = engineAt({ clock: { start: NOW + 5 * 60_000, frozen: true } });
    fresh.handle(volcengineQuality(qualityBody("other-app")));
    expect(lastStamp(fresh)).toBe(after);
  });

  it("a repeated body (parse and result cache hits) answers the same bytes as a fresh engine", () => {
    const warm = engineAt();
    const body = qualityBody("repeat-app");
    for (let i = 0; i < 3; i++) warm.handle(volcengineQuality(body));
    // The same request as other text (indented): a miss in both caches, on an engine at the same sequence number.
    const fresh = engineAt();
    for (let i = 0; i < 3; i++) fresh.handle(volcengineQuality({ ...body, Indicator: ["network_trans_delay"] }));
    const hit = warm.handle(volcengineQuality(body));
    const miss = fresh.handle(volcengineQuality(undefined, JSON.stringify(body, null, 2)));
    expect(hit.status).toBe(200);
    expect([...hit.bytes!]).toEqual([...miss.bytes!]);
  });
});
