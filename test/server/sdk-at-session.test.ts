import http from "node:http";
import { Service } from "@volcengine/openapi";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { describe, expect, it } from "vitest";
import { demoCredentials } from "../../mocks/options.js";
import { openSession } from "../../server/sessions/session-client.js";
import { serverPerTest } from "../support/http.js";

const start = serverPerTest();
const tencent = demoCredentials.tencent[0]!;
const volcengine = demoCredentials.volcengine[0]!;

describe("the official Node SDKs at a session (host and port of the session alone)", () => {
  it("signs for the session's port and verifies there, while the auth-off server accepts anything", async () => {
    const server = await start({ clock: {} }); // the SDKs stamp real time
    const session = await openSession({ serverUrl: server.url, spec: { auth: { mode: "verify" } } });
    const host = new URL(session.baseUrl).host;

    const lcic = new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
      credential: tencent,
      profile: { httpProfile: { endpoint: host, protocol: "http://", reqMethod: "POST", agent: new http.Agent() } },
    });
    const stats = (await lcic.request("DescribeRoomStatistics", { RoomId: 10004, Page: 1, Limit: 5 })) as { Total: number };
    expect(stats.Total).toBeGreaterThan(0);
    const wrong = new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
      credential: { ...tencent, secretKey: "wrong" },
      profile: { httpProfile: { endpoint: host, protocol: "http://", reqMethod: "POST", agent: new http.Agent() } },
    });
    await expect(wrong.request("DescribeRoomStatistics", { RoomId: 10004, Page: 1, Limit: 5 })).rejects.toMatchObject({
      code: "AuthFailure.SignatureFailure",
    });

    const rtc = new Service({ serviceName: "rtc", region: "cn-north-1", host, protocol: "http:", ...volcengine });
    const quality = rtc.createJSONAPI("ListRealTimeQuality", { Version: "2020-12-01" });
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    const reply = (await quality({
      AppId: "sdk-app",
      StartTime: iso(now - 600_000),
      EndTime: iso(now - 60_000),
      Indicator: ["stall_rate"],
    })) as {
      ResponseMetadata: { Error?: unknown };
    };
    expect(reply.ResponseMetadata.Error).toBeUndefined();
    const badKey = new Service({ serviceName: "rtc", region: "cn-north-1", host, protocol: "http:", ...volcengine, secretKey: "wrong" });
    const refused = (await badKey.createJSONAPI("ListRealTimeQuality", { Version: "2020-12-01" })({
      AppId: "sdk-app",
      StartTime: iso(now - 600_000),
      EndTime: iso(now - 60_000),
      Indicator: ["stall_rate"],
    })) as { ResponseMetadata: { Error?: { Code: string } } };
    expect(refused.ResponseMetadata.Error?.Code).toBe("SignatureDoesNotMatch");

    const onServer = new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
      credential: { ...tencent, secretKey: "wrong" },
      profile: { httpProfile: { endpoint: new URL(server.url).host, protocol: "http://", reqMethod: "POST", agent: new http.Agent() } },
    });
    expect(((await onServer.request("DescribeRoomStatistics", { RoomId: 10004, Page: 1, Limit: 5 })) as { Total: number }).Total).toBe(
      stats.Total,
    );
    await session.close();
  });
});
