import { z } from "zod";
import { describe, expect, it } from "vitest";
import { endpoints } from "../../schemas/registry.js";
import {
  ListOperationDataRequest,
  ListRealTimeOperationDataRequest,
  ListRealTimeQualityRequest,
  ListRealTimeQualityResponse,
  Rfc3339Time,
  volcengineEndpoints,
} from "../../schemas/volcengine/index.js";

const base = {
  AppId: "app1",
  StartTime: "2021-07-24T00:00:00+08:00",
  EndTime: "2021-07-24T00:10:00+08:00",
  Indicator: ["online_user_count"],
};

/** The first issue's path, e.g. "UserId" or "Indicator.0". */
const failingPath = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.path.join("."));
};

describe("Volcengine request schemas reject bad bodies", () => {
  it("accepts the minimal valid bodies", () => {
    expect(ListRealTimeOperationDataRequest.safeParse(base).success).toBe(true);
    expect(ListOperationDataRequest.safeParse({ ...base, AggregateGranularity: "1h" }).success).toBe(true);
    expect(ListRealTimeQualityRequest.safeParse({ ...base, Indicator: ["stall_rate"] }).success).toBe(true);
  });

  it("wrong type", () => {
    expect(failingPath(ListRealTimeOperationDataRequest, { ...base, AppId: 123 })).toEqual(["AppId"]);
    expect(failingPath(ListRealTimeOperationDataRequest, { ...base, Indicator: "online_user_count" })).toEqual(["Indicator"]);
    expect(failingPath(ListRealTimeQualityRequest, { ...base, UserId: "user1" })).toEqual(["UserId"]);
  });

  it("missing required field", () => {
    const { EndTime: _end, ...noEnd } = base;
    expect(failingPath(ListRealTimeOperationDataRequest, noEnd)).toEqual(["EndTime"]);
    expect(failingPath(ListOperationDataRequest, base)).toEqual(["AggregateGranularity"]);
  });

  it("value outside an enum", () => {
    expect(failingPath(ListOperationDataRequest, { ...base, AggregateGranularity: "1w" })).toEqual(["AggregateGranularity"]);
    expect(failingPath(ListRealTimeQualityRequest, { ...base, ProductType: "ios" })).toEqual(["ProductType"]);
  });

  it("UserId: 20 accepted, 21 rejected", () => {
    const users = (n: number) => Array.from({ length: n }, (_, i) => `user${i}`);
    expect(ListRealTimeQualityRequest.safeParse({ ...base, RoomId: "r", UserId: users(20) }).success).toBe(true);
    expect(failingPath(ListRealTimeQualityRequest, { ...base, RoomId: "r", UserId: users(21) })).toEqual(["UserId"]);
  });

  it.each([
    "2021-07-24T00:00:00",
    "2021-07-24 00:00:00+08:00",
    "2021-07-24T00:00:00+0800",
    "2021-02-30T00:00:00+08:00",
    "2021-07-24T24:00:00+08:00",
    "1627056000",
    "",
  ])("malformed RFC3339 %j", (time) => {
    expect(failingPath(ListRealTimeOperationDataRequest, { ...base, StartTime: time })).toEqual(["StartTime"]);
    expect(Rfc3339Time.safeParse(time).success).toBe(false);
  });

  it.each(["2021-07-24T00:00:00Z", "2021-07-24T00:00:00-05:00", "2021-07-24T00:00:00.5+08:00", "2024-02-29T12:00:00+08:00"])(
    "valid RFC3339 %j",
    (time) => {
      expect(Rfc3339Time.safeParse(time).success).toBe(true);
    },
  );

  it("empty Indicator list and unknown fields", () => {
    expect(failingPath(ListRealTimeOperationDataRequest, { ...base, Indicator: [] })).toEqual(["Indicator"]);
    expect(failingPath(ListRealTimeOperationDataRequest, { ...base, Extra: 1 })).toEqual([""]);
    expect(ListRealTimeOperationDataRequest.safeParse({ ...base, Extra: 1 }).error!.issues[0]!.code).toBe("unrecognized_keys");
  });
});

