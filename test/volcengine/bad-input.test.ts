import { replyText } from "../../mocks/core/reply.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VolcengineErrorResponse } from "../../schemas/volcengine/index.js";
import {
  OD,
  offlineBody,
  qualityBody,
  realtimeBody,
  RQ,
  RT,
  send,
  serverPerTest,
  type VolcengineOptions,
  type VolcengineRef,
  volcengineRequest,
  type VolcengineJson,
} from "../support/harness.js";

const serve = serverPerTest();

interface Case {
  name: string;
  ref: VolcengineRef | null;
  body?: unknown;
  options?: VolcengineOptions;
  status: number;
  code: string;
  /** Text the message must contain (the field it names). */
  message?: string | RegExp;
}

const users = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);

const cases: Case[] = [
  {
    name: "no Action",
    ref: null,
    body: {},
    options: { query: "?Version=2023-11-01" },
    status: 400,
    code: "MissingParameter",
    message: "missing Action parameter",
  },
  { name: "no query at all", ref: null, body: {}, options: { query: "" }, status: 400, code: "MissingParameter", message: "Action" },
  {
    name: "no Version",
    ref: null,
    body: {},
    options: { query: "?Action=ListRealTimeQuality" },
    status: 400,
    code: "MissingParameter",
    message: "missing Version parameter",
  },
  {
    name: "unknown Action",
    ref: null,
    body: {},
    options: { query: "?Action=ListEverything&Version=2023-11-01" },
    status: 404,
    code: "InvalidActionOrVersion",
    message: "ListEverything",
  },
  {
    name: "known Action, a Version it does not have",
    ref: null,
    body: qualityBody(),
    options: { query: "?Action=ListRealTimeQuality&Version=2021-06-01" },
    status: 404,
    code: "InvalidActionOrVersion",
    message: "version 2021-06-01",
  },
  { name: "GET instead of POST", ref: RT, body: undefined, options: { method: "GET" }, status: 404, code: "InvalidActionOrVersion" },
  { name: "PUT instead of POST", ref: RT, body: realtimeBody(), options: { method: "PUT" }, status: 404, code: "InvalidActionOrVersion" },
  {
    name: "huge Action value is echoed capped",
    ref: null,
    body: {},
    options: { query: `?Action=${"A".repeat(5000)}&Version=1` },
    status: 404,
    code: "InvalidActionOrVersion",
  },
  { name: "empty body", ref: RT, body: undefined, status: 400, code: "InvalidParameter.BodyIsEmpty" },
  { name: "whitespace body", ref: RQ, body: undefined, options: { raw: " \n\t " }, status: 400, code: "InvalidParameter.BodyIsEmpty" },
  { name: "truncated JSON", ref: RT, body: undefined, options: { raw: '{"AppId":' }, status: 400, code: "InvalidParameter.Unmarshal" },
  { name: "JSON array", ref: OD, body: [1, 2], status: 400, code: "InvalidParameter.Unmarshal", message: "not an array" },
  { name: "JSON null", ref: OD, body: null, status: 400, code: "InvalidParameter.Unmarshal", message: "not null" },
  { name: "JSON string", ref: OD, body: "hello", status: 400, code: "InvalidParameter.Unmarshal" },
  {
    name: "binary garbage",
    ref: RQ,
    body: undefined,
    options: { raw: Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x7b]) },
    status: 400,
    code: "InvalidParameter.Unmarshal",
  },
  {
    name: "form-encoded body",
    ref: RT,
    body: undefined,
    options: { raw: "AppId=app1&Indicator=online_user_count", headers: { "content-type": "application/x-www-form-urlencoded" } },
    status: 400,
    code: "InvalidParameter.Unmarshal",
  },
  {
    name: "AppId missing",
    ref: RT,
    body: { ...realtimeBody(), AppId: undefined },
    status: 400,
    code: "InvalidParameter",
    message: "AppId is required",
  },
  {
    name: "AppId number",
    ref: RT,
    body: { ...realtimeBody(), AppId: 123 },
    status: 400,
    code: "InvalidParameter",
    message: "AppId must be a string",
  },
  {
    name: "AppId null (read as absent: volcengine.nullAsAbsent)",
    ref: RQ,
    body: { ...qualityBody(), AppId: null },
    status: 400,
    code: "InvalidParameter",
    message: "AppId is required",
  },
  {
    name: "Indicator a string",
    ref: RT,
    body: { ...realtimeBody(), Indicator: "online_user_count" },
    status: 400,
    code: "InvalidParameter",
    message: "Indicator must be an array",
  },
  {
    name: "Indicator empty",
    ref: RT,
    body: { ...realtimeBody(), Indicator: [] },
    status: 400,
    code: "InvalidParameter",
    message: "Indicator must not be empty",
  },
  {
    name: "Indicator item a number",
    ref: RT,
    body: { ...realtimeBody(), Indicator: ["online_user_count", 1] },
    status: 400,
    code: "InvalidParameter",
    message: "Indicator[1] must be a string",
  },
  {
    name: "unknown indicator",
    ref: RT,
    body: realtimeBody(["online_user_count", "peak_bandwidth"]),
    status: 400,
    code: "InvalidParameter",
    message: /peak_bandwidth.*not supported/,
  },
  {
    name: "quality indicator on the operation action",
    ref: RT,
    body: realtimeBody(["stall_rate"]),
    status: 400,
    code: "InvalidParameter",
    message: "stall_rate",
  },
  {
    name: "returned series name is not a request value",
    ref: RQ,
    body: qualityBody(["5s_join_room_success_rate"]),
    status: 400,
    code: "InvalidParameter",
    message: "5s_join_room_success_rate",
  },
  {
    name: "EndTime missing",
    ref: OD,
    body: { ...offlineBody(), EndTime: undefined },
    status: 400,
    code: "InvalidParameter",
    message: "EndTime is required",
  },
  {
    name: "StartTime without offset",
    ref: RT,
    body: { ...realtimeBody(), StartTime: "2024-03-01T11:50:00" },
    status: 400,
    code: "InvalidParameter",
    message: "StartTime must be an RFC3339 time",
  },
  {
    name: "StartTime as epoch seconds",
    ref: RT,
    body: { ...realtimeBody(), StartTime: 1709265000 },
    status: 400,
    code: "InvalidParameter",
    message: "StartTime must be a string",
  },
  {
    name: "EndTime impossible date",
    ref: RQ,
    body: { ...qualityBody(), EndTime: "2024-02-30T00:00:00+08:00" },
    status: 400,
    code: "InvalidParameter",
    message: "EndTime must be an RFC3339 time",
  },
  {
    name: "AggregateGranularity missing",
    ref: OD,
    body: { ...offlineBody(), AggregateGranularity: undefined },
    status: 400,
    code: "InvalidParameter",
    message: "AggregateGranularity is required",
  },
  {
    name: "AggregateGranularity outside the enum",
    ref: OD,
    body: offlineBody("1m" as "1h"),
    status: 400,
    code: "InvalidParameter",
    message: "AggregateGranularity must be one of 1h, 1d",
  },
  {
    name: "ProductType outside the enum",
    ref: RQ,
    body: qualityBody(undefined, 10, { ProductType: "ios" }),
    status: 400,
    code: "InvalidParameter",
    message: "ProductType must be one of native, web",
  },
  {
    name: "21 UserIds",
    ref: RQ,
    body: qualityBody(undefined, 10, { RoomId: "r1", UserId: users(21) }),
    status: 400,
    code: "InvalidParameter",
    message: "UserId allows at most 20 items",
  },
  {
    name: "UserId a string",
    ref: RQ,
    body: qualityBody(undefined, 10, { RoomId: "r1", UserId: "u1" }),
    status: 400,
    code: "InvalidParameter",
    message: "UserId must be an array",
  },
  {
    name: "RoomId a number",
    ref: RQ,
    body: qualityBody(undefined, 10, { RoomId: 7 }),
    status: 400,
    code: "InvalidParameter",
    message: "RoomId must be a string",
  },
  {
    name: "unknown field",
    ref: RT,
    body: realtimeBody(undefined, 10, undefined, { Indicators: ["online_user_count"] }),
    status: 400,
    code: "InvalidParameter",
    message: "unknown field Indicators",
  },
  {
    name: "RoomId on the operation action",
    ref: RT,
    body: realtimeBody(undefined, 10, undefined, { RoomId: "r1" }),
    status: 400,
    code: "InvalidParameter",
    message: "unknown field RoomId",
  },
  {
    name: "__proto__ key",
    ref: RT,
    body: undefined,
    options: { raw: '{"__proto__":{"x":1},"AppId":"a"}' },
    status: 400,
    code: "InvalidParameter",
    message: "__proto__",
  },
  {
    name: "illegal AppId",
    ref: RT,
    body: { ...realtimeBody(), AppId: "app one" },
    status: 400,
    code: "InvalidParameter.IllegalAppId",
    message: "app one",
  },
  { name: "empty AppId", ref: RQ, body: { ...qualityBody(), AppId: "" }, status: 400, code: "InvalidParameter.IllegalAppId" },
  {
    name: "illegal RoomId",
    ref: RQ,
    body: qualityBody(undefined, 10, { RoomId: "room/1" }),
    status: 400,
    code: "InvalidParameter.IllegalRoomID",
    message: "room/1",
  },
];

