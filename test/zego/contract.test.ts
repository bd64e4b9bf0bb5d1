import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  GetRealtimeUsageQuery,
  GetRealtimeUsageResponse,
  ZegoErrorResponse,
  getRealtimeUsageLimits,
  zegoEndpoints,
  zegoErrors,
  zegoQueryObject,
  zegoRealtimeMetricNames,
  zegoRealtimeMetrics,
} from "../../schemas/zego/index.js";
import {
  getRealtimeUsageRequestExampleText,
  getRealtimeUsageRequestExampleUrl,
  getRealtimeUsageResponseExampleText,
} from "../../schemas/zego/fixtures/get-realtime-usage-examples.js";
import { endpointById } from "../../schemas/registry.js";

const fixture = (name: string) => readFileSync(new URL(`../../schemas/zego/fixtures/${name}`, import.meta.url), "utf8");

const queryOf = (url: string) => zegoQueryObject(new URL(url).searchParams);

const validQuery = () => queryOf(getRealtimeUsageRequestExampleUrl);

const validResponse = () => ({
  Code: 0,
  Message: "success",
  Data: {
    Metrics: [
      { Metric: "publish_concurrent", Values: [{ Timestamp: 1660634260000, Value: 1000 }] },
      { Metric: "online_user", Values: [{ Timestamp: 1660634260000, Value: 99999 }] },
    ],
  },
  RequestId: "1660645050860325000",
});

describe("ZEGO fixtures", () => {
  it("keeps the seed's examples verbatim, in the files and in the module", () => {
    expect(getRealtimeUsageRequestExampleText).toBe(fixture("get-realtime-usage.request.txt"));
    expect(getRealtimeUsageResponseExampleText).toBe(fixture("get-realtime-usage.response.json"));
    expect(getRealtimeUsageRequestExampleText).toContain("&Metrics[]=publish_concurrent\n");
    expect(getRealtimeUsageRequestExampleText).toContain("&<公共请求参数>");
  });

  it("the request example, with the access page's common parameters, passes the query schema", () => {
    const query = validQuery();
    expect(query["Metrics[]"]).toEqual(["publish_concurrent", "online_user"]);
    expect(query.StartTs).toBe("1672565276000");
    const parsed = GetRealtimeUsageQuery.parse(query);
    expect(parsed.Action).toBe("GetRealtimeUsage");
    expect(parsed.SignatureVersion).toBe("2.0");
  });

  it("raw and percent-encoded brackets give the same query object", () => {
    const raw = getRealtimeUsageRequestExampleUrl;
    const encoded = raw.replaceAll("Metrics[]=", "Metrics%5B%5D=");
    expect(encoded).not.toBe(raw);
    expect(queryOf(encoded)).toEqual(queryOf(raw));
  });

  it("the response example passes the response schema", () => {
    const parsed = GetRealtimeUsageResponse.parse(JSON.parse(getRealtimeUsageResponseExampleText));
    expect(parsed.Data.Metrics.map((series) => series.Metric)).toEqual(["publish_concurrent", "online_user"]);
    expect(parsed.Data.Metrics[1]!.Values[0]).toEqual({ Timestamp: 1660634097767, Value: 99999 });
  });

  it("the bare 19-digit RequestId loses precision in JSON.parse; the text keeps it and the schema still accepts it", () => {
    const parsed = JSON.parse(getRealtimeUsageResponseExampleText) as { RequestId: number };
    expect(typeof parsed.RequestId).toBe("number");
    expect(Number.isSafeInteger(parsed.RequestId)).toBe(false);
    // The double nearest to 1660645050860325000 is 1660645050860325120: the digits are not what was sent.
    expect(BigInt(parsed.RequestId)).toBe(1660645050860325120n);
    expect(BigInt(parsed.RequestId)).not.toBe(1660645050860325000n);
    expect(/"RequestId":\s*(\d+)/.exec(getRealtimeUsageResponseExampleText)?.[1]).toBe("1660645050860325000");
    expect(GetRealtimeUsageResponse.safeParse(parsed).success).toBe(true);
    expect(GetRealtimeUsageResponse.safeParse({ ...validResponse(), RequestId: "1660645050860325000" }).success).toBe(true);
  });
});

