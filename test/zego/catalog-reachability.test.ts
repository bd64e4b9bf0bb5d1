import { replyText } from "../../mocks/core/reply.js";
import { describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { MockEngine } from "../../mocks/core/engine.js";
import { zegoErrors, type ZegoErrorCode } from "../../schemas/zego/errors.js";
import { HOUR, T0, demoSignature, expectZegoError, getUsage, usageQueryString, zegoServer } from "./zego-test-kit.js";

type Reply = { statusCode: number; body: string; headers: Record<string, unknown> };
type Scenario = (server: { app: FastifyInstance; engine: MockEngine }) => Promise<Reply>;

const verify = { auth: { mode: "verify" as const } };
const fault =
  (code: string): Scenario =>
  async ({ app, engine }) => {
    engine.faults.add({ kind: "error", vendor: "zego", code, times: 1 });
    return getUsage(app, {});
  };

/** One trigger per catalog code, as the catalog's `trigger` text describes it. */
const scenarios: Record<ZegoErrorCode, { options?: Parameters<typeof zegoServer>[0]; run: Scenario }> = {
  "500": { run: fault("500") },
  "10001": { run: ({ app }) => getUsage(app, { startTs: "abc" }) },
  "10002": { run: ({ app }) => getUsage(app, { startTs: T0 - 3 * HOUR }) },
  "30002": {
    run: async ({ app }) => {
      for (let i = 0; i < 3; i++) await getUsage(app, {});
      return getUsage(app, {});
    },
  },
  "100000000": { run: fault("100000000") },
  "100000001": { run: ({ app }) => getUsage(app, { appId: "abc" }) },
  "100000002": { options: verify, run: ({ app }) => getUsage(app, { extra: { ...demoSignature(T0), Timestamp: "" } }) },
  "100000003": { options: verify, run: ({ app }) => getUsage(app, { extra: { ...demoSignature(T0), Timestamp: "soon" } }) },
  "100000004": {
    options: verify,
    run: ({ app }) => getUsage(app, { extra: demoSignature(T0, { timestampSec: Math.floor(T0 / 1000) - 3600 }) }),
  },
  "100000005": { options: verify, run: ({ app }) => getUsage(app, { extra: demoSignature(T0, { serverSecret: "x" }) }) },
  "100000006": { run: ({ app }) => getUsage(app, { action: "" }) },
  "100000007": { run: ({ app }) => getUsage(app, { action: "GetBizQuality" }) },
  "100000008": { options: verify, run: ({ app }) => getUsage(app, { extra: { ...demoSignature(T0), SignatureNonce: "" } }) },
  "100000009": { options: verify, run: ({ app }) => getUsage(app, { extra: { ...demoSignature(T0), Signature: "" } }) },
  "100000010": { options: verify, run: ({ app }) => getUsage(app, { appId: "31337", extra: demoSignature(T0, { appId: "31337" }) }) },
  "100000011": { run: fault("100000011") },
  "100000012": {
    run: async ({ engine }) => {
      const reply = engine.rejectTransport(
        { method: "GET", url: new URL(`http://127.0.0.1/?${usageQueryString()}`), headers: {}, rawBody: new Uint8Array() },
        "body-too-large",
      );
      return { statusCode: reply.status, body: replyText(reply), headers: reply.headers };
    },
  },
  "100000013": { options: verify, run: ({ app }) => getUsage(app, { extra: { ...demoSignature(T0), SignatureVersion: "" } }) },
  "100000014": { options: verify, run: ({ app }) => getUsage(app, { extra: { ...demoSignature(T0), SignatureVersion: "3.0" } }) },
  "100000015": { run: fault("100000015") },
  "100000016": { run: fault("100000016") },
  "100000017": { run: fault("100000017") },
};

describe("every ZEGO catalog error is reachable by its documented trigger", () => {
  it("has a scenario for exactly the catalog's codes", () => {
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(zegoErrors).sort());
  });

  for (const [code, scenario] of Object.entries(scenarios)) {
    it(`Code ${code}`, async () => {
      const server = zegoServer(scenario.options ?? {});
      const reply = await scenario.run(server);
      const error = expectZegoError(reply, Number(code));
      expect(error.Message.startsWith(zegoErrors[code as ZegoErrorCode].message.replace(/: %s$/, ""))).toBe(true);
      await server.app.close();
    });
  }
});
