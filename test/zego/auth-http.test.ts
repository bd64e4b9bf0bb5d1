import { describe, expect, it } from "vitest";
import { demoCredentials } from "../../mocks/options.js";
import { zegoSignature } from "../../schemas/zego/signing.js";
import { DEMO_APP_ID, DEMO_SECRET, T0, demoSignature, expectSuccess, expectZegoError, getUsage, zegoServer } from "./zego-test-kit.js";

const nowSec = Math.floor(T0 / 1000);

describe("ZEGO signature checks in verify mode", () => {
  const { app, engine } = zegoServer({ auth: { mode: "verify" }, rateLimits: false });

  it("accepts a request signed with the demo credentials (zegoSignatureParams)", async () => {
    expectSuccess(await getUsage(app, { extra: demoSignature(T0) }));
    expectSuccess(await getUsage(app, { extra: { ...demoSignature(T0), IsTest: "false" }, encodedBrackets: true }));
  });

  it("accepts exactly 10 minutes of skew either way, and refuses one second more with 100000004", async () => {
    expectSuccess(await getUsage(app, { extra: demoSignature(T0, { timestampSec: nowSec - 600 }) }));
    expectSuccess(await getUsage(app, { extra: demoSignature(T0, { timestampSec: nowSec + 600 }) }));
    expectZegoError(await getUsage(app, { extra: demoSignature(T0, { timestampSec: nowSec - 601 }) }), 100000004);
    expectZegoError(await getUsage(app, { extra: demoSignature(T0, { timestampSec: nowSec + 601 }) }), 100000004);
  });

  it("measures skew on the engine clock", async () => {
    const signedAtT0 = demoSignature(T0);
    engine.clock.advance(11 * 60_000);
    try {
      expectZegoError(await getUsage(app, { extra: signedAtT0, now: T0 + 11 * 60_000 }), 100000004);
    } finally {
      engine.clock.set(T0);
    }
  });

  it("refuses a wrong secret, a tampered nonce and an upper-case signature with 100000005", async () => {
    expectZegoError(await getUsage(app, { extra: demoSignature(T0, { serverSecret: "not-the-secret" }) }), 100000005);
    const signed = demoSignature(T0);
    expectZegoError(await getUsage(app, { extra: { ...signed, SignatureNonce: `${signed.SignatureNonce}x` } }), 100000005);
    expectZegoError(await getUsage(app, { extra: { ...signed, Signature: signed.Signature!.toUpperCase() } }), 100000005);
    expectZegoError(await getUsage(app, { extra: { ...signed, Signature: signed.Signature!.slice(1) } }), 100000005);
  });

  it("signs the AppId of the query: another app's signature does not carry over", async () => {
    const other = demoSignature(T0);
    expectZegoError(
      await getUsage(app, {
        appId: DEMO_APP_ID,
        extra: { ...other, Signature: zegoSignature("99", other.SignatureNonce!, DEMO_SECRET, nowSec) },
      }),
      100000005,
    );
  });

  it("refuses an AppId without credentials with 100000010", async () => {
    expectZegoError(await getUsage(app, { appId: "777", extra: demoSignature(T0, { appId: "777" }) }), 100000010);
  });

  it("maps each missing or malformed signature parameter to its gateway code", async () => {
    const without = (key: string) => {
      const signed = demoSignature(T0);
      delete signed[key];
      return signed;
    };
    const cases: [Record<string, string>, number][] = [
      [without("Timestamp"), 100000002],
      [{ ...demoSignature(T0), Timestamp: "" }, 100000002],
      [{ ...demoSignature(T0), Timestamp: "17e8" }, 100000003],
      [{ ...demoSignature(T0), Timestamp: "-1" }, 100000003],
      [without("SignatureNonce"), 100000008],
      [without("Signature"), 100000009],
      [{ ...demoSignature(T0), Signature: "" }, 100000009],
      [without("SignatureVersion"), 100000013],
      [{ ...demoSignature(T0), SignatureVersion: "1.0" }, 100000014],
      [{ ...demoSignature(T0), SignatureVersion: "2" }, 100000014],
    ];
    for (const [extra, code] of cases) {
      // `extra` carries its own AppId; drop the default one so each key appears once.
      expectZegoError(await getUsage(app, { appId: null, extra }), code);
    }
    expectZegoError(await getUsage(app, { appId: null, extra: { ...demoSignature(T0), AppId: "abc" } }), 100000001);
  });

  it("checks the signature before the parameters and never echoes the secret", async () => {
    const response = await getUsage(app, { metrics: ["bogus"], extra: demoSignature(T0, { serverSecret: "wrong" }) });
    expectZegoError(response, 100000005);
    for (const entry of engine.journal.entries()) expect(JSON.stringify(entry)).not.toContain(DEMO_SECRET);
    expect(response.body).not.toContain(DEMO_SECRET);
  });

  it("uses configured credentials instead of the demo ones", async () => {
    // The options type asks for every vendor's credentials (Partial<AuthOptions> & {credentials?: Partial<…>}).
    const credentials = { ...demoCredentials, zego: [{ appId: "555", serverSecret: "s3cr3t" }] };
    const custom = zegoServer({ auth: { mode: "verify", credentials } });
    expectSuccess(await getUsage(custom.app, { appId: null, extra: demoSignature(T0, { appId: "555", serverSecret: "s3cr3t" }) }));
    expectZegoError(await getUsage(custom.app, { extra: demoSignature(T0) }), 100000010);
    await custom.app.close();
  });
});

describe("auth off (the default) accepts anything", () => {
  const { app } = zegoServer({ rateLimits: false });

  it("serves a request with only AppId and business parameters", async () => {
    expectSuccess(await getUsage(app, {}));
  });

  it("ignores wrong, expired or malformed signature parameters", async () => {
    expectSuccess(await getUsage(app, { extra: demoSignature(T0, { serverSecret: "wrong" }) }));
    expectSuccess(await getUsage(app, { extra: demoSignature(T0, { timestampSec: 1 }) }));
    expectSuccess(await getUsage(app, { extra: { Timestamp: "x", SignatureVersion: "9.9", Signature: "", SignatureNonce: "" } }));
    expectSuccess(await getUsage(app, { appId: "777", extra: demoSignature(T0, { appId: "777" }) }));
  });

  it("still needs a well-formed AppId (it scopes quotas and data)", async () => {
    expectZegoError(await getUsage(app, { appId: null }), 100000001);
  });
});
