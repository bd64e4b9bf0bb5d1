import { describe, expect, it } from "vitest";
import { demoCredentials } from "../../mocks/options.js";
import { VolcengineErrorResponse, volcengineErrors, type VolcengineErrorCode } from "../../schemas/volcengine/index.js";
import { HOUR, MINUTE, RQ, RT, T0, call, makeServer, qualityBody, realtimeBody, rfc, type Reply } from "./support.js";

const demo = demoCredentials.volcengine[0]!;
const verify = { auth: { mode: "verify" as const } };
const signed = { accessKeyId: demo.accessKeyId, secretKey: demo.secretKey };

/** A fault that answers `code` for every Volcengine request. */
const faulted = (code: string, args?: string[]) =>
  makeServer({ faults: [{ kind: "error", vendor: "volcengine", code, ...(args ? { args } : {}) }] });

/** How each catalog error is reached over HTTP: the documented trigger, as a request. */
const recipes: Record<VolcengineErrorCode, () => Promise<Reply>> = {
  MissingParameter: () => call(makeServer().app, null, {}, { query: "?Version=2023-11-01" }),
  MissingAuthenticationToken: () => call(makeServer(verify).app, RT, realtimeBody()),
  MissingRequestInfo: async () => {
    const { app } = makeServer(verify);
    const { signVolcengineRequest } = await import("../../schemas/volcengine/signing.js");
    const payload = JSON.stringify(realtimeBody());
    const headers = signVolcengineRequest({
      method: "POST",
      url: new URL(`http://127.0.0.1:4010/?Action=${RT.action}&Version=${RT.version}`),
      headers: {},
      body: payload,
      ...signed,
      date: new Date(T0),
    });
    const { "X-Date": _dropped, ...withoutDate } = headers;
    return call(app, RT, undefined, { raw: payload, headers: withoutDate });
  },
  MissingSignature: () =>
    call(makeServer(verify).app, RT, realtimeBody(), {
      headers: {
        "x-date": "20240301T040000Z",
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240301/cn-north-1/rtc/request, SignedHeaders=x-date`,
      },
    }),
  InvalidTimestamp: () => call(makeServer(verify).app, RT, realtimeBody(), { sign: { ...signed, date: new Date(T0 - 20 * MINUTE) } }),
  ServiceNotFound: () => call(makeServer(verify).app, RT, realtimeBody(), { sign: { ...signed, service: "vod" } }),
  InvalidActionOrVersion: () => call(makeServer().app, null, {}, { query: "?Action=ListRealTimeQuality&Version=2019-01-01" }),
  InvalidAccessKey: () =>
    call(makeServer(verify).app, RT, realtimeBody(), { sign: { accessKeyId: "AKLTunknown", secretKey: demo.secretKey } }),
  SignatureDoesNotMatch: () => call(makeServer(verify).app, RT, realtimeBody(), { sign: { ...signed, secretKey: "wrong-secret" } }),
  AccessDenied: () => call(faulted("AccessDenied", ["ListRealTimeQuality", "trn:rtc::app/app1"]).app, RQ, qualityBody()),
  InternalError: () => call(faulted("InternalError").app, RT, realtimeBody()),
  InternalServiceTimeout: () => call(faulted("InternalServiceTimeout").app, RT, realtimeBody()),
  FlowLimitExceeded: async () => {
    const { app } = makeServer({ maxTenants: 1 });
    await call(app, RT, realtimeBody());
    return call(app, RT, { ...realtimeBody(), AppId: "app2" });
  },
  InvalidAuthorization: () =>
    call(makeServer(verify).app, RT, realtimeBody(), { headers: { authorization: "Bearer abc", "x-date": "20240301T040000Z" } }),
  InvalidCredential: () =>
    call(makeServer(verify).app, RT, realtimeBody(), {
      headers: {
        "x-date": "20240301T040000Z",
        authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/cn-north-1, SignedHeaders=x-date, Signature=${"0".repeat(64)}`,
      },
    }),
  InvalidSecretToken: () => call(faulted("InvalidSecretToken").app, RT, realtimeBody()),
  InvalidParameter: () => call(makeServer().app, RT, { ...realtimeBody(), AppId: 1 }),
  "InvalidParameter.BodyIsEmpty": () => call(makeServer().app, RT, undefined),
  "InvalidParameter.Unmarshal": () => call(makeServer().app, RT, undefined, { raw: "{not json" }),
  "InvalidParameter.StartTimeAfterEndTime": () =>
    call(makeServer().app, RT, { ...realtimeBody(), StartTime: rfc(T0), EndTime: rfc(T0 - MINUTE) }),
  "InvalidParameter.OutofTimeRange": () => call(makeServer().app, RT, { ...realtimeBody(), StartTime: rfc(T0 - 2 * HOUR) }),
  "InvalidParameter.IllegalAppId": () => call(makeServer().app, RT, { ...realtimeBody(), AppId: "not an app id" }),
  "InvalidParameter.NotExistAppId": () =>
    call(makeServer({ volcengine: { knownAppIds: ["app1"] } }).app, RT, { ...realtimeBody(), AppId: "app9" }),
  "InvalidParameter.IllegalRoomID": () => call(makeServer().app, RQ, qualityBody(undefined, 10, { RoomId: "room #1" })),
  "FlowLimitExceeded.QPSOverLimit": async () => {
    const { app } = makeServer();
    await call(app, RT, realtimeBody());
    await call(app, RT, realtimeBody());
    return call(app, RT, realtimeBody());
  },
  "AccessDenied.NoPermissionForApp": () => call(faulted("AccessDenied.NoPermissionForApp").app, RQ, qualityBody()),
};

describe("every Volcengine catalog error is reachable over HTTP by its documented trigger", () => {
  it("the recipes cover the whole catalog", () => {
    expect(Object.keys(recipes).sort()).toEqual(Object.keys(volcengineErrors).sort());
  });

  it.each(Object.keys(volcengineErrors) as VolcengineErrorCode[])("%s", async (code) => {
    const definition = volcengineErrors[code];
    const reply = await recipes[code]();
    const envelope = VolcengineErrorResponse.parse(reply.json);
    expect(envelope.ResponseMetadata.Error.Code).toBe(code);
    expect(envelope.ResponseMetadata.Error.CodeN).toBe("codeN" in definition ? definition.codeN : undefined);
    expect(reply.status).toBe(definition.httpStatus);
    expect(envelope.ResponseMetadata.Error.Message).not.toContain("%s");
    expect(envelope.ResponseMetadata.Error.Message.length).toBeGreaterThan(5);
    expect(envelope.Result).toBeUndefined();
  });

  it("a fault naming a code outside the catalog is refused when it is added, configured or not", () => {
    expect(() => faulted("NoSuchCode")).toThrow('Invalid fault: "NoSuchCode" is not in the volcengine error catalog');
    expect(() => makeServer().engine.faults.add({ kind: "error", vendor: "volcengine", code: "NoSuchCode" })).toThrow(
      /not in the volcengine/,
    );
  });
});
