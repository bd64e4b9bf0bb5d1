import { describe, expect, it } from "vitest";
import { zegoRealtimeMetricNames } from "../../schemas/zego/metrics.js";
import { GetRealtimeUsageResponse } from "../../schemas/zego/index.js";
import {
  HOUR,
  MINUTE,
  T0,
  expectSuccess,
  frozenAt,
  getUsage,
  parseRawResponse,
  rawExchange,
  serverPerTest,
  sharedServer,
  usageQueryString,
  type Target,
} from "../support/harness.js";

/** GET `path` written byte for byte on a socket (raw brackets stay raw), read like `send`'s reply. */
async function rawGet(target: Target, path: string) {
  const { text } = await rawExchange(target, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  const reply = parseRawResponse(text);
  return { status: reply.status, headers: reply.headers, text: reply.body };
}

type Series = { Metric: string; Values: { Timestamp: number; Value: number }[] };
const seriesOf = (data: { Data: { Metrics: Series[] } }, metric: string) =>
  data.Data.Metrics.find((series) => series.Metric === metric)!.Values;

describe("GetRealtimeUsage over a real socket, requests built as the ZEGO docs show them", () => {
  const server = sharedServer({ mock: { rateLimits: false } });
  const engine = () => server.current.engine;

  it("answers raw brackets (Metrics[]=) and percent-encoded brackets (Metrics%5B%5D=) with the same bytes", async () => {
    const query = { metrics: ["publish_concurrent", "online_user"], startTs: T0 - HOUR, endTs: 0 };
    const rawPath = `/?${usageQueryString(query)}`;
    const encodedPath = `/?${usageQueryString({ ...query, encodedBrackets: true })}`;
    expect(rawPath).toContain("&Metrics[]=publish_concurrent&Metrics[]=online_user&");
    expect(encodedPath).toContain("&Metrics%5B%5D=publish_concurrent&Metrics%5B%5D=online_user&");

    engine().reset();
    const raw = await rawGet(server.url, rawPath);
    engine().reset();
    const encoded = await getUsage(server.url, encodedPath.slice(2));
    const encodedBody = encoded.text;
    expect(encoded.status).toBe(200);
    expect(raw.text).toBe(encodedBody);
    const data = expectSuccess(raw);
    expect(data.Data.Metrics.map((series) => series.Metric)).toEqual(["publish_concurrent", "online_user"]);
  });

  it("takes the URLSearchParams spelling a client library produces", async () => {
    engine().reset();
    const params = new URLSearchParams({ Action: "GetRealtimeUsage", AppId: "1234567890", StartTs: String(T0 - 20 * MINUTE), EndTs: "0" });
    params.append("Metrics[]", "room_concurrent");
    expect(params.toString()).toContain("Metrics%5B%5D=room_concurrent");
    const data = expectSuccess(await getUsage(server.url, params.toString()));
    expect(data.Data.Metrics[0]!.Metric).toBe("room_concurrent");
  });
});

describe("GetRealtimeUsage success replies", () => {
  // Quotas are tested on their own; here they would stop the fourth call of each minute.
  const server = sharedServer({ mock: { rateLimits: false } });
  const engine = () => server.current.engine;

  it("returns one series per requested metric, in request order, parsed by the response schema", async () => {
    const data = expectSuccess(await getUsage(server.url, { metrics: ["mix_concurrent", "online_user", "max_room_user"] }));
    expect(data.Code).toBe(0);
    expect(data.Message).toBe("success");
    expect(data.Data.Metrics.map((series) => series.Metric)).toEqual(["mix_concurrent", "online_user", "max_room_user"]);
  });

  it("answers a repeated metric once", async () => {
    const data = expectSuccess(await getUsage(server.url, { metrics: ["online_user", "play_concurrent", "online_user"] }));
    expect(data.Data.Metrics.map((series) => series.Metric)).toEqual(["online_user", "play_concurrent"]);
  });

  it("places points every 60 s from StartTs (its offset kept) to now − 3 min (EndTs 0 means now)", async () => {
    const startTs = T0 - 30 * MINUTE + 1234;
    const values = seriesOf(expectSuccess(await getUsage(server.url, { startTs, endTs: 0 })), "online_user");
    const stamps = values.map((point) => point.Timestamp);
    expect(stamps[0]).toBe(startTs);
    expect(stamps.at(-1)).toBe(T0 - 4 * MINUTE + 1234);
    expect(stamps).toHaveLength(27);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! - stamps[i - 1]!).toBe(MINUTE);
    for (const point of values) {
      expect(point.Timestamp % MINUTE).toBe(1234);
      expect(Number.isInteger(point.Value)).toBe(true);
      expect(point.Value).toBeGreaterThan(0);
    }
  });

  it("reads a future EndTs, or EndTs equal to now, like EndTs 0", async () => {
    const asZero = seriesOf(expectSuccess(await getUsage(server.url, { endTs: 0 })), "online_user");
    const asNow = seriesOf(expectSuccess(await getUsage(server.url, { endTs: T0 })), "online_user");
    const future = seriesOf(expectSuccess(await getUsage(server.url, { endTs: T0 + HOUR })), "online_user");
    expect(asNow).toEqual(asZero);
    expect(future).toEqual(asZero);
  });

  it("ends a closed window at EndTs", async () => {
    const values = seriesOf(
      expectSuccess(await getUsage(server.url, { startTs: T0 - 90 * MINUTE, endTs: T0 - 60 * MINUTE - 1 })),
      "online_user",
    );
    expect(values[0]!.Timestamp).toBe(T0 - 90 * MINUTE);
    expect(values.at(-1)!.Timestamp).toBe(T0 - 61 * MINUTE);
  });

  it("returns empty Values for a window entirely inside the 3-minute data delay", async () => {
    const data = expectSuccess(
      await getUsage(server.url, { metrics: ["online_user", "publish_concurrent"], startTs: T0 - 2 * MINUTE, endTs: 0 }),
    );
    expect(data.Data.Metrics).toEqual([
      { Metric: "online_user", Values: [] },
      { Metric: "publish_concurrent", Values: [] },
    ]);
  });

  it("accepts StartTs exactly 2 hours back", async () => {
    const values = seriesOf(expectSuccess(await getUsage(server.url, { startTs: T0 - 2 * HOUR })), "online_user");
    expect(values[0]!.Timestamp).toBe(T0 - 2 * HOUR);
    expect(values).toHaveLength(118);
  });

  it("moves with the clock: after 10 minutes the newest point is 10 minutes newer", async () => {
    engine().clock.advance(10 * MINUTE);
    try {
      const values = seriesOf(
        expectSuccess(await getUsage(server.url, { startTs: T0 - 30 * MINUTE, now: T0 + 10 * MINUTE })),
        "online_user",
      );
      expect(values.at(-1)!.Timestamp).toBe(T0 + 7 * MINUTE);
    } finally {
      engine().clock.advance(-10 * MINUTE);
    }
  });

  it("ignores IsTest and unknown extra parameters", async () => {
    const plain = seriesOf(expectSuccess(await getUsage(server.url, {})), "online_user");
    const extra = seriesOf(expectSuccess(await getUsage(server.url, { extra: { IsTest: "TRUE", Foo: "bar" } })), "online_user");
    expect(extra).toEqual(plain);
  });
});

