import { Service } from "@volcengine/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockEngine } from "../../mocks/core/engine.js";
import { demoCredentials } from "../../mocks/options.js";
import {
  ListOperationDataResponse,
  ListRealTimeOperationDataResponse,
  ListRealTimeQualityResponse,
  VolcengineErrorResponse,
  signVolcengineRequest,
} from "../../schemas/volcengine/index.js";
import { DAY, MINUTE, rfc, startHarnessServer } from "../support/harness.js";

const demo = demoCredentials.volcengine[0]!;
// The SDK stamps X-Date from the real clock, so the mock clock starts at real time (frozen) here.
const NOW = Math.floor(Date.now() / 1000) * 1000;

interface Running {
  engine: MockEngine;
  origin: string;
  host: string;
  close: () => Promise<void>;
}

async function start(mode: "off" | "verify"): Promise<Running> {
  const server = await startHarnessServer({ mock: { seed: 5, clock: { start: NOW, frozen: true }, rateLimits: false, auth: { mode } } });
  return { engine: server.engine, origin: server.url, host: new URL(server.url).host, close: server.close };
}

/** The three actions through the official SDK's generic Service, pointed at the fake server. */
function sdkClient(host: string, accessKeyId: string, secretKey: string) {
  // protocol needs its trailing colon; keys are explicit so a developer's VOLC_ACCESSKEY is never used.
  const rtc = new Service({ serviceName: "rtc", region: "cn-north-1", host, protocol: "http:", accessKeyId, secretKey });
  return {
    ListRealTimeOperationData: rtc.createJSONAPI("ListRealTimeOperationData", { Version: "2023-11-01" }),
    ListOperationData: rtc.createJSONAPI("ListOperationData", { Version: "2023-11-01" }),
    ListRealTimeQuality: rtc.createJSONAPI("ListRealTimeQuality", { Version: "2020-12-01" }),
  };
}

const realtime = () => ({
  AppId: "sdk-app",
  StartTime: rfc(NOW - 10 * MINUTE),
  EndTime: rfc(NOW - 2 * MINUTE),
  Indicator: ["online_user_count", "online_room_count"],
});
const offline = () => ({
  AppId: "sdk-app",
  StartTime: rfc(NOW - 5 * DAY),
  EndTime: rfc(NOW - 2 * DAY),
  Indicator: ["per_call_time", "avg_call_time"],
  AggregateGranularity: "1d",
});
const quality = () => ({
  AppId: "sdk-app",
  StartTime: rfc(NOW - 10 * MINUTE),
  EndTime: rfc(NOW - 2 * MINUTE),
  Indicator: ["stall_rate", "join_room_success_rate"],
  RoomId: "room1",
  UserId: ["user1", "user2"],
});

/** Signed POST with our own fetch, to see the HTTP status the SDK hides. */
async function signedFetch(
  origin: string,
  action: string,
  version: string,
  body: unknown,
  sign: { accessKeyId: string; secretKey: string; date: Date } | null,
  extraHeaders: Record<string, string> = {},
) {
  const url = new URL(`${origin}/?Action=${action}&Version=${version}`);
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json", ...extraHeaders };
  if (sign) Object.assign(headers, signVolcengineRequest({ method: "POST", url, headers, body: payload, ...sign }));
  const response = await fetch(url, { method: "POST", headers, body: payload });
  return { status: response.status, json: (await response.json()) as { ResponseMetadata: { Error?: { Code: string; CodeN?: number } } } };
}

