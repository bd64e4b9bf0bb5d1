import http from "node:http";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCredentials } from "../../mocks/options.js";
import { zegoSignatureParams } from "../../schemas/zego/signing.js";
import { resolveServeConfig, toMockOptions } from "../../server/config/resolve-config.js";
import type { RunningServer } from "../../server/start-server.js";
import { endedRoomSpec, errorCodeOf, isSuccess, send, startHarnessServer } from "../support/harness.js";

// The SDK routes through http_proxy when it has no agent; these tests only ever reach 127.0.0.1.
const PROXY_VARS = ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"];
const savedProxy = new Map(PROXY_VARS.map((name) => [name, process.env[name]]));

/** Credentials given to the server the way a user would: environment variables (issue 4). */
const ENV = {
  RTC_MOCK_AUTH: "verify",
  RTC_MOCK_TENCENT_SECRET_ID: "AKIDserverTest0000000000000000000001",
  RTC_MOCK_TENCENT_SECRET_KEY: "server-test-tencent-key",
  RTC_MOCK_ZEGO_APP_ID: "4000000001",
  RTC_MOCK_ZEGO_SERVER_SECRET: "fedcba9876543210fedcba9876543210",
};
const ROOM_ID = 880_101;

let server: RunningServer;
beforeAll(async () => {
  for (const name of PROXY_VARS) delete process.env[name];
  const config = resolveServeConfig({ argv: ["--no-rate-limits"], env: ENV });
  // Signatures carry real timestamps, so the mock clock runs on real time here.
  server = await startHarnessServer({ mock: toMockOptions(config) });
  server.engine.backends.tencent.rooms.add(endedRoomSpec(Date.now(), ROOM_ID));
});
afterAll(async () => {
  await server.close();
  for (const [name, value] of savedProxy) if (value !== undefined) process.env[name] = value;
});

function tencentClient(credential: { secretId: string; secretKey: string }): CommonClient {
  return new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
    credential,
    profile: {
      httpProfile: { endpoint: new URL(server.url).host, protocol: "http://", reqMethod: "POST", agent: new http.Agent(), reqTimeout: 10 },
    },
  });
}

async function sdkError(promise: Promise<unknown>): Promise<{ code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error("expected the SDK to throw");
}

function zegoPath(appId: string, serverSecret: string): string {
  const now = Date.now();
  const signature = zegoSignatureParams({ appId, serverSecret, timestampSec: Math.floor(now / 1000) });
  const query = new URLSearchParams({
    Action: "GetRealtimeUsage",
    ...signature,
    StartTs: String(now - 30 * 60_000),
    EndTs: String(now - 10 * 60_000),
  });
  return `/?${query.toString()}&Metrics[]=online_user`;
}

describe("credentials configured through the environment, checked in verify mode", () => {
  it("the official Tencent SDK signed with the configured SecretId/SecretKey gets statistics", async () => {
    const { secretId, secretKey } = { secretId: ENV.RTC_MOCK_TENCENT_SECRET_ID, secretKey: ENV.RTC_MOCK_TENCENT_SECRET_KEY };
    const result = (await tencentClient({ secretId, secretKey }).request("DescribeRoomStatistics", {
      RoomId: ROOM_ID,
      Page: 1,
      Limit: 10,
    })) as { Total: number };
    expect(result.Total).toBe(12);
  });

  it("the demo credentials no longer work once others are configured, and a wrong key fails the signature", async () => {
    expect(
      (
        await sdkError(
          tencentClient(demoCredentials.tencent[0]!).request("DescribeRoomStatistics", { RoomId: ROOM_ID, Page: 1, Limit: 10 }),
        )
      ).code,
    ).toBe("AuthFailure.SecretIdNotFound");
    const wrongKey = { secretId: ENV.RTC_MOCK_TENCENT_SECRET_ID, secretKey: "not-the-key" };
    expect((await sdkError(tencentClient(wrongKey).request("DescribeRoomStatistics", { RoomId: ROOM_ID, Page: 1, Limit: 10 }))).code).toBe(
      "AuthFailure.SignatureFailure",
    );
  });

  it("ZEGO requests signed with the configured AppId/ServerSecret pass, others are refused with a catalog code", async () => {
    const ok = await send(server.url, {
      method: "GET",
      path: zegoPath(ENV.RTC_MOCK_ZEGO_APP_ID, ENV.RTC_MOCK_ZEGO_SERVER_SECRET),
      headers: {},
    });
    expect(isSuccess("zego", ok.json), ok.text).toBe(true);

    const zegoErrors = server.engine.vendorOf({
      method: "GET",
      url: new URL(`${server.url}/?Action=GetRealtimeUsage`),
      headers: {},
      rawBody: new Uint8Array(),
    }).errors;
    const wrongSecret = await send(server.url, { method: "GET", path: zegoPath(ENV.RTC_MOCK_ZEGO_APP_ID, "0".repeat(32)), headers: {} });
    const demo = await send(server.url, {
      method: "GET",
      path: zegoPath(demoCredentials.zego[0]!.appId, demoCredentials.zego[0]!.serverSecret),
      headers: {},
    });
    for (const reply of [wrongSecret, demo]) {
      const code = errorCodeOf(reply.json, "zego");
      expect(code, reply.text).toBeDefined();
      expect(Object.keys(zegoErrors)).toContain(code);
    }
  });

  it("the banner-facing options hold the configured ids and keep the secrets inside the engine only", async () => {
    const health = await send(server.url, { method: "GET", path: "/__mock/health", headers: {} });
    expect(health.json).toMatchObject({ auth: "verify", rateLimits: false });
    expect(health.text).not.toContain(ENV.RTC_MOCK_TENCENT_SECRET_KEY);
    expect(health.text).not.toContain(ENV.RTC_MOCK_ZEGO_SERVER_SECRET);
    expect(server.engine.options.auth.credentials.tencent).toEqual([
      { secretId: ENV.RTC_MOCK_TENCENT_SECRET_ID, secretKey: ENV.RTC_MOCK_TENCENT_SECRET_KEY },
    ]);
  });
});
