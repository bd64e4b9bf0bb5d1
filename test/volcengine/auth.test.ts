import { describe, expect, it } from "vitest";
import { demoCredentials } from "../../mocks/options.js";
import { signVolcengineRequest } from "../../schemas/volcengine/signing.js";
import {
  errorCodeOf,
  MINUTE,
  qualityBody,
  realtimeBody,
  RQ,
  RT,
  send,
  serverPerTest,
  T0,
  volcengineRequest,
  type VolcengineJson,
} from "../support/harness.js";

const serve = serverPerTest();

const demo = demoCredentials.volcengine[0]!;
const signed = { accessKeyId: demo.accessKeyId, secretKey: demo.secretKey };
const verify = (extra: Record<string, unknown> = {}) => serve({ auth: { mode: "verify" }, rateLimits: false, ...extra });
const url = `http://127.0.0.1:4010/?Action=${RT.action}&Version=${RT.version}`;

describe("Volcengine signature verification (auth.mode = verify)", () => {
  it("accepts the Node SDK's SignedHeaders (x-content-sha256;x-date) with the demo credentials", async () => {
    const reply = await send<VolcengineJson>(await verify(), volcengineRequest(RT, realtimeBody(), { sign: signed }));
    expect(reply.status).toBe(200);
  });

  it("accepts the Go SDK's SignedHeaders (content-type;host;x-content-sha256;x-date)", async () => {
    const reply = await send<VolcengineJson>(
      await verify(),
      volcengineRequest(RQ, qualityBody(), {
        sign: { ...signed, signedHeaders: ["content-type", "host", "x-content-sha256", "x-date"] },
      }),
    );
    expect(reply.status).toBe(200);
  });

  it("accepts a signed X-Security-Token and configured credentials other than the demo ones", async () => {
    const app = await verify({ auth: { mode: "verify", credentials: { volcengine: [{ accessKeyId: "AKLTmine", secretKey: "s3cret" }] } } });
    const payload = JSON.stringify(realtimeBody());
    const headers = signVolcengineRequest({
      method: "POST",
      url: new URL(url),
      headers: {},
      body: payload,
      accessKeyId: "AKLTmine",
      secretKey: "s3cret",
      date: new Date(T0),
      sessionToken: "STS2token",
    });
    expect(headers["Authorization"]).toContain("x-security-token");
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, undefined, { raw: payload, headers }))).status).toBe(200);
    // The demo credentials are replaced, not added to.
    expect(errorCodeOf(await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(), { sign: signed })))).toBe("InvalidAccessKey");
  });

  it("accepts an X-Date within the skew window either way and refuses one just outside (900 s, switchable)", async () => {
    const app = await verify();
    expect(
      (await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(), { sign: { ...signed, date: new Date(T0 - 899_000) } })))
        .status,
    ).toBe(200);
    expect(
      (await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(), { sign: { ...signed, date: new Date(T0 + 899_000) } })))
        .status,
    ).toBe(200);
    const past = await send<VolcengineJson>(
      app,
      volcengineRequest(RT, realtimeBody(), { sign: { ...signed, date: new Date(T0 - 901_000) } }),
    );
    const future = await send<VolcengineJson>(
      app,
      volcengineRequest(RT, realtimeBody(), { sign: { ...signed, date: new Date(T0 + 901_000) } }),
    );
    for (const reply of [past, future])
      expect([reply.status, errorCodeOf(reply), reply.json.ResponseMetadata.Error?.CodeN]).toEqual([400, "InvalidTimestamp", 100006]);
    const as403 = await verify({ volcengine: { invalidTimestampStatus: 403 } });
    expect(
      (await send<VolcengineJson>(as403, volcengineRequest(RT, realtimeBody(), { sign: { ...signed, date: new Date(T0 - 901_000) } })))
        .status,
    ).toBe(403);
    const lenient = await verify({ volcengine: { signatureSkewSec: 3600 } });
    expect(
      (
        await send<VolcengineJson>(
          lenient,
          volcengineRequest(RT, realtimeBody(), { sign: { ...signed, date: new Date(T0 - 30 * MINUTE) } }),
        )
      ).status,
    ).toBe(200);
  });

  it("the mock clock decides staleness: advancing it makes a once-valid X-Date stale", async () => {
    const app = await verify();
    const { engine } = app;
    const date = new Date(T0);
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(), { sign: { ...signed, date } }))).status).toBe(200);
    engine.clock.advance(16 * MINUTE);
    expect(
      errorCodeOf(
        await send<VolcengineJson>(
          app,
          volcengineRequest(RT, realtimeBody(undefined, 10, T0 + 16 * MINUTE), { sign: { ...signed, date } }),
        ),
      ),
    ).toBe("InvalidTimestamp");
  });

  it("a body changed after signing, or an X-Content-Sha256 that is not the body's hash → SignatureDoesNotMatch", async () => {
    const app = await verify();
    const payload = JSON.stringify(realtimeBody());
    const headers = signVolcengineRequest({ method: "POST", url: new URL(url), headers: {}, body: payload, ...signed, date: new Date(T0) });
    const tampered = payload.replace("app1", "app2");
    expect(errorCodeOf(await send<VolcengineJson>(app, volcengineRequest(RT, undefined, { raw: tampered, headers })))).toBe(
      "SignatureDoesNotMatch",
    );
    // Signing the tampered body but claiming the original hash.
    const other = signVolcengineRequest({ method: "POST", url: new URL(url), headers: {}, body: tampered, ...signed, date: new Date(T0) });
    const mismatch = await send<VolcengineJson>(
      app,
      volcengineRequest(RT, undefined, {
        raw: tampered,
        headers: { ...other, "X-Content-Sha256": headers["X-Content-Sha256"]! },
      }),
    );
    expect([mismatch.status, errorCodeOf(mismatch)]).toEqual([401, "SignatureDoesNotMatch"]);
  });

  it("a changed query or a changed signed header breaks the signature; an unsigned header does not", async () => {
    const app = await verify();
    const payload = JSON.stringify(qualityBody());
    const qualityUrl = new URL(`http://127.0.0.1:4010/?Action=${RQ.action}&Version=${RQ.version}`);
    const nodeStyle = signVolcengineRequest({ method: "POST", url: qualityUrl, headers: {}, body: payload, ...signed, date: new Date(T0) });
    // host is not signed Node-style, so another Host header is fine.
    expect(
      (
        await send<VolcengineJson>(
          app,
          volcengineRequest(RQ, undefined, { raw: payload, headers: { ...nodeStyle, host: "localhost:9999" } }),
        )
      ).status,
    ).toBe(200);
    const goStyle = signVolcengineRequest({
      method: "POST",
      url: qualityUrl,
      headers: { host: "127.0.0.1:4010" },
      body: payload,
      ...signed,
      date: new Date(T0),
      signedHeaders: ["host", "x-content-sha256", "x-date"],
    });
    expect(
      errorCodeOf(
        await send<VolcengineJson>(
          app,
          volcengineRequest(RQ, undefined, { raw: payload, headers: { ...goStyle, host: "localhost:9999" } }),
        ),
      ),
    ).toBe("SignatureDoesNotMatch");
    // An extra query parameter was not in the canonical query.
    expect(
      errorCodeOf(
        await send<VolcengineJson>(
          app,
          volcengineRequest(null, undefined, { raw: payload, headers: nodeStyle, query: `?Action=${RQ.action}&Version=${RQ.version}&x=1` }),
        ),
      ),
    ).toBe("SignatureDoesNotMatch");
  });

  it.each([
    ["no Authorization", {}, 401, "MissingAuthenticationToken"],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz", "x-date": "20240301T040000Z" }, 400, "InvalidAuthorization"],
    [
      "no SignedHeaders",
      {
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240301/cn-north-1/rtc/request, Signature=${"a".repeat(64)}`,
        "x-date": "20240301T040000Z",
      },
      400,
      "InvalidAuthorization",
    ],
    [
      "no Signature",
      {
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240301/cn-north-1/rtc/request, SignedHeaders=x-date`,
        "x-date": "20240301T040000Z",
      },
      401,
      "MissingSignature",
    ],
    [
      "credential scope too short",
      {
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240301/rtc/request, SignedHeaders=x-date, Signature=${"a".repeat(64)}`,
        "x-date": "20240301T040000Z",
      },
      400,
      "InvalidCredential",
    ],
    [
      "credential date differs from X-Date",
      {
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240229/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=${"a".repeat(64)}`,
        "x-date": "20240301T040000Z",
      },
      400,
      "InvalidCredential",
    ],
    [
      "no X-Date",
      {
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240301/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=${"a".repeat(64)}`,
      },
      400,
      "MissingRequestInfo",
    ],
    [
      "malformed X-Date",
      {
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240301/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=${"a".repeat(64)}`,
        "x-date": "2024-03-01T04:00:00Z",
      },
      400,
      "InvalidTimestamp",
    ],
    [
      "signature not hex",
      {
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240301/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=zz`,
        "x-date": "20240301T040000Z",
      },
      401,
      "SignatureDoesNotMatch",
    ],
  ] as const)("%s → %i %s", async (_name, headers, status, code) => {
    const reply = await send<VolcengineJson>(await verify(), volcengineRequest(RT, realtimeBody(), { headers: { ...headers } }));
    expect([reply.status, errorCodeOf(reply)]).toEqual([status, code]);
  });

  it("errors never echo the secret key or the expected signature", async () => {
    const reply = await send<VolcengineJson>(
      await verify(),
      volcengineRequest(RT, realtimeBody(), { sign: { ...signed, secretKey: "wrong" } }),
    );
    expect(errorCodeOf(reply)).toBe("SignatureDoesNotMatch");
    expect(reply.text).not.toContain(demo.secretKey);
    expect(reply.text).not.toMatch(/[0-9a-f]{64}/);
  });
});

describe("Volcengine auth off (the default)", () => {
  it("accepts no credentials, garbage credentials and stale dates alike", async () => {
    const app = await serve({ rateLimits: false });
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).status).toBe(200);
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(), { headers: { authorization: "garbage" } }))).status).toBe(
      200,
    );
    expect(
      (
        await send<VolcengineJson>(
          app,
          volcengineRequest(RT, realtimeBody(), { sign: { accessKeyId: "anything", secretKey: "wrong", date: new Date(0) } }),
        )
      ).status,
    ).toBe(200);
  });
});

describe("ResponseMetadata.Region", () => {
  it("echoes the region of the request's Credential scope, else volcengine.region", async () => {
    const app = await serve({});
    const singapore = await send<VolcengineJson>(
      app,
      volcengineRequest(RT, realtimeBody(), { sign: { ...signed, region: "ap-singapore-1" } }),
    );
    expect(singapore.json.ResponseMetadata.Region).toBe("ap-singapore-1");
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).json.ResponseMetadata.Region).toBe("cn-north-1");
    const configured = await serve({ volcengine: { region: "cn-beijing" } });
    expect((await send<VolcengineJson>(configured, volcengineRequest(RT, realtimeBody()))).json.ResponseMetadata.Region).toBe("cn-beijing");
  });
});