describe("GetRealtimeUsage query schema rejects", () => {
  const rejects = (mutate: (query: Record<string, unknown>) => void) => {
    const query: Record<string, unknown> = validQuery();
    mutate(query);
    return GetRealtimeUsageQuery.safeParse(query).success;
  };

  it("a metric outside the six", () => {
    expect(rejects((q) => (q["Metrics[]"] = ["publish_concurrent", "cpu_usage"]))).toBe(false);
  });
  it("an empty or missing Metrics[]", () => {
    expect(rejects((q) => (q["Metrics[]"] = []))).toBe(false);
    expect(rejects((q) => delete q["Metrics[]"])).toBe(false);
  });
  it("Metrics[] given as a single string instead of the repeated key", () => {
    expect(rejects((q) => (q["Metrics[]"] = "online_user"))).toBe(false);
  });
  it("missing required parameters", () => {
    for (const key of ["AppId", "Signature", "SignatureNonce", "SignatureVersion", "Timestamp", "Action", "StartTs", "EndTs"]) {
      expect(
        rejects((q) => delete q[key]),
        key,
      ).toBe(false);
    }
  });
  it("non-numeric or negative times, and numbers where the wire has text", () => {
    expect(rejects((q) => (q.StartTs = "abc"))).toBe(false);
    expect(rejects((q) => (q.StartTs = "-1"))).toBe(false);
    expect(rejects((q) => (q.EndTs = "1.5"))).toBe(false);
    expect(rejects((q) => (q.StartTs = 1672565276000))).toBe(false);
  });
  it("a SignatureVersion other than 2.0, an upper-case or short Signature, another Action", () => {
    expect(rejects((q) => (q.SignatureVersion = "1.0"))).toBe(false);
    expect(rejects((q) => (q.Signature = "7A2C0F11145FB760D607A07B54825013"))).toBe(false);
    expect(rejects((q) => (q.Signature = "7a2c0f"))).toBe(false);
    expect(rejects((q) => (q.Action = "GetBizUsage"))).toBe(false);
  });
  it("an IsTest that is not true/false, while either case is accepted", () => {
    expect(rejects((q) => (q.IsTest = "TRUE"))).toBe(true);
    expect(rejects((q) => delete q.IsTest)).toBe(true);
    expect(rejects((q) => (q.IsTest = "yes"))).toBe(false);
  });
});

describe("GetRealtimeUsage response schema rejects", () => {
  const accepts = (mutate: (response: ReturnType<typeof validResponse>) => void) => {
    const response = validResponse();
    mutate(response);
    return GetRealtimeUsageResponse.safeParse(response).success;
  };

  it("accepts the valid baseline", () => {
    expect(accepts(() => {})).toBe(true);
  });
  it("wrong types", () => {
    expect(accepts((r) => ((r as Record<string, unknown>).Code = "0"))).toBe(false);
    expect(accepts((r) => ((r as Record<string, unknown>).RequestId = true))).toBe(false);
    expect(accepts((r) => ((r as Record<string, unknown>).Data = [r.Data]))).toBe(false);
    expect(accepts((r) => ((r as Record<string, unknown>).Message = 1))).toBe(false);
  });
  it("missing required fields", () => {
    for (const key of ["Code", "Message", "RequestId", "Data"] as const) {
      expect(
        accepts((r) => delete (r as Partial<typeof r>)[key]),
        key,
      ).toBe(false);
    }
    expect(accepts((r) => delete (r.Data as Partial<typeof r.Data>).Metrics)).toBe(false);
    expect(accepts((r) => delete (r.Data.Metrics[0] as { Values?: unknown }).Values)).toBe(false);
  });
  it("a metric outside the six", () => {
    expect(accepts((r) => (r.Data.Metrics[0]!.Metric = "cpu_usage"))).toBe(false);
  });
  it("malformed values", () => {
    const point = (r: ReturnType<typeof validResponse>) => r.Data.Metrics[0]!.Values[0] as Record<string, unknown>;
    expect(accepts((r) => (point(r).Timestamp = "1660634260000"))).toBe(false);
    expect(accepts((r) => (point(r).Timestamp = 1660634260000.5))).toBe(false);
    expect(accepts((r) => (point(r).Value = -1))).toBe(false);
    expect(accepts((r) => (point(r).Value = "1000"))).toBe(false);
    expect(accepts((r) => delete point(r).Value)).toBe(false);
  });
  it("a non-zero Code (that is an error reply)", () => {
    expect(accepts((r) => ((r as Record<string, unknown>).Code = 10002))).toBe(false);
  });
});