describe.each(["off", "verify"] as const)("@volcengine/openapi against the fake server, auth %s", (mode) => {
  let server: Running;
  beforeAll(async () => {
    server = await start(mode);
  });
  afterAll(async () => {
    await server.close();
  });

  it("all three actions succeed with the demo credentials and match the response schemas", async () => {
    const client = sdkClient(server.host, demo.accessKeyId, demo.secretKey);
    const rt = ListRealTimeOperationDataResponse.parse(await client.ListRealTimeOperationData(realtime()));
    expect(rt.Result.Indicators.map((series) => series.Name)).toEqual(["online_user_count", "online_room_count"]);
    expect(rt.Result.Indicators[0]!.Data.length).toBeGreaterThan(10);
    const od = ListOperationDataResponse.parse(await client.ListOperationData(offline()));
    expect(od.Result.AggregateGranularity).toBe("1d");
    expect(od.Result.Indicators[0]!.Data.length).toBeGreaterThanOrEqual(3);
    const rq = ListRealTimeQualityResponse.parse(await client.ListRealTimeQuality(quality()));
    expect(rq.Result.Indicators.map((series) => series.Name)).toEqual([
      "audio_stall_rate",
      "video_stall_rate",
      "5s_join_room_success_rate",
      "10s_join_room_success_rate",
    ]);
    expect(rq.Result.RoomId).toBe("room1");
  });

  const expectations = {
    wrongSecret: mode === "verify" ? "SignatureDoesNotMatch" : null,
    unknownKey: mode === "verify" ? "InvalidAccessKey" : null,
    staleDate: mode === "verify" ? "InvalidTimestamp" : null,
  };

  it(`a wrong secret → ${expectations.wrongSecret ?? "accepted"}`, async () => {
    const reply = await sdkClient(server.host, demo.accessKeyId, "not-the-secret").ListRealTimeQuality(quality());
    if (expectations.wrongSecret === null) expect(ListRealTimeQualityResponse.safeParse(reply).success).toBe(true);
    else
      expect(VolcengineErrorResponse.parse(reply).ResponseMetadata.Error).toMatchObject({ Code: expectations.wrongSecret, CodeN: 100010 });
  });

  it(`an unknown AccessKeyId → ${expectations.unknownKey ?? "accepted"}`, async () => {
    const reply = await sdkClient(server.host, "AKLTnobody", demo.secretKey).ListRealTimeOperationData(realtime());
    if (expectations.unknownKey === null) expect(ListRealTimeOperationDataResponse.safeParse(reply).success).toBe(true);
    else
      expect(VolcengineErrorResponse.parse(reply).ResponseMetadata.Error).toMatchObject({ Code: expectations.unknownKey, CodeN: 100009 });
  });

  it(`a stale X-Date (mock clock moved an hour ahead) → ${expectations.staleDate ?? "accepted"}`, async () => {
    server.engine.clock.freeze(NOW + 60 * MINUTE);
    try {
      const body = { ...offline(), StartTime: rfc(NOW - 5 * DAY), EndTime: rfc(NOW - 3 * DAY) };
      const reply = await sdkClient(server.host, demo.accessKeyId, demo.secretKey).ListOperationData(body);
      if (expectations.staleDate === null) expect(ListOperationDataResponse.safeParse(reply).success).toBe(true);
      else
        expect(VolcengineErrorResponse.parse(reply).ResponseMetadata.Error).toMatchObject({ Code: expectations.staleDate, CodeN: 100006 });
    } finally {
      server.engine.clock.freeze(NOW);
    }
  });

  it("the SDK hides HTTP statuses: our own fetch shows them", async () => {
    const date = new Date(NOW);
    const ok = await signedFetch(server.origin, "ListRealTimeOperationData", "2023-11-01", realtime(), {
      accessKeyId: demo.accessKeyId,
      secretKey: demo.secretKey,
      date,
    });
    expect(ok.status).toBe(200);
    const cases = [
      [{ accessKeyId: demo.accessKeyId, secretKey: "wrong", date }, 401, "SignatureDoesNotMatch"],
      [{ accessKeyId: "AKLTnobody", secretKey: demo.secretKey, date }, 401, "InvalidAccessKey"],
      [{ accessKeyId: demo.accessKeyId, secretKey: demo.secretKey, date: new Date(NOW - 60 * MINUTE) }, 400, "InvalidTimestamp"],
      [null, 401, "MissingAuthenticationToken"],
    ] as const;
    for (const [sign, status, code] of cases) {
      const reply = await signedFetch(server.origin, "ListRealTimeOperationData", "2023-11-01", realtime(), sign);
      if (mode === "off") expect(reply.status).toBe(200);
      else expect([reply.status, reply.json.ResponseMetadata.Error?.Code]).toEqual([status, code]);
    }
    const malformed = await signedFetch(server.origin, "ListRealTimeOperationData", "2023-11-01", realtime(), null, {
      authorization: "HMAC-SHA256 nonsense",
      "x-date": "20240101T000000Z",
    });
    expect(malformed.status).toBe(mode === "off" ? 200 : 400);
  });

  it("an SDK error that is not about auth comes back as a body too (status hidden): OutofTimeRange", async () => {
    const reply = await sdkClient(server.host, demo.accessKeyId, demo.secretKey).ListRealTimeQuality({
      ...quality(),
      StartTime: rfc(NOW - 3 * 60 * MINUTE),
    });
    expect(VolcengineErrorResponse.parse(reply).ResponseMetadata.Error.Code).toBe("InvalidParameter.OutofTimeRange");
  });
});
