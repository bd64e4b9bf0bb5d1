import { describe, expect, it } from "vitest";
import {
  listOperationDataLimits,
  listRealTimeOperationDataLimits,
  listRealTimeQualityLimits,
  volcengineErrors,
  volcengineOfflineOperationIndicators,
  volcengineQualityIndicators,
  volcengineRealtimeOperationIndicators,
} from "../../schemas/volcengine/index.js";

describe("volcengineErrors catalog", () => {
  const entries = Object.entries(volcengineErrors);

  it("is keyed by code, with a status, message, trigger and source on every entry", () => {
    for (const [key, entry] of entries) {
      expect(entry.code).toBe(key);
      expect(entry.httpStatus).toBeGreaterThanOrEqual(400);
      expect(entry.message.length).toBeGreaterThan(0);
      expect(entry.trigger.length).toBeGreaterThan(10);
      expect(entry.source.length).toBeGreaterThan(10);
      if (entry.fidelity === "documented") expect(entry.source).toMatch(/https:\/\/|sdk:/);
    }
  });

  it("gateway codes carry the documented CodeN and status", () => {
    expect(volcengineErrors.MissingParameter).toMatchObject({ codeN: 100002, httpStatus: 400 });
    expect(volcengineErrors.MissingAuthenticationToken).toMatchObject({ codeN: 100003, httpStatus: 401 });
    expect(volcengineErrors.InvalidActionOrVersion).toMatchObject({ codeN: 100008, httpStatus: 404 });
    expect(volcengineErrors.InvalidAccessKey).toMatchObject({ codeN: 100009, httpStatus: 401 });
    expect(volcengineErrors.SignatureDoesNotMatch).toMatchObject({ codeN: 100010, httpStatus: 401 });
    expect(volcengineErrors.InternalError).toMatchObject({ codeN: 100014, httpStatus: 500 });
  });

  it("RTC business codes, whose status the docs do not give, are marked assumed", () => {
    for (const [key, entry] of entries) {
      if (key.startsWith("InvalidParameter") || key.startsWith("FlowLimitExceeded") || key.startsWith("AccessDenied.")) {
        expect(entry.fidelity, key).toBe("assumed");
      }
    }
  });
});

describe("Volcengine indicator catalogs", () => {
  it("quality indicators come back as several named % series", () => {
    for (const definition of Object.values(volcengineQualityIndicators)) {
      expect(definition.series.length).toBeGreaterThanOrEqual(2);
      for (const series of definition.series) {
        expect(series.unit).toBe("%");
        expect(series.unitOnWire).toBe(true);
        expect(series.name).not.toBe(definition.indicator);
      }
    }
    expect(volcengineQualityIndicators.join_room_success_rate.series.map((s) => s.name)).toEqual([
      "5s_join_room_success_rate",
      "10s_join_room_success_rate",
    ]);
  });

  it("operation indicators: the two realtime ones documented, offline units assumed, user_count assumed", () => {
    expect(Object.keys(volcengineRealtimeOperationIndicators)).toEqual(["online_user_count", "online_room_count"]);
    expect(Object.values(volcengineRealtimeOperationIndicators).every((d) => d.fidelity === "documented")).toBe(true);
    expect(volcengineOfflineOperationIndicators.per_call_time.series[0].fidelity).toBe("assumed");
    expect(volcengineOfflineOperationIndicators.avg_call_time.series[0].fidelity).toBe("assumed");
    expect(volcengineOfflineOperationIndicators.user_count.fidelity).toBe("assumed");
  });
});

describe("Volcengine limits", () => {
  it("match the documented table", () => {
    expect(listRealTimeOperationDataLimits).toMatchObject({
      lookbackMs: { value: 3_600_000 },
      maxSpanMs: { value: 3_600_000 },
      dataDelayMs: { value: 20_000 },
      bucketMs: { value: 30_000 },
    });
    expect(listRealTimeQualityLimits).toMatchObject({
      lookbackMs: { value: 3_600_000 },
      maxSpanMs: { value: 3_600_000 },
      dataDelayMs: { value: 60_000 },
      bucketMs: { value: 30_000 },
    });
    expect(listRealTimeQualityLimits.maxListLength.UserId.value).toBe(20);
    expect(listOperationDataLimits).toMatchObject({
      lookbackMs: { value: 30 * 86_400_000 },
      maxSpanMs: { value: 7 * 86_400_000 },
      dataDelayMs: { value: 8 * 3_600_000 },
    });
    expect(listOperationDataLimits.granularitiesMs.value).toEqual({ "1h": 3_600_000, "1d": 86_400_000 });
  });
});