describe("ZEGO error envelope", () => {
  it("accepts a coded error with or without Data, and rejects Code 0", () => {
    expect(ZegoErrorResponse.safeParse({ Code: 30002, Message: "x", RequestId: "1", Data: {} }).success).toBe(true);
    expect(ZegoErrorResponse.safeParse({ Code: 10001, Message: "x", RequestId: 1 }).success).toBe(true);
    expect(ZegoErrorResponse.safeParse({ Code: 0, Message: "success", RequestId: "1", Data: {} }).success).toBe(false);
    expect(ZegoErrorResponse.safeParse({ Code: 10001, RequestId: "1" }).success).toBe(false);
  });
});

describe("ZEGO catalogs and registry entry", () => {
  it("keys every error by the decimal text of its numeric code, with HTTP 200 and a source", () => {
    const keys = Object.keys(zegoErrors);
    expect(keys).not.toContain("0");
    for (const key of ["500", "10001", "10002", "30002"]) expect(keys).toContain(key);
    for (let code = 100000000; code <= 100000017; code++) expect(keys, String(code)).toContain(String(code));
    for (const [key, error] of Object.entries(zegoErrors)) {
      expect(error.code).toBe(key);
      expect(String(error.codeN)).toBe(key);
      expect(error.httpStatus).toBe(200);
      expect(error.source).toMatch(/^https:\/\//);
      expect(error.trigger.length).toBeGreaterThan(10);
      expect(error.note).toMatch(/HTTP 200 is assumed/);
    }
  });

  it("lists the six metrics with meaning, unit and source", () => {
    expect(Object.keys(zegoRealtimeMetrics)).toEqual([...zegoRealtimeMetricNames]);
    for (const metric of Object.values(zegoRealtimeMetrics)) {
      expect(metric.meaning).not.toBe("");
      expect(["streams", "rooms", "users", "tasks"]).toContain(metric.unit);
      expect(metric.source).toMatch(/get-real-time-usage/);
    }
  });

  it("declares 3/min and 480/day per app, 2 h lookback, 3 min delay and an assumed 60 s step", () => {
    expect(getRealtimeUsageLimits.rate.map((rule) => [rule.limit, rule.windowMs, rule.scope])).toEqual([
      [3, 60_000, "app"],
      [480, 86_400_000, "app"],
    ]);
    expect(getRealtimeUsageLimits.lookbackMs.value).toBe(7_200_000);
    expect(getRealtimeUsageLimits.dataDelayMs.value).toBe(180_000);
    expect(getRealtimeUsageLimits.bucketMs).toMatchObject({ value: 60_000, fidelity: "assumed" });
  });

  it("is registered and every schema converts to JSON Schema", () => {
    const endpoint = endpointById("zego.GetRealtimeUsage");
    expect(endpoint).toBe(zegoEndpoints[0]);
    expect(endpoint).toMatchObject({ method: "GET", host: "analytics-api.zego.im", version: null, actionCarrier: "query" });
    const query = z.toJSONSchema(zegoEndpoints[0].query!) as { properties: Record<string, { type?: string; items?: { enum?: string[] } }> };
    expect(query.properties["Metrics[]"]?.type).toBe("array");
    expect(query.properties["Metrics[]"]?.items?.enum).toEqual([...zegoRealtimeMetricNames]);
    const response = z.toJSONSchema(zegoEndpoints[0].response) as { properties: Record<string, { type?: unknown }> };
    expect(response.properties.RequestId?.type).toEqual(["string", "number"]);
    expect(response.properties.Data?.type).toBe("object");
    expect(() => z.toJSONSchema(zegoEndpoints[0].errorResponse)).not.toThrow();
  });
});
