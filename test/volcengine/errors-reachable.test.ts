import { describe, expect, it } from "vitest";
import { demoCredentials } from "../../mocks/options.js";
import { VolcengineErrorResponse, volcengineErrors, type VolcengineErrorCode } from "../../schemas/volcengine/index.js";
import {
  type HarnessReply,
  HOUR,
  MINUTE,
  qualityBody,
  realtimeBody,
  rfc,
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
const verify = { auth: { mode: "verify" as const } };
const signed = { accessKeyId: demo.accessKeyId, secretKey: demo.secretKey };

/** A fault that answers `code` for every Volcengine request. */
const faulted = (code: string, args?: string[]) =>
  serve({ faults: [{ kind: "error", vendor: "volcengine", code, ...(args ? { args } : {}) }] });

/** How each catalog error is reached over HTTP: the documented trigger, as a request. */
const recipes: Record<VolcengineErrorCode, () => Promise<HarnessReply<VolcengineJson>>> = {
  MissingParameter: async () => send<VolcengineJson>(await serve(), volcengineRequest(null, {}, { query: "?Version=2023-11-01" })),
  MissingAuthenticationToken: async () => send<VolcengineJson>(await serve(verify), volcengineRequest(RT, realtimeBody())),
  MissingRequestInfo: async () => {
    const app = await serve(verify);
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
    return send<VolcengineJson>(app, volcengineRequest(RT, undefined, { raw: payload, headers: withoutDate }));
  },
  MissingSignature: async () =>
    send<VolcengineJson>(
      await serve(verify),
      volcengineRequest(RT, realtimeBody(), {
        headers: {
          "x-date": "20240301T040000Z",
          authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/20240301/cn-north-1/rtc/request, SignedHeaders=x-date`,
        },
      }),
    ),
  InvalidTimestamp: async () =>
    send<VolcengineJson>(
      await serve(verify),
      volcengineRequest(RT, realtimeBody(), { sign: { ...signed, date: new Date(T0 - 20 * MINUTE) } }),
    ),
  ServiceNotFound: async () =>
    send<VolcengineJson>(await serve(verify), volcengineRequest(RT, realtimeBody(), { sign: { ...signed, service: "vod" } })),
  InvalidActionOrVersion: async () =>
    send<VolcengineJson>(await serve(), volcengineRequest(null, {}, { query: "?Action=ListRealTimeQuality&Version=2019-01-01" })),
  InvalidAccessKey: async () =>
    send<VolcengineJson>(
      await serve(verify),
      volcengineRequest(RT, realtimeBody(), { sign: { accessKeyId: "AKLTunknown", secretKey: demo.secretKey } }),
    ),
  SignatureDoesNotMatch: async () =>
    send<VolcengineJson>(await serve(verify), volcengineRequest(RT, realtimeBody(), { sign: { ...signed, secretKey: "wrong-secret" } })),
  AccessDenied: async () =>
    send<VolcengineJson>(await faulted("AccessDenied", ["ListRealTimeQuality", "trn:rtc::app/app1"]), volcengineRequest(RQ, qualityBody())),
  InternalError: async () => send<VolcengineJson>(await faulted("InternalError"), volcengineRequest(RT, realtimeBody())),
  InternalServiceTimeout: async () => send<VolcengineJson>(await faulted("InternalServiceTimeout"), volcengineRequest(RT, realtimeBody())),
  FlowLimitExceeded: async () => {
    const app = await serve({ maxTenants: 1 });
    await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
    return send<VolcengineJson>(app, volcengineRequest(RT, { ...realtimeBody(), AppId: "app2" }));
  },
  InvalidAuthorization: async () =>
    send<VolcengineJson>(
      await serve(verify),
      volcengineRequest(RT, realtimeBody(), { headers: { authorization: "Bearer abc", "x-date": "20240301T040000Z" } }),
    ),
  InvalidCredential: async () =>
    send<VolcengineJson>(
      await serve(verify),
      volcengineRequest(RT, realtimeBody(), {
        headers: {
          "x-date": "20240301T040000Z",
          authorization: `HMAC-SHA256 Credential=${demo.accessKeyId}/cn-north-1, SignedHeaders=x-date, Signature=${"0".repeat(64)}`,
        },
      }),
    ),
  InvalidSecretToken: async () => send<VolcengineJson>(await faulted("InvalidSecretToken"), volcengineRequest(RT, realtimeBody())),
  InvalidParameter: async () => send<VolcengineJson>(await serve(), volcengineRequest(RT, { ...realtimeBody(), AppId: 1 })),
  "InvalidParameter.BodyIsEmpty": async () => send<VolcengineJson>(await serve(), volcengineRequest(RT, undefined)),
  "InvalidParameter.Unmarshal": async () => send<VolcengineJson>(await serve(), volcengineRequest(RT, undefined, { raw: "{not json" })),
  "InvalidParameter.StartTimeAfterEndTime": async () =>
    send<VolcengineJson>(await serve(), volcengineRequest(RT, { ...realtimeBody(), StartTime: rfc(T0), EndTime: rfc(T0 - MINUTE) })),
  "InvalidParameter.OutofTimeRange": async () =>
    send<VolcengineJson>(await serve(), volcengineRequest(RT, { ...realtimeBody(), StartTime: rfc(T0 - 2 * HOUR) })),
  "InvalidParameter.IllegalAppId": async () =>
    send<VolcengineJson>(await serve(), volcengineRequest(RT, { ...realtimeBody(), AppId: "not an app id" })),
  "InvalidParameter.NotExistAppId": async () =>
    send<VolcengineJson>(
      await serve({ volcengine: { knownAppIds: ["app1"] } }),
      volcengineRequest(RT, { ...realtimeBody(), AppId: "app9" }),
    ),
  "InvalidParameter.IllegalRoomID": async () =>
    send<VolcengineJson>(await serve(), volcengineRequest(RQ, qualityBody(undefined, 10, { RoomId: "room #1" }))),
  "FlowLimitExceeded.QPSOverLimit": async () => {
    const app = await serve();
    await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
    await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
    return send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
  },
  "AccessDenied.NoPermissionForApp": async () =>
    send<VolcengineJson>(await faulted("AccessDenied.NoPermissionForApp"), volcengineRequest(RQ, qualityBody())),
  ...Object.fromEntries(
    (
      [
        "LackPolicy",
        "FailToConnect",
        "LackProjectPolicy",
        "InnerApiNeedAccountInfo",
        "AccountFlowLimitExceeded",
        "AccessDenied.ServiceNotEnabled",
        "InvalidParameter.EmptyAccountId",
        "InvalidParameter.AccountIdMismatch",
        "FlowLimitExceeded.TaskNumberOverLimit",
      ] as const
    ).map((code) => [code, async () => send<VolcengineJson>(await faulted(code), volcengineRequest(RT, realtimeBody()))]),
  ),
} as Record<VolcengineErrorCode, () => Promise<HarnessReply<VolcengineJson>>>;

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

  it("a fault naming a code outside the catalog is refused when it is added, configured or not", async () => {
    await expect(faulted("NoSuchCode")).rejects.toThrow('Invalid fault: "NoSuchCode" is not in the volcengine error catalog');
    const { engine } = await serve();
    expect(() => engine.faults.add({ kind: "error", vendor: "volcengine", code: "NoSuchCode" })).toThrow(/not in the volcengine/);
  });
});