describe("Volcengine response schemas", () => {
  const ok = {
    ResponseMetadata: { RequestId: "r", Action: "ListRealTimeQuality", Version: "2020-12-01", Service: "rtc", Region: "cn-north-1" },
    Result: { Indicators: [{ Name: "audio_stall_rate", Unit: "%", Data: [{ TimeStamp: "2021-07-24T00:00:00+08:00", Value: 0.5 }] }] },
  };

  it("tolerates SDK-only fields (overview, StreamId) and unknown extra fields", () => {
    const withExtras = structuredClone(ok) as typeof ok & { Result: { Indicators: Record<string, unknown>[] } };
    withExtras.Result.Indicators[0]!["overview"] = { Alias: "音频卡顿率", MaxValue: "1" };
    (withExtras.Result.Indicators[0]!["Data"] as Record<string, unknown>[])[0]!["StreamId"] = "s1";
    (withExtras.Result as Record<string, unknown>)["Future"] = true;
    expect(ListRealTimeQualityResponse.safeParse(withExtras).success).toBe(true);
  });

  it("rejects a wrong Action echo, an Error on success, and a string Value", () => {
    expect(
      ListRealTimeQualityResponse.safeParse({ ...ok, ResponseMetadata: { ...ok.ResponseMetadata, Action: "ListOperationData" } }).success,
    ).toBe(false);
    expect(
      ListRealTimeQualityResponse.safeParse({ ...ok, ResponseMetadata: { ...ok.ResponseMetadata, Error: { Code: "x", Message: "y" } } })
        .success,
    ).toBe(false);
    const stringValue = structuredClone(ok);
    (stringValue.Result.Indicators[0]!.Data[0] as Record<string, unknown>)["Value"] = "0.5";
    expect(ListRealTimeQualityResponse.safeParse(stringValue).success).toBe(false);
  });
});

describe("Volcengine registry entries", () => {
  it("are in the shared registry with host, query routing and limits", () => {
    const ids = endpoints.filter((endpoint) => endpoint.vendor === "volcengine").map((endpoint) => endpoint.id);
    expect(ids).toEqual([
      "volcengine.ListRealTimeOperationData",
      "volcengine.ListOperationData",
      "volcengine.ListRealTimeQuality",
      "volcengine.ListRealTimeOperationData@2020-12-01",
      "volcengine.ListOperationData@2020-12-01",
      "volcengine.ListRealTimeQuality@2023-11-01",
    ]);
    for (const endpoint of volcengineEndpoints) {
      expect(endpoint.host).toBe("rtc.volcengineapi.com");
      expect(endpoint.actionCarrier).toBe("query");
      expect(endpoint.method).toBe("POST");
      expect(endpoint.docUrl).toMatch(/^https:\/\/volcengine\.com\/docs\/6348\//);
      expect(endpoint.limits.rate).toEqual([expect.objectContaining({ limit: 2, windowMs: 1000 })]);
    }
  });

  it("every wire schema converts to JSON Schema", () => {
    for (const endpoint of volcengineEndpoints) {
      for (const schema of [endpoint.body, endpoint.response, endpoint.errorResponse] as z.ZodType[]) {
        const json = z.toJSONSchema(schema, { io: "input" }) as { type?: string };
        expect(json.type).toBe("object");
      }
    }
    const body = z.toJSONSchema(ListRealTimeQualityRequest, { io: "input" }) as {
      properties: Record<string, { maxItems?: number; format?: string }>;
      additionalProperties: unknown;
    };
    expect(body.properties["UserId"]!.maxItems).toBe(20);
    expect(body.properties["StartTime"]!.format).toBe("date-time");
    expect(body.additionalProperties).toBe(false);
  });
});
