import { Service } from "@volcengine/openapi";
import { setupServer } from "msw/node";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRtcHandlers } from "../../mocks/msw/index.js";
import { demoCredentials } from "../../mocks/options.js";
import { rfc as beijingTime } from "../support/harness.js";

// The official SDKs, left at their production hosts, intercepted by MSW in Node (their own HTTP
// stacks, not fetch) and answered by the engine with signatures verified. The SDKs stamp real time,
// so the mock clock starts at real now (frozen).
const NOW = Math.floor(Date.now() / 1000) * 1000;
const { handlers, control } = createRtcHandlers({ seed: 2, clock: { start: NOW, frozen: true }, auth: { mode: "verify" } });
const server = setupServer(...handlers);
const unhandled: string[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) }));
afterEach(() => {
  control.reset();
  expect(unhandled).toEqual([]);
});
afterAll(() => server.close());

const volc = demoCredentials.volcengine[0]!;
const rtc = new Service({
  serviceName: "rtc",
  region: "cn-north-1",
  host: "rtc.volcengineapi.com",
  protocol: "https:",
  accessKeyId: volc.accessKeyId,
  secretKey: volc.secretKey,
});
const listRealTimeQuality = rtc.createJSONAPI("ListRealTimeQuality", { Version: "2020-12-01" });
const lcic = (secretKey = demoCredentials.tencent[0]!.secretKey) =>
  new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
    credential: { secretId: demoCredentials.tencent[0]!.secretId, secretKey },
    profile: { httpProfile: { endpoint: "lcic.tencentcloudapi.com", reqMethod: "POST", reqTimeout: 10 } },
  });

describe("official SDKs through MSW (verify mode)", () => {
  it("@volcengine/openapi gets ListRealTimeQuality data", async () => {
    const reply = (await listRealTimeQuality({
      AppId: "sdk-app",
      StartTime: beijingTime(NOW - 10 * 60_000),
      EndTime: beijingTime(NOW - 2 * 60_000),
      Indicator: ["stall_rate"],
    })) as {
      ResponseMetadata: { Error?: unknown; Action: string };
      Result: { Indicators: { Data: unknown[] }[] };
    };
    expect(reply.ResponseMetadata.Error).toBeUndefined();
    expect(reply.ResponseMetadata.Action).toBe("ListRealTimeQuality");
    expect(reply.Result.Indicators[0]!.Data.length).toBeGreaterThan(0);
    expect(control.requests()[0]).toMatchObject({ vendor: "volcengine", action: "ListRealTimeQuality", status: 200 });
  });

  it("@volcengine/openapi sees a forced error in ResponseMetadata.Error", async () => {
    control.forceError({ vendor: "volcengine", action: "ListRealTimeQuality", code: "InternalError", times: 1 });
    const reply = (await listRealTimeQuality({
      AppId: "sdk-app",
      StartTime: beijingTime(NOW - 10 * 60_000),
      EndTime: beijingTime(NOW - 2 * 60_000),
      Indicator: ["stall_rate"],
    })) as {
      ResponseMetadata: { Error?: { Code: string } };
    };
    expect(reply.ResponseMetadata.Error?.Code).toBe("InternalError");
  });

  it("tencentcloud-sdk-nodejs-common gets room statistics, and a wrong secret is refused", async () => {
    const stats = (await lcic().request("DescribeRoomStatistics", { RoomId: 1, Page: 1, Limit: 3 })) as {
      Total: number;
      MemberRecords: unknown[];
    };
    expect(stats.Total).toBe(30);
    expect(stats.MemberRecords).toHaveLength(3);
    await expect(lcic("wrong-secret").request("DescribeRoomStatistics", { RoomId: 1, Page: 1, Limit: 3 })).rejects.toMatchObject({
      code: "AuthFailure.SignatureFailure",
    });
  });

  it("tencentcloud-sdk-nodejs-common surfaces a forced RoomNotEnd", async () => {
    control.forceError({ vendor: "tencent", action: "DescribeRoomStatistics", code: "FailedOperation.RoomNotEnd", times: 1 });
    await expect(lcic().request("DescribeRoomStatistics", { RoomId: 1, Page: 1, Limit: 3 })).rejects.toMatchObject({
      code: "FailedOperation.RoomNotEnd",
    });
  });
});
