import { describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import type { ContractCase } from "../../contracts/case.js";
import type { Exchange } from "../../contracts/exchange.js";
import { runCase, type CaseResult } from "../../contracts/runner.js";
import { formatRfc3339, parseRfc3339 } from "../../contracts/series.js";
import { inprocTarget } from "../../contracts/targets/inproc-target.js";
import type { Target } from "../../contracts/targets/target.js";

// A fixed, frozen clock 10 s into a 30 s bucket, so every mutation below is deterministic.
const CLOCK = { start: "2025-03-01T12:00:10Z", frozen: true } as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- the mutations edit arbitrary reply JSON */
type Mutation = (json: any, exchange: Exchange) => unknown;

/** The in-process target with every reply rewritten by `mutate` (a stub vendor that drifted). */
function drifted(mutate: Mutation): Target {
  const inner = inprocTarget({ mock: { clock: CLOCK } });
  return {
    ...inner,
    async send(request, options) {
      const exchange = await inner.send(request, options);
      const out = mutate(JSON.parse(exchange.response.body), exchange);
      return { ...exchange, response: { ...exchange.response, body: typeof out === "string" ? out : JSON.stringify(out) } };
    },
  };
}

const cases = buildCases();
function caseById(id: string): ContractCase {
  const found = cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
}

async function run(id: string, mutate: Mutation): Promise<CaseResult> {
  const target = drifted(mutate);
  return runCase(caseById(id), target, await target.fixtures());
}

function rules(result: CaseResult): string[] {
  return result.violations.filter((v) => v.severity === "error").map((v) => `${v.rule} ${v.path}`);
}

const RT_OPS = "volcengine.ListRealTimeOperationData";
const QUALITY = "volcengine.ListRealTimeQuality";
const ZEGO = "zego.GetRealtimeUsage";
const TENCENT = "tencent.DescribeRoomStatistics";

describe("the checker catches drift", () => {
  it("passes the undrifted replies (so every failure below comes from its mutation)", async () => {
    for (const id of [
      `${RT_OPS}/last-10-minutes`,
      `${QUALITY}/app-wide-all-indicators`,
      `${ZEGO}/all-metrics-last-30-minutes`,
      `${TENCENT}/ended-room-first-page`,
      `${TENCENT}/unknown-room`,
      `${RT_OPS}/start-after-end`,
    ]) {
      const result = await run(id, (json) => json);
      expect(result.status, `${id}: ${JSON.stringify(result.violations)}`).toBe("passed");
    }
  });

  it("reports a renamed field: TimeStamp → Timestamp", async () => {
    const result = await run(`${RT_OPS}/last-10-minutes`, (json) => {
      const point = json.Result.Indicators[0].Data[0];
      point.Timestamp = point.TimeStamp;
      delete point.TimeStamp;
      return json;
    });
    expect(result.status).toBe("failed");
    expect(rules(result)).toContain("schema Result.Indicators[0].Data[0].TimeStamp");
  });

  it("reports a renamed field in a closed object as missing, and its new name as unknown", async () => {
    const result = await run(`${TENCENT}/ended-room-first-page`, (json) => {
      json.Response.PeakMemberCount = json.Response.PeakMemberNumber;
      delete json.Response.PeakMemberNumber;
      return json;
    });
    expect(rules(result)).toContain("schema Response.PeakMemberNumber");
    expect(result.violations).toContainEqual(
      expect.objectContaining({ rule: "schema.unknown-field", path: "Response.PeakMemberCount", severity: "warning" }),
    );
  });

  it("reports a wrong type: a ZEGO Value sent as text", async () => {
    const result = await run(`${ZEGO}/all-metrics-last-30-minutes`, (json) => {
      json.Data.Metrics[0].Values[0].Value = String(json.Data.Metrics[0].Values[0].Value);
      return json;
    });
    expect(rules(result)).toContain("schema Data.Metrics[0].Values[0].Value");
  });

  it("reports an error reply without its Error (Volcengine start after end)", async () => {
    const result = await run(`${RT_OPS}/start-after-end`, (json) => {
      delete json.ResponseMetadata.Error;
      return json;
    });
    expect(rules(result)).toEqual(expect.arrayContaining(["expect.outcome $", "envelope.status $", "schema Result"]));
  });

  it("reports an error reply without its Error (Tencent unknown room)", async () => {
    const result = await run(`${TENCENT}/unknown-room`, (json) => {
      delete json.Response.Error;
      return json;
    });
    expect(rules(result)).toContain("expect.outcome $");
    expect(rules(result)).toContain("schema Response.Total");
  });

  it("reports a misaligned bucket", async () => {
    const result = await run(`${RT_OPS}/last-10-minutes`, (json) => {
      for (const series of json.Result.Indicators) {
        const point = series.Data[1];
        point.TimeStamp = formatRfc3339(parseRfc3339(point.TimeStamp).t + 10_000);
      }
      return json;
    });
    expect(rules(result)).toContain("time.aligned Result.Indicators[0].Data[1]");
    expect(rules(result)).toContain("time.aligned Result.Indicators[1].Data[1]");
  });

  it("reports a point inside the data delay", async () => {
    const result = await run(`${QUALITY}/app-wide-all-indicators`, (json, exchange) => {
      // 12:00:00 is aligned and inside the window, but only 10 s before now (the delay is 1 min).
      const bucket = Math.floor(exchange.receivedAt / 30_000) * 30_000;
      for (const series of json.Result.Indicators) series.Data.push({ TimeStamp: formatRfc3339(bucket), Value: 99.5 });
      return json;
    });
    const delay = result.violations.filter((v) => v.rule === "time.delay");
    expect(delay.length).toBe(10);
    expect(delay[0]!.message).toMatch(/inside the 60 s data delay/);
    expect(rules(result).filter((r) => !r.startsWith("time.delay"))).toEqual([]);
  });

  it("reports a wrong error code", async () => {
    const result = await run(`${TENCENT}/unknown-room`, (json) => {
      json.Response.Error.Code = "FailedOperation.RoomNotEnd";
      return json;
    });
    expect(result.violations).toContainEqual(
      expect.objectContaining({
        rule: "error.code",
        path: "Response.Error.Code",
        message: expect.stringMatching(/expected error ResourceNotFound.Room, got FailedOperation.RoomNotEnd/),
      }),
    );
  });

  it("reports an error code the catalog does not have, and a status the catalog does not give", async () => {
    const result = await run(`${RT_OPS}/start-after-end`, (json) => {
      json.ResponseMetadata.Error.Code = "InvalidParameter.TimeRange";
      return json;
    });
    expect(rules(result)).toEqual(
      expect.arrayContaining(["error.code ResponseMetadata.Error.Code", "error.catalog ResponseMetadata.Error.Code"]),
    );
    const status = await run(`${RT_OPS}/start-after-end`, (json, exchange) => {
      exchange.response.status = 200;
      return json;
    });
    expect(rules(status)).toContain("error.status $");
  });

  it("reports a Tencent page larger than Limit", async () => {
    const result = await run(`${TENCENT}/ended-room-first-page`, (json) => {
      json.Response.MemberRecords.push({ ...json.Response.MemberRecords[0], UserId: "one_too_many" });
      return json;
    });
    expect(rules(result)).toContain("paging.limit Response.MemberRecords");
  });

  it("reports Total below the records and a peak above the members", async () => {
    const result = await run(`${TENCENT}/ended-room-first-page`, (json) => {
      json.Response.Total = 3;
      json.Response.PeakMemberNumber = json.Response.MemberNumber + 1;
      return json;
    });
    expect(rules(result)).toEqual(expect.arrayContaining(["paging.total Response.Total", "consistency Response.PeakMemberNumber"]));
  });

  it("reports more rooms than users, and play below publish", async () => {
    const volc = await run(`${RT_OPS}/last-10-minutes`, (json) => {
      const users = json.Result.Indicators.find((s: any) => s.Name === "online_user_count");
      const rooms = json.Result.Indicators.find((s: any) => s.Name === "online_room_count");
      rooms.Data[2].Value = users.Data[2].Value + 1;
      return json;
    });
    expect(volc.violations.some((v) => v.rule === "consistency" && v.path.endsWith("Data[2].Value"))).toBe(true);
    const zego = await run(`${ZEGO}/all-metrics-last-30-minutes`, (json) => {
      const publish = json.Data.Metrics.find((s: any) => s.Metric === "publish_concurrent");
      const play = json.Data.Metrics.find((s: any) => s.Metric === "play_concurrent");
      play.Values[0].Value = publish.Values[0].Value - 1;
      return json;
    });
    expect(zego.violations).toContainEqual(
      expect.objectContaining({ rule: "consistency", message: expect.stringMatching(/publish_concurrent .* exceeds play_concurrent/) }),
    );
  });

  it("reports three decimals, a percentage above 100 and a fractional count", async () => {
    const quality = await run(`${QUALITY}/app-wide-all-indicators`, (json) => {
      json.Result.Indicators[0].Data[0].Value = 98.125;
      json.Result.Indicators[1].Data[0].Value = 100.5;
      return json;
    });
    expect(rules(quality)).toEqual(
      expect.arrayContaining(["value.precision Result.Indicators[0].Data[0].Value", "value.range Result.Indicators[1].Data[0].Value"]),
    );
    const counts = await run(`${RT_OPS}/last-10-minutes`, (json) => {
      json.Result.Indicators[0].Data[0].Value = 12.5;
      return json;
    });
    expect(rules(counts)).toContain("value.count Result.Indicators[0].Data[0].Value");
  });

  it("reports a point outside the requested window and a missing bucket", async () => {
    const result = await run(`${RT_OPS}/every-bucket-both-ends`, (json) => {
      for (const series of json.Result.Indicators) series.Data.splice(3, 1);
      const first = json.Result.Indicators[0].Data[0];
      json.Result.Indicators[0].Data.unshift({ TimeStamp: formatRfc3339(parseRfc3339(first.TimeStamp).t - 3_600_000), Value: 1 });
      return json;
    });
    expect(rules(result)).toContain("time.window Result.Indicators[0].Data[0]");
    expect(result.violations.filter((v) => v.rule === "coverage")).toHaveLength(2);
  });

  it("reports a reply that is not JSON", async () => {
    const result = await run(`${ZEGO}/all-metrics-last-30-minutes`, () => "<html>502 Bad Gateway</html>");
    expect(rules(result)).toEqual(["json $"]);
  });
});
