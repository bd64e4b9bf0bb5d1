import { describe, expect, it } from "vitest";
import { replyText } from "../../mocks/core/reply.js";
import type { MockOptions } from "../../mocks/options.js";
import { zegoErrors, type ZegoErrorCode } from "../../schemas/zego/errors.js";
import type { RunningServer } from "../../server/start-server.js";
import {
  HOUR,
  T0,
  expectZegoError,
  getUsage,
  serverPerTest,
  toMockRequest,
  usageRequest,
  zegoSignature as demoSignature,
  type ZegoReplyLike,
} from "../support/harness.js";

type Scenario = (server: RunningServer) => Promise<ZegoReplyLike>;

const verify = { auth: { mode: "verify" as const } };
const fault =
  (code: string): Scenario =>
  async (server) => {
    server.engine.faults.add({ kind: "error", vendor: "zego", code, times: 1 });
    return getUsage(server, {});
  };

/** One trigger per catalog code, as the catalog's `trigger` text describes it. */
const scenarios: Record<ZegoErrorCode, { options?: MockOptions; run: Scenario }> = {
  "500": { run: fault("500") },
  "10001": { run: (server) => getUsage(server, { startTs: "abc" }) },
  "10002": { run: (server) => getUsage(server, { startTs: T0 - 3 * HOUR }) },
  "30002": {
    run: async (server) => {
      for (let i = 0; i < 3; i++) await getUsage(server, {});
      return getUsage(server, {});
    },
  },
  "100000000": { run: fault("100000000") },
  "100000001": { run: (server) => getUsage(server, { appId: "abc" }) },
  "100000002": { options: verify, run: (server) => getUsage(server, { extra: { ...demoSignature(), Timestamp: "" } }) },
  "100000003": { options: verify, run: (server) => getUsage(server, { extra: { ...demoSignature(), Timestamp: "soon" } }) },
  "100000004": {
    options: verify,
    run: (server) => getUsage(server, { extra: demoSignature({ timestampSec: Math.floor(T0 / 1000) - 3600 }) }),
  },
  "100000005": { options: verify, run: (server) => getUsage(server, { extra: demoSignature({ serverSecret: "x" }) }) },
  "100000006": { run: (server) => getUsage(server, { action: "" }) },
  "100000007": { run: (server) => getUsage(server, { action: "GetBizQuality" }) },
  "100000008": { options: verify, run: (server) => getUsage(server, { extra: { ...demoSignature(), SignatureNonce: "" } }) },
  "100000009": { options: verify, run: (server) => getUsage(server, { extra: { ...demoSignature(), Signature: "" } }) },
  "100000010": { options: verify, run: (server) => getUsage(server, { appId: "31337", extra: demoSignature({ appId: "31337" }) }) },
  "100000011": { run: fault("100000011") },
  "100000012": {
    run: async ({ engine }) => {
      const reply = engine.rejectTransport(toMockRequest(usageRequest(), "http://127.0.0.1"), "body-too-large");
      return { status: reply.status, text: replyText(reply), headers: reply.headers };
    },
  },
  "100000013": { options: verify, run: (server) => getUsage(server, { extra: { ...demoSignature(), SignatureVersion: "" } }) },
  "100000014": { options: verify, run: (server) => getUsage(server, { extra: { ...demoSignature(), SignatureVersion: "3.0" } }) },
  "100000015": { run: fault("100000015") },
  "100000016": { run: fault("100000016") },
  "100000017": { run: fault("100000017") },
};

describe("every ZEGO catalog error is reachable by its documented trigger", () => {
  const zegoServer = serverPerTest();
  it("has a scenario for exactly the catalog's codes", () => {
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(zegoErrors).sort());
  });

  for (const [code, scenario] of Object.entries(scenarios)) {
    it(`Code ${code}`, async () => {
      const server = await zegoServer(scenario.options ?? {});
      const reply = await scenario.run(server);
      const error = expectZegoError(reply, Number(code));
      expect(error.Message.startsWith(zegoErrors[code as ZegoErrorCode].message.replace(/: %s$/, ""))).toBe(true);
    });
  }
});
