import { Service } from "@volcengine/openapi";
import { setupServer } from "msw/node";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { vendorHostMatcher } from "../../mocks/msw/base-urls.js";
import { createRtcHandlers, vendorHosts } from "../../mocks/msw/index.js";
import { vendors } from "../../mocks/vendors.js";
import { demoCredentials } from "../../mocks/options.js";

// The SDKs left at their own default hosts (no host option), and the vendors' regional hosts: MSW
// intercepts them all and the engine answers in verify mode. The SDKs stamp real time.
const NOW = Math.floor(Date.now() / 1000) * 1000;
const { handlers, control } = createRtcHandlers({ seed: 3, clock: { start: NOW, frozen: true }, auth: { mode: "verify" } });
const server = setupServer(...handlers);
const unhandled: string[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) }));
afterEach(() => {
  control.reset();
  expect(unhandled).toEqual([]);
});
afterAll(() => server.close());

const volc = demoCredentials.volcengine[0]!;
const tencent = demoCredentials.tencent[0]!;
const beijing = (ms: number) => `${new Date(Math.floor(ms / 1000) * 1000 + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const qualityBody = {
  AppId: "sdk-app",
  StartTime: beijing(NOW - 10 * 60_000),
  EndTime: beijing(NOW - 2 * 60_000),
  Indicator: ["stall_rate"],
};

describe("MSW intercepts the SDKs' default and regional hosts", () => {
  it("@volcengine/openapi at its default host (open.volcengineapi.com)", async () => {
    const rtc = new Service({ serviceName: "rtc", region: "cn-north-1", accessKeyId: volc.accessKeyId, secretKey: volc.secretKey });
    const reply = (await rtc.createJSONAPI("ListRealTimeQuality", { Version: "2023-11-01" })(qualityBody)) as {
      ResponseMetadata: { Error?: unknown; Version: string };
    };
    expect(reply.ResponseMetadata.Error).toBeUndefined();
    expect(reply.ResponseMetadata.Version).toBe("2023-11-01");
    expect(control.requests()[0]).toMatchObject({ vendor: "volcengine", action: "ListRealTimeQuality", status: 200 });
  });

  it("@volcengine/openapi at a regional host (open-ap-singapore-1), answered in that region", async () => {
    const rtc = new Service({
      serviceName: "rtc",
      region: "ap-singapore-1",
      host: "open-ap-singapore-1.volcengineapi.com",
      accessKeyId: volc.accessKeyId,
      secretKey: volc.secretKey,
    });
    const reply = (await rtc.createJSONAPI("ListRealTimeQuality", { Version: "2020-12-01" })(qualityBody)) as {
      ResponseMetadata: { Error?: unknown; Region: string };
    };
    expect(reply.ResponseMetadata.Error).toBeUndefined();
    expect(reply.ResponseMetadata.Region).toBe("ap-singapore-1");
  });

  it.each(["lcic.tencentcloudapi.com", "lcic.intl.tencentcloudapi.com", "lcic.ap-guangzhou.tencentcloudapi.com"])(
    "tencentcloud-sdk-nodejs-common at %s",
    async (host) => {
      const client = new CommonClient(host, "2022-08-17", {
        credential: { secretId: tencent.secretId, secretKey: tencent.secretKey },
        profile: { httpProfile: { reqMethod: "POST", reqTimeout: 10 } },
      });
      const reply = (await client.request("DescribeRoomStatistics", { RoomId: 1, Page: 1, Limit: 1 })) as { Total: number };
      expect(reply.Total).toBeGreaterThan(0);
      expect(control.requests()[0]).toMatchObject({ vendor: "tencent", status: 200 });
    },
  );

  it("does not take other hosts of the same domains", () => {
    const matcher = vendorHostMatcher(
      vendorHosts(),
      Object.values(vendors).flatMap((vendor) => vendor.hostPatterns),
    );
    for (const host of [
      "open.volcengineapi.com",
      "open-cn-beijing.volcengineapi.com",
      "lcic.intl.tencentcloudapi.com",
      "analytics-api.zego.im",
    ])
      expect(matcher.match(new URL(`https://${host}/`)), host).not.toBeNull();
    for (const host of ["example.volcengineapi.com", "cvm.tencentcloudapi.com", "lcic.tencentcloudapi.com.evil.test"])
      expect(matcher.match(new URL(`https://${host}/`)), host).toBeNull();
  });
});
