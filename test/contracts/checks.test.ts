import { z } from "zod";
import { describe, expect, it } from "vitest";
import { expectEveryBucket } from "../../contracts/checks/coverage.js";
import { checkNotGreater, checkSameTimestamps } from "../../contracts/checks/consistency.js";
import { issuesToViolations } from "../../contracts/checks/schema.js";
import { checkAligned, checkDataDelay, checkIncreasing, checkWithinWindow } from "../../contracts/checks/time-rules.js";
import { unknownFields } from "../../contracts/checks/unknown-fields.js";
import { checkCounts, checkRange, checkTwoDecimals } from "../../contracts/checks/values.js";
import { endpointOfRequest, vendorOfRequest } from "../../contracts/identify.js";
import type { ObservedExchange } from "../../contracts/observed.js";
import { bucketStart, formatRfc3339, parseRfc3339, type Series } from "../../contracts/series.js";

/** A one-series fixture from RFC 3339 times and values. */
function series(name: string, points: [string, unknown][]): Series {
  return {
    name,
    path: `S[${name}]`,
    points: points.map(([time, value], i) => ({ path: `S[${name}].Data[${i}]`, ...parseRfc3339(time), rawTime: time, value })),
  };
}

describe("time helpers", () => {
  it("reads RFC 3339 with its offset and writes it back in +08:00", () => {
    expect(parseRfc3339("2021-07-24T00:00:30+08:00")).toEqual({ t: Date.parse("2021-07-23T16:00:30Z"), offsetMinutes: 480 });
    expect(parseRfc3339("2021-07-24T00:00:30Z").offsetMinutes).toBe(0);
    expect(parseRfc3339("2021-07-24 00:00:30").t).toBeNaN();
    expect(parseRfc3339(1627056030000).t).toBeNaN();
    expect(formatRfc3339(Date.parse("2021-07-23T16:00:30.900Z"))).toBe("2021-07-24T00:00:30+08:00");
    expect(formatRfc3339(Date.parse("2021-07-23T16:00:30Z"), -330)).toBe("2021-07-23T10:30:30-05:30");
  });

  it("aligns day buckets to midnight of the offset", () => {
    const t = Date.parse("2021-07-24T03:00:00Z");
    expect(new Date(bucketStart(t, 86_400_000, 480)).toISOString()).toBe("2021-07-23T16:00:00.000Z");
    expect(new Date(bucketStart(t, 86_400_000, 0)).toISOString()).toBe("2021-07-24T00:00:00.000Z");
  });
});

describe("time rules", () => {
  it("accepts buckets on the grid and names each one off it", () => {
    const s = series("x", [
      ["2021-07-24T00:00:00+08:00", 1],
      ["2021-07-24T00:00:30+08:00", 1],
      ["2021-07-24T00:01:10+08:00", 1],
    ]);
    expect(checkAligned([s], 30_000, "own").map((v) => v.path)).toEqual(["S[x].Data[2]"]);
  });

  it("aligns day buckets in the offset each timestamp is written in", () => {
    const days = series("d", [
      ["2021-07-24T00:00:00+08:00", 1],
      ["2021-07-25T00:00:00Z", 1],
      ["2021-07-25T08:00:00+08:00", 1],
    ]);
    expect(checkAligned([days], 86_400_000, "own").map((v) => v.path)).toEqual(["S[d].Data[2]"]);
  });

  it("keeps points inside the window, allowing the bucket that holds the start", () => {
    const s = series("x", [
      ["2021-07-24T00:00:00+08:00", 1],
      ["2021-07-24T00:00:30+08:00", 1],
      ["2021-07-24T00:05:00+08:00", 1],
      ["2021-07-23T23:59:30+08:00", 1],
    ]);
    const window = { startMs: Date.parse("2021-07-24T00:00:10+08:00"), endMs: Date.parse("2021-07-24T00:01:00+08:00") };
    const found = checkWithinWindow([s], window, 30_000, "own");
    expect(found.map((v) => v.path)).toEqual(["S[x].Data[2]", "S[x].Data[3]"]);
    expect(found[0]!.message).toMatch(/after the requested end/);
    expect(found[1]!.message).toMatch(/before the requested start/);
  });

  it("allows a point exactly at now − delay, not one millisecond later, unless the skew allows it", () => {
    const now = Date.parse("2021-07-24T00:01:20+08:00");
    const s = series("x", [["2021-07-24T00:01:00+08:00", 1]]);
    expect(checkDataDelay([s], now, 20_000)).toEqual([]);
    expect(checkDataDelay([s], now - 1, 20_000)).toHaveLength(1);
    expect(checkDataDelay([s], now - 1, 20_000, 5)).toEqual([]);
  });

  it("wants strictly increasing timestamps", () => {
    const s = series("x", [
      ["2021-07-24T00:00:00+08:00", 1],
      ["2021-07-24T00:00:00+08:00", 2],
      ["2021-07-23T23:59:30+08:00", 3],
    ]);
    expect(checkIncreasing([s]).map((v) => v.path)).toEqual(["S[x].Data[1]", "S[x].Data[2]"]);
  });
});