describe("GetRealtimeUsage determinism and coherence", () => {
  const all = [...zegoRealtimeMetricNames];
  const zegoServer = serverPerTest();

  it("same seed, same request sequence → same bytes; another seed → other values", async () => {
    const bodies = async (seed: number) => {
      const app = await zegoServer({ seed, rateLimits: false });
      const out = [];
      for (const query of [{ metrics: all }, { metrics: ["online_user"], startTs: T0 - HOUR }, { appId: "42", metrics: all }]) {
        out.push((await getUsage(app, query)).text);
      }
      return out;
    };
    const first = await bodies(7);
    expect(await bodies(7)).toEqual(first);
    const other = await bodies(8);
    expect(other[0]).not.toBe(first[0]);
    const strip = (body: string) => JSON.stringify((JSON.parse(body) as { Data: unknown }).Data);
    expect(strip(other[0]!)).not.toBe(strip(first[0]!));
  });

  it("overlapping windows agree on every shared timestamp", async () => {
    const app = await zegoServer({ rateLimits: false });
    const a = expectSuccess(await getUsage(app, { metrics: all, startTs: T0 - 100 * MINUTE, endTs: T0 - 20 * MINUTE }));
    const b = expectSuccess(await getUsage(app, { metrics: all, startTs: T0 - 50 * MINUTE, endTs: 0 }));
    for (const metric of all) {
      const later = new Map(seriesOf(b, metric).map((point) => [point.Timestamp, point.Value]));
      const shared = seriesOf(a, metric).filter((point) => later.has(point.Timestamp));
      expect(shared).toHaveLength(31);
      for (const point of shared) expect(point.Value, `${metric}@${point.Timestamp}`).toBe(later.get(point.Timestamp));
    }
  });

  it("a metric's series is the same whichever other metrics were asked", async () => {
    const app = await zegoServer({ rateLimits: false });
    const alone = seriesOf(expectSuccess(await getUsage(app, { metrics: ["max_room_user"] })), "max_room_user");
    const withOthers = seriesOf(
      expectSuccess(await getUsage(app, { metrics: ["publish_concurrent", "max_room_user", "mix_concurrent"] })),
      "max_room_user",
    );
    expect(withOthers).toEqual(alone);
  });

  it("keeps the metrics coherent at every point, for many apps, over the whole 2-hour window", async () => {
    const app = await zegoServer({ rateLimits: false });
    for (const appId of ["1", "42", "1234567890", "4294967295", "987654"]) {
      const data = expectSuccess(await getUsage(app, { appId, metrics: all, startTs: T0 - 2 * HOUR }));
      const at = (metric: string, i: number) => seriesOf(data, metric)[i]!.Value;
      const points = seriesOf(data, "online_user").length;
      expect(points).toBe(118);
      for (let i = 0; i < points; i++) {
        for (const metric of all) expect(Number.isInteger(at(metric, i))).toBe(true);
        expect(at("room_concurrent", i)).toBeLessThanOrEqual(at("online_user", i));
        expect(at("max_room_user", i)).toBeLessThanOrEqual(at("online_user", i));
        expect(at("max_room_user", i) * at("room_concurrent", i)).toBeGreaterThanOrEqual(at("online_user", i));
        expect(at("play_concurrent", i)).toBeGreaterThanOrEqual(at("publish_concurrent", i));
        expect(at("mix_concurrent", i)).toBeLessThanOrEqual(at("publish_concurrent", i));
        expect(at("publish_concurrent", i)).toBeLessThanOrEqual(at("online_user", i));
      }
      // Not a flat line: the curve moves within two hours.
      expect(new Set(seriesOf(data, "online_user").map((point) => point.Value)).size).toBeGreaterThan(10);
    }
  });

  it("follows a daily rhythm: the China evening is busier than the China early morning", async () => {
    const evening = T0 + 9 * HOUR; // 21:00 in China
    const night = T0 + 16 * HOUR; // 04:00 in China, the next day
    const mean = async (now: number) => {
      const app = await zegoServer({ clock: frozenAt(now) });
      const values = seriesOf(expectSuccess(await getUsage(app, { startTs: now - HOUR, now })), "online_user");
      return values.reduce((sum, point) => sum + point.Value, 0) / values.length;
    };
    expect(await mean(evening)).toBeGreaterThan(2 * (await mean(night)));
  });

  it("options.zego.stepMs changes the spacing, not the values at shared timestamps", async () => {
    const minute = await zegoServer();
    const second = await zegoServer({ zego: { stepMs: 1000 } });
    const query = { metrics: ["online_user", "play_concurrent"], startTs: T0 - 10 * MINUTE };
    const coarse = expectSuccess(await getUsage(minute, query));
    const fine = expectSuccess(await getUsage(second, query));
    const fineValues = seriesOf(fine, "play_concurrent");
    expect(fineValues).toHaveLength(7 * 60 + 1);
    expect(fineValues[1]!.Timestamp - fineValues[0]!.Timestamp).toBe(1000);
    const byTime = new Map(fineValues.map((point) => [point.Timestamp, point.Value]));
    for (const point of seriesOf(coarse, "play_concurrent")) expect(byTime.get(point.Timestamp)).toBe(point.Value);
    expect(GetRealtimeUsageResponse.safeParse(fine).success).toBe(true);
  });
});
