import { describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import type { Exchange } from "../../contracts/exchange.js";
import { runCase, type CaseResult, type RunOptions } from "../../contracts/runner.js";
import { formatRfc3339, parseRfc3339 } from "../../contracts/series.js";
import { inprocTarget } from "../../contracts/targets/inproc-target.js";
import type { Target } from "../../contracts/targets/target.js";

// Issue 15: each kind of drift that used to pass, made by hand on a healthy reply of the fake.
const CLOCK = { start: "2025-03-01T12:00:10Z", frozen: true } as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- the mutations edit arbitrary reply JSON */
type Mutation = (json: any, exchange: Exchange) => unknown;

function drifted(mutate: Mutation, mock: Parameters<typeof inprocTarget>[0] = {}): Target {
  const inner = inprocTarget({ mock: { clock: CLOCK, ...mock.mock } });
  return {
    ...inner,
    async send(request, options) {
      const exchange = await inner.send(request, options);
      const out = mutate(JSON.parse(exchange.response.body), exchange);
      return { ...exchange, response: { ...exchange.response, body: JSON.stringify(out) } };
    },
  };
}

const cases = buildCases();
async function run(
  id: string,
  mutate: Mutation,
  options: Omit<RunOptions, "cases" | "target"> = {},
  target = drifted(mutate),
): Promise<CaseResult> {
  const c = cases.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no case ${id}`);
  return runCase(c, target, await target.fixtures(), options);
}
const errors = (r: CaseResult) => r.violations.filter((v) => v.severity === "error");
const messages = (r: CaseResult, rule: string) =>
  errors(r)
    .filter((v) => v.rule === rule)
    .map((v) => v.message);

const TENCENT = "tencent.DescribeRoomStatistics/ended-room-first-page";
const QUALITY = "volcengine.ListRealTimeQuality/app-wide-all-indicators";
const ZEGO = "zego.GetRealtimeUsage/all-metrics-last-30-minutes";
const RT_OPS = "volcengine.ListRealTimeOperationData/last-10-minutes";
const HOURLY = "volcengine.ListOperationData/hourly-last-day";
const DAILY = "volcengine.ListOperationData/daily-last-week";

const records = (json: any): any[] => json.Response.MemberRecords;
const volcSeries = (json: any): any[] => json.Result.Indicators;

describe("drift that keeps the type is caught", () => {
  it("passes every healthy reply used below (no false alarm)", async () => {
    for (const id of [TENCENT, QUALITY, ZEGO, RT_OPS, HOURLY, DAILY]) expect(errors(await run(id, (json) => json)), id).toEqual([]);
  });

  it("Tencent: the later MemberRecord fields all dropped, or CurrentState renamed", async () => {
    const dropped = await run(TENCENT, (json) => {
      for (const r of records(json))
        for (const f of ["PerMemberMicCount", "PerMemberMessageCount", "Role", "GroupId", "SubGroupId", "Stage", "CurrentState"])
          delete r[f];
      return json;
    });
    expect(messages(dropped, "schema.always-sent")).toHaveLength(7);
    const renamed = await run(TENCENT, (json) => {
      for (const r of records(json)) {
        r.State = r.CurrentState;
        delete r.CurrentState;
      }
      return json;
    });
    expect(messages(renamed, "schema.always-sent")).toEqual([expect.stringMatching(/^CurrentState is missing from (\d+) of \1 records/)]);
  });

  it("Tencent: times in milliseconds instead of seconds", async () => {
    const result = await run(TENCENT, (json) => {
      json.Response.RealStartTime *= 1000;
      json.Response.RealEndTime *= 1000;
      for (const r of records(json)) {
        if (r.FirstJoinTimestamp > 0) r.FirstJoinTimestamp *= 1000;
        if (r.LastQuitTimestamp > 0) r.LastQuitTimestamp *= 1000;
      }
      return json;
    });
    const found = messages(result, "time.unit");
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/^RealStartTime \d+ is in milliseconds, not seconds$/);
    expect(found[2]).toMatch(/^FirstJoinTimestamp \d+ is in milliseconds, not seconds \(\d+ of \d+ records\)$/);
  });

  it("Volcengine: quality percentages written as 0–1 ratios", async () => {
    const result = await run(QUALITY, (json) => {
      for (const s of volcSeries(json)) for (const p of s.Data) p.Value = Math.round(p.Value) / 100;
      return json;
    });
    const found = messages(result, "value.scale");
    expect(found.some((m) => /^series 5s_join_room_success_rate: every value lies in 0–1/.test(m))).toBe(true);
    expect(found.some((m) => m.includes("stall_rate"))).toBe(false); // low-is-good rates are not judged by scale
  });

  it("Volcengine: stall_rate as one series instead of the audio and video pair, and a series without its Unit", async () => {
    const merged = await run(QUALITY, (json) => {
      const series = volcSeries(json);
      const audio = series.findIndex((s) => s.Name === "audio_stall_rate");
      series[audio].Name = "stall_rate";
      series.splice(
        series.findIndex((s) => s.Name === "video_stall_rate"),
        1,
      );
      return json;
    });
    expect(messages(merged, "series.shape")).toEqual([
      "stall_rate came back as 1 series (stall_rate); the vendor returns 2: audio_stall_rate, video_stall_rate",
    ]);
    const unitless = await run(QUALITY, (json) => {
      delete volcSeries(json)[0].Unit;
      return json;
    });
    expect(messages(unitless, "series.unit")).toEqual([expect.stringMatching(/has no Unit; the vendor sends "%"$/)]);
  });

  it("ZEGO: points two steps apart, and a series that stops short", async () => {
    const sparse = await run(ZEGO, (json) => {
      for (const m of json.Data.Metrics) m.Values = m.Values.filter((_: unknown, i: number) => i % 2 === 0);
      return json;
    });
    expect(messages(sparse, "time.step")[0]).toMatch(
      /point\(s\) missing, e\.g\. 120 s after the previous point; ZEGO sends one point per 60 s step$/,
    );
    const short = await run(ZEGO, (json) => {
      for (const m of json.Data.Metrics) m.Values = m.Values.slice(0, -3);
      return json;
    });
    expect(messages(short, "coverage")[0]).toMatch(/ends 180 s before the newest point due/);
  });

  it("ZEGO: timestamps in seconds, said once per series", async () => {
    const result = await run(ZEGO, (json) => {
      for (const m of json.Data.Metrics) for (const v of m.Values) v.Timestamp = Math.floor(v.Timestamp / 1000);
      return json;
    });
    const found = messages(result, "time.unit");
    expect(found).toHaveLength(6); // one per metric, not one per point
    expect(found[0]).toMatch(/timestamp \d+ is in seconds, not milliseconds \((\d+) of \1 points\)$/);
  });

  it("Volcengine: a Service other than rtc, and a Region neither signed nor known", async () => {
    const service = await run(RT_OPS, (json) => ({ ...json, ResponseMetadata: { ...json.ResponseMetadata, Service: "vod" } }));
    expect(messages(service, "envelope.service")).toEqual(['Service "vod" is not "rtc", the service of these actions']);
    const region = await run(RT_OPS, (json) => ({ ...json, ResponseMetadata: { ...json.ResponseMetadata, Region: "mars-1" } }));
    expect(messages(region, "envelope.region")).toEqual(['Region "mars-1" does not echo the signed region cn-north-1']);
  });

  it("Volcengine: realtime, hourly and daily timestamps in Z for a +08:00 request, said as a zone change", async () => {
    const toZ = (json: any) => {
      for (const s of volcSeries(json)) for (const p of s.Data) p.TimeStamp = formatRfc3339(parseRfc3339(p.TimeStamp).t, 0);
      return json;
    };
    for (const id of [RT_OPS, HOURLY, DAILY]) {
      const result = await run(id, toZ);
      expect(messages(result, "time.zone")[0], id).toMatch(/timestamps are written in Z .*the request's StartTime is in \+08:00/);
      expect(messages(result, "time.aligned"), id).toEqual([]); // not a misleading alignment message
    }
  });

  it("latency: a reply over the budget fails at the budget, one over half of it warns", async () => {
    const slow = drifted((json) => json, { mock: { faults: [{ kind: "latency", ms: 12_000, vendor: "volcengine" }] } });
    const over = await run(RT_OPS, (json) => json, {}, slow);
    expect(messages(over, "latency")).toEqual([
      "no reply within 10 s, the volcengine latency budget (the Volcengine Node SDK's fixed timeout): a client with that timeout gives up",
    ]);
    const halfway = drifted((json) => json, { mock: { faults: [{ kind: "latency", ms: 5_000, vendor: "volcengine" }] } });
    const warned = await run(RT_OPS, (json) => json, {}, halfway);
    expect(errors(warned)).toEqual([]);
    expect(warned.violations.map((v) => v.message)).toContain(
      "reply took 5.0 s, at least half of the 10 s volcengine latency budget (the Volcengine Node SDK's fixed timeout)",
    );
    const tight = await run(RT_OPS, (json) => json, { latencyBudget: { volcengine: 4_000, zego: 10_000, tencent: 60_000 } }, halfway);
    expect(messages(tight, "latency")[0]).toMatch(/within 4 s, the volcengine latency budget \(--latency-budget\)/);
  });

  it("says what kind of drift a schema violation is", async () => {
    const typed = await run(ZEGO, (json) => ({ ...json, Code: "0" }));
    expect(typed.violations.filter((v) => v.rule === "envelope.code-type").map((v) => v.message)).toEqual([
      'Code is a string ("0"), not a number: a client comparing Code === 0 reads this success as an error',
    ]);
    expect(typed.violations.some((v) => /got error/.test(v.message))).toBe(false); // still read as a success
    const missing = await run(TENCENT, (json) => {
      delete json.Response.Total;
      return json;
    });
    expect(messages(missing, "schema")).toContain("response: Total is missing (required)");
    const fraction = await run(TENCENT, (json) => {
      json.Response.RealStartTime += 0.5;
      return json;
    });
    expect(messages(fraction, "schema")).toContain("response: RealStartTime is a number with a fraction, not an integer");
  });

  it("Volcengine: a day missing from daily data", async () => {
    const result = await run(DAILY, (json) => {
      for (const s of volcSeries(json)) s.Data.splice(1, 1);
      return json;
    });
    expect(messages(result, "coverage")[0]).toMatch(/^series \w+ misses 1 bucket\(s\) of the window, e.g. \d{4}-\d\d-\d\dT16:00:00\.000Z$/);
  });

  it("Tencent: one member in two records, and a peak of 0 in a room people were in", async () => {
    const twice = await run(TENCENT, (json) => {
      records(json)[1].UserId = records(json)[0].UserId;
      return json;
    });
    expect(messages(twice, "consistency")).toEqual([expect.stringMatching(/^UserId ".+" is also record 0: one record per member$/)]);
    const noPeak = await run(TENCENT, (json) => {
      json.Response.PeakMemberNumber = 0;
      return json;
    });
    expect(messages(noPeak, "consistency")).toEqual([
      expect.stringMatching(/^PeakMemberNumber 0 although \d+ records on this page show time present$/),
    ]);
  });
});