describe("value rules", () => {
  it("accepts two decimals whatever the binary rounding, and rejects a third", () => {
    const s = series("x", [
      ["2021-07-24T00:00:00Z", 0.1 + 0.2],
      ["2021-07-24T00:00:30Z", 4.35],
      ["2021-07-24T00:01:00Z", 99.99],
      ["2021-07-24T00:01:30Z", 1.234],
    ]);
    expect(checkTwoDecimals([s]).map((v) => v.path)).toEqual(["S[x].Data[3].Value"]);
  });

  it("bounds percentages and wants whole non-negative counts", () => {
    const s = series("rate", [
      ["2021-07-24T00:00:00Z", 0],
      ["2021-07-24T00:00:30Z", 100],
      ["2021-07-24T00:01:00Z", 100.01],
      ["2021-07-24T00:01:30Z", -1],
    ]);
    expect(checkRange([s], 0, 100, "percentage").map((v) => v.path)).toEqual(["S[rate].Data[2].Value", "S[rate].Data[3].Value"]);
    const c = series("users", [
      ["2021-07-24T00:00:00Z", 3],
      ["2021-07-24T00:00:30Z", 2.5],
      ["2021-07-24T00:01:00Z", -4],
    ]);
    expect(checkCounts([c]).map((v) => v.path)).toEqual(["S[users].Data[1].Value", "S[users].Data[2].Value"]);
  });

  it("compares related series at the timestamps they share", () => {
    const users = series("users", [
      ["2021-07-24T00:00:00Z", 10],
      ["2021-07-24T00:00:30Z", 10],
    ]);
    const rooms = series("rooms", [
      ["2021-07-24T00:00:00Z", 10],
      ["2021-07-24T00:00:30Z", 11],
      ["2021-07-24T00:01:00Z", 99],
    ]);
    expect(checkNotGreater([users, rooms], "rooms", "users").map((v) => v.path)).toEqual(["S[rooms].Data[1].Value"]);
    expect(checkNotGreater([users], "rooms", "users")).toEqual([]);
    expect(checkSameTimestamps([users, rooms]).map((v) => v.path)).toEqual(["S[rooms]"]);
  });
});

describe("schema helpers", () => {
  it("warns about fields a closed object does not declare, not about open ones", () => {
    const schema = z.object({
      closed: z.object({ a: z.number() }),
      open: z.looseObject({ a: z.number() }),
      map: z.record(z.string(), z.object({ v: z.number() })),
      list: z.array(z.object({ id: z.string() })),
      either: z.union([z.object({ x: z.string() }), z.object({ y: z.string() })]),
    });
    const found = unknownFields(schema, {
      closed: { a: 1, b: 2 },
      open: { a: 1, b: 2 },
      map: { k: { v: 1, w: 2 } },
      list: [{ id: "1" }, { id: "2", extra: true }],
      either: { x: "1", y: "2", z: "3" },
      top: 1,
    });
    expect(found.map((v) => v.path).sort()).toEqual(["closed.b", "either.z", "list[1].extra", "map.k.w", "top"]);
    expect(found.every((v) => v.severity === "warning")).toBe(true);
  });

  it("reports the closest branch of a failed union, with the full path", () => {
    const schema = z.object({ u: z.union([z.object({ x: z.string(), n: z.number() }), z.object({ y: z.string() })]) });
    const result = schema.safeParse({ u: { x: "a", n: "1" } });
    expect(result.success).toBe(false);
    const found = issuesToViolations(result.error!.issues);
    expect(found.map((v) => v.path)).toEqual(["u.n"]);
  });
});