describe("Volcengine bad-input battery over HTTP", () => {
  it.each(cases)("$name → $status $code", async ({ ref, body, options, status, code, message }) => {
    const app = await serve({ rateLimits: false });
    const reply = await send<VolcengineJson>(app, volcengineRequest(ref, body, options));
    expect(reply.status).toBe(status);
    const envelope = VolcengineErrorResponse.parse(reply.json);
    expect(envelope.ResponseMetadata.Error.Code).toBe(code);
    expect(envelope.Result).toBeUndefined();
    if (message !== undefined) expect(envelope.ResponseMetadata.Error.Message).toMatch(message);
    expect(reply.text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    expect(envelope.ResponseMetadata.Action.length).toBeLessThanOrEqual(256);
  });

  it("a body over the adapter's limit gets InvalidParameter in the Volcengine envelope", async () => {
    const app = await serve({}, { bodyLimit: 1024 });
    const reply = await send<VolcengineJson>(app, volcengineRequest(RT, { ...realtimeBody(), AppId: "x".repeat(4096) }));
    expect(reply.status).toBe(400);
    expect(VolcengineErrorResponse.parse(reply.json).ResponseMetadata.Error.Code).toBe("InvalidParameter");
    expect(reply.json.ResponseMetadata.Action).toBe(RT.action);
  });

  it("a request the adapter could not read gets InvalidParameter.Unmarshal in the Volcengine envelope", async () => {
    const { engine } = await serve();
    const reply = engine.rejectTransport(
      {
        method: "POST",
        url: new URL(`http://127.0.0.1/?Action=${RQ.action}&Version=${RQ.version}`),
        headers: {},
        rawBody: new Uint8Array(),
      },
      "malformed-request",
    );
    expect(reply.status).toBe(400);
    const envelope = VolcengineErrorResponse.parse(JSON.parse(replyText(reply)));
    expect(envelope.ResponseMetadata.Error.Code).toBe("InvalidParameter.Unmarshal");
    expect(envelope.ResponseMetadata.Action).toBe(RQ.action);
  });

  it("arbitrary JSON bodies never produce a 5xx or a reply outside the envelope", async () => {
    const app = await serve({ rateLimits: false });
    const refs = [RT, OD, RQ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.oneof(
          fc.jsonValue(),
          fc.record({ AppId: fc.string(), StartTime: fc.string(), EndTime: fc.string(), Indicator: fc.array(fc.string()) }),
        ),
        async (i, body) => {
          const reply = await send<VolcengineJson>(app, volcengineRequest(refs[i]!, body));
          expect(reply.status).toBeLessThan(500);
          expect(VolcengineErrorResponse.safeParse(reply.json).success || reply.status === 200).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
