import { describe, expect, it } from "vitest";
import { demoCredentials } from "../../mocks/options.js";
import { zegoSignature } from "../../schemas/zego/signing.js";
import {
  T0,
  expectSuccess,
  expectZegoError,
  getUsage,
  serverPerTest,
  sharedServer,
  zegoDemo,
  zegoSignature as demoSignature,
} from "../support/harness.js";

const nowSec = Math.floor(T0 / 1000);
const DEMO_APP_ID = zegoDemo.appId;
const DEMO_SECRET = zegoDemo.serverSecret;

describe("ZEGO signature checks in verify mode", () => {
  const server = sharedServer({ mock: { auth: { mode: "verify" }, rateLimits: false } });
  const start = serverPerTest();

  it("accepts a request signed with the demo credentials (zegoSignatureParams)", async () => {
    expectSuccess(await getUsage(server.url, { extra: demoSignature() }));
    expectSuccess(await getUsage(server.url, { extra: { ...demoSignature(), IsTest: "false" }, encodedBrackets: true }));
  });

  it("accepts exactly 10 minutes of skew either way, and refuses one second more with 100000004", async () => {
    expectSuccess(await getUsage(server.url, { extra: demoSignature({ timestampSec: nowSec - 600 }) }));
    expectSuccess(await getUsage(server.url, { extra: demoSignature({ timestampSec: nowSec + 600 }) }));
    expectZegoError(await getUsage(server.url, { extra: demoSignature({ timestampSec: nowSec - 601 }) }), 100000004);
    expectZegoError(await getUsage(server.url, { extra: demoSignature({ timestampSec: nowSec + 601 }) }), 100000004);
  });

  it("measures skew on the engine clock", async () => {
    const signedAtT0 = demoSignature();
    server.current.engine.clock.advance(11 * 60_000);
    try {
      expectZegoError(await getUsage(server.url, { extra: signedAtT0, now: T0 + 11 * 60_000 }), 100000004);
    } finally {
      server.current.engine.clock.set(T0);
    }
  });

  it("refuses a wrong secret, a tampered nonce and an upper-case signature with 100000005", async () => {
    expectZegoError(await getUsage(server.url, { extra: demoSignature({ serverSecret: "not-the-secret" }) }), 100000005);
    const signed = demoSignature();
    expectZegoError(await getUsage(server.url, { extra: { ...signed, SignatureNonce: `${signed.SignatureNonce}x` } }), 100000005);
    expectZegoError(await getUsage(server.url, { extra: { ...signed, Signature: signed.Signature!.toUpperCase() } }), 100000005);
    expectZegoError(await getUsage(server.url, { extra: { ...signed, Signature: signed.Signature!.slice(1) } }), 100000005);
  });

  it("signs the AppId of the query: another app's signature does not carry over", async () => {
    const other = demoSignature();
    expectZegoError(
      await getUsage(server.url, {
        appId: DEMO_APP_ID,
        extra: { ...other, Signature: zegoSignature("99", other.SignatureNonce!, DEMO_SECRET, nowSec) },
      }),
      100000005,
    );
  });

  it("refuses an AppId without credentials with 100000010", async () => {
    expectZegoError(await getUsage(server.url, { appId: "777", extra: demoSignature({ appId: "777" }) }), 100000010);
  });

  it("maps each missing or malformed signature parameter to its gateway code", async () => {
    const without = (key: string) => {
      const signed = demoSignature();
      delete signed[key];
      return signed;
    };
    const cases: [Record<string, string>, number][] = [
      [without("Timestamp"), 100000002],
      [{ ...demoSignature(), Timestamp: "" }, 100000002],
      [{ ...demoSignature(), Timestamp: "17e8" }, 100000003],
      [{ ...demoSignature(), Timestamp: "-1" }, 100000003],
      [without("SignatureNonce"), 100000008],
      [without("Signature"), 100000009],
      [{ ...demoSignature(), Signature: "" }, 100000009],
      [without("SignatureVersion"), 100000013],
      [{ ...demoSignature(), SignatureVersion: "1.0" }, 100000014],
      [{ ...demoSignature(), SignatureVersion: "2" }, 100000014],
    ];
    for (const [extra, code] of cases) {
      // `extra` carries its own AppId; drop the default one so each key appears once.
      expectZegoError(await getUsage(server.url, { appId: null, extra }), code);
    }
    expectZegoError(await getUsage(server.url, { appId: null, extra: { ...demoSignature(), AppId: "abc" } }), 100000001);
  });

  it("checks the signature before the parameters and never echoes the secret", async () => {
    const response = await getUsage(server.url, { metrics: ["bogus"], extra: demoSignature({ serverSecret: "wrong" }) });
    expectZegoError(response, 100000005);
    for (const entry of server.current.engine.journal.entries()) expect(JSON.stringify(entry)).not.toContain(DEMO_SECRET);
    expect(response.text).not.toContain(DEMO_SECRET);
  });

  it("uses configured credentials instead of the demo ones", async () => {
    // The options type asks for every vendor's credentials (Partial<AuthOptions> & {credentials?: Partial<…>}).
    const credentials = { ...demoCredentials, zego: [{ appId: "555", serverSecret: "s3cr3t" }] };
    const custom = await start({ auth: { mode: "verify", credentials } });
    expectSuccess(await getUsage(custom, { appId: null, extra: demoSignature({ appId: "555", serverSecret: "s3cr3t" }) }));
    expectZegoError(await getUsage(custom, { extra: demoSignature() }), 100000010);
  });
});

describe("auth off (the default) accepts anything", () => {
  const server = sharedServer({ mock: { rateLimits: false } });

  it("serves a request with only AppId and business parameters", async () => {
    expectSuccess(await getUsage(server.url, {}));
  });

  it("ignores wrong, expired or malformed signature parameters", async () => {
    expectSuccess(await getUsage(server.url, { extra: demoSignature({ serverSecret: "wrong" }) }));
    expectSuccess(await getUsage(server.url, { extra: demoSignature({ timestampSec: 1 }) }));
    expectSuccess(await getUsage(server.url, { extra: { Timestamp: "x", SignatureVersion: "9.9", Signature: "", SignatureNonce: "" } }));
    expectSuccess(await getUsage(server.url, { appId: "777", extra: demoSignature({ appId: "777" }) }));
  });

  it("still needs a well-formed AppId (it scopes quotas and data)", async () => {
    expectZegoError(await getUsage(server.url, { appId: null }), 100000001);
  });
});