describe("request identification", () => {
  it("finds each registry endpoint from the request's shape", () => {
    const volc = (action: string, version: string) => ({
      method: "POST" as const,
      path: `/?Action=${action}&Version=${version}`,
      headers: {},
    });
    expect(endpointOfRequest(volc("ListRealTimeOperationData", "2023-11-01"))?.id).toBe("volcengine.ListRealTimeOperationData");
    expect(endpointOfRequest(volc("ListOperationData", "2023-11-01"))?.id).toBe("volcengine.ListOperationData");
    expect(endpointOfRequest(volc("ListRealTimeQuality", "2020-12-01"))?.id).toBe("volcengine.ListRealTimeQuality");
    expect(endpointOfRequest(volc("ListRealTimeQuality", "2023-11-01"))?.id).toBe("volcengine.ListRealTimeQuality@2023-11-01");
    expect(endpointOfRequest(volc("ListRealTimeQuality", "2021-06-01"))).toBeUndefined();
    expect(endpointOfRequest({ method: "GET", path: "/?Action=GetRealtimeUsage&AppId=1", headers: {} })?.id).toBe("zego.GetRealtimeUsage");
    expect(endpointOfRequest({ method: "POST", path: "/?Action=GetRealtimeUsage", headers: {} })).toBeUndefined();
    expect(
      endpointOfRequest({ method: "POST", path: "/", headers: { "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" } })
        ?.id,
    ).toBe("tencent.DescribeRoomStatistics");
    expect(vendorOfRequest({ path: "/?SignatureNonce=1", headers: {} })).toBe("zego");
    expect(vendorOfRequest({ path: "/anything", headers: {} })).toBe("volcengine");
  });
});

describe("every-bucket coverage", () => {
  const bucket = 30_000;
  const delay = 20_000;
  const start = Date.parse("2025-03-04T05:00:00Z");
  /** An exchange whose reply holds one series with points at `times`, sent at `sentAt`, received 40 s later. */
  function exchange(times: number[], sentAt: number): ObservedExchange {
    return {
      request: { json: {} },
      response: { json: times },
      now: sentAt + 40_000,
      sentAt,
      skewMs: 0,
    } as unknown as ObservedExchange;
  }
  const check = expectEveryBucket(
    (json) => [
      { name: "s", path: "S", points: (json as number[]).map((t, i) => ({ path: `S[${i}]`, t, offsetMinutes: 0, rawTime: t, value: 1 })) },
    ],
    () => ({ startMs: start, endMs: start + 3_600_000 }),
    bucket,
    delay,
  );
  const upTo = (last: number) => Array.from({ length: (last - start) / bucket + 1 }, (_, i) => start + i * bucket);

  it("asks for buckets up to the delay before the request left, not before the reply came", () => {
    const sentAt = start + 600_000;
    // The newest bucket the delay allows at departure: 09:40 − 20 s → 09:30 bucket.
    const points = upTo(start + 570_000);
    expect(check(exchange(points, sentAt))).toEqual([]);
  });

  it("names the buckets a reply misses", () => {
    const sentAt = start + 600_000;
    const points = upTo(start + 570_000).filter((t) => t !== start + 60_000);
    expect(check(exchange(points, sentAt)).map((v) => v.message)).toEqual([
      "series s misses 1 bucket(s) of the window, e.g. 2025-03-04T05:01:00.000Z",
    ]);
  });
});
