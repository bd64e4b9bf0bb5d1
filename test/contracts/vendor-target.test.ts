import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { CREDENTIAL_ENV, FIXTURE_ENV } from "../../contracts/credentials.js";
import { runContract } from "../../contracts/runner.js";
import { BASE_URL_ENV, vendorTarget } from "../../contracts/targets/vendor-target.js";
import { demoCredentials } from "../../mocks/options.js";
import { buildServer } from "../../server/app.js";

// The real-vendor target, pointed by its base-URL variables at a verifying fake server that plays
// all three vendors, with the fake's demo credentials in the credential variables. Only the hosts
// differ from a run against the real vendors.
const { app } = buildServer({ mock: { auth: { mode: "verify" } } });
let env: Record<string, string> = {};
beforeAll(async () => {
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  env = {
    [BASE_URL_ENV.volcengine]: url,
    [BASE_URL_ENV.zego]: url,
    [BASE_URL_ENV.tencent]: url,
    [CREDENTIAL_ENV.volcengineAccessKeyId]: demoCredentials.volcengine[0]!.accessKeyId,
    [CREDENTIAL_ENV.volcengineSecretKey]: demoCredentials.volcengine[0]!.secretKey,
    [FIXTURE_ENV.volcengineAppId]: "contract_app",
    [CREDENTIAL_ENV.zegoAppId]: demoCredentials.zego[0]!.appId,
    [CREDENTIAL_ENV.zegoServerSecret]: demoCredentials.zego[0]!.serverSecret,
    [CREDENTIAL_ENV.tencentSecretId]: demoCredentials.tencent[0]!.secretId,
    [CREDENTIAL_ENV.tencentSecretKey]: demoCredentials.tencent[0]!.secretKey,
    [FIXTURE_ENV.tencentEndedRoomId]: "10004",
    [FIXTURE_ENV.tencentLiveRoomId]: "10002",
  };
});
afterAll(async () => {
  await app.close();
});

const pick = (...ids: string[]) => buildCases().filter((c) => ids.includes(c.id));

describe("the real-vendor target (against a stand-in)", () => {
  it("signs with the environment's credentials, uses its fixtures, paces, and passes", async () => {
    const cases = pick(
      "volcengine.ListRealTimeOperationData/last-10-minutes",
      "volcengine.ListOperationData/hourly-last-day",
      "volcengine.ListRealTimeQuality/app-wide-all-indicators",
      "volcengine.ListRealTimeQuality/auth-tampered",
      "zego.GetRealtimeUsage/all-metrics-last-30-minutes",
      "zego.GetRealtimeUsage/auth-unknown-key",
      "tencent.DescribeRoomStatistics/largest-page",
      "tencent.DescribeRoomStatistics/room-not-ended",
      "tencent.DescribeRoomStatistics/statistics-pending",
      "tencent.DescribeRoomStatistics/rate-limit",
    );
    expect(cases).toHaveLength(10);
    const started = Date.now();
    const report = await runContract({ target: vendorTarget({ env }), cases });
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(report.results.filter((r) => r.status !== "skipped").map((r) => [r.id, r.status, r.violations])).toEqual(
      report.results.filter((r) => r.status !== "skipped").map((r) => [r.id, "passed", []]),
    );
    expect(byId["tencent.DescribeRoomStatistics/statistics-pending"]).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining(FIXTURE_ENV.tencentPendingRoomId),
    });
    expect(byId["tencent.DescribeRoomStatistics/rate-limit"]).toMatchObject({
      status: "skipped",
      reason: "spends vendor quota: run with --include-quota-cases, or pass --allow-skips",
    });
    expect(report.summary).toMatchObject({ passed: 8, skipped: 2 });
    // Two requests to ListRealTimeQuality within a second: the pacer (1 per second for Volcengine) waited.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it("skips a vendor without credentials and says which variables to set", async () => {
    const zegoOnly = Object.fromEntries(Object.entries(env).filter(([k]) => k.includes("ZEGO")));
    const report = await runContract({
      target: vendorTarget({ env: zegoOnly }),
      cases: pick(
        "volcengine.ListRealTimeQuality/app-wide-all-indicators",
        "tencent.DescribeRoomStatistics/unknown-room",
        "zego.GetRealtimeUsage/unknown-metric",
      ),
    });
    expect(report.results.map((r) => [r.status, r.reason])).toEqual([
      [
        "skipped",
        `no volcengine credentials: set ${CREDENTIAL_ENV.volcengineAccessKeyId} and ${CREDENTIAL_ENV.volcengineSecretKey} (plus ${FIXTURE_ENV.volcengineAppId})`,
      ],
      ["passed", undefined],
      ["skipped", `no tencent credentials: set ${CREDENTIAL_ENV.tencentSecretId} and ${CREDENTIAL_ENV.tencentSecretKey}`],
    ]);
  });

  it("refuses a room id that is not a number", async () => {
    await expect(vendorTarget({ env: { ...env, [FIXTURE_ENV.tencentLiveRoomId]: "room-7" } }).fixtures()).rejects.toThrow(
      `${FIXTURE_ENV.tencentLiveRoomId} must be a RoomId`,
    );
  });
});
