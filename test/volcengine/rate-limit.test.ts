import { describe, expect, it } from "vitest";
import { VolcengineErrorResponse } from "../../schemas/volcengine/index.js";
import {
  errorCodeOf,
  OD,
  offlineBody,
  qualityBody,
  realtimeBody,
  RQ,
  RT,
  send,
  serverPerTest,
  volcengineRequest,
  type VolcengineJson,
} from "../support/harness.js";

const serve = serverPerTest();

describe("Volcengine rate limit: 2 requests per second per action and AppId", () => {
  it.each([
    [RT, realtimeBody()],
    [OD, offlineBody()],
    [RQ, qualityBody()],
  ] as const)("%s: third request in the same second → FlowLimitExceeded.QPSOverLimit (429); next second ok", async (ref, body) => {
    const app = await serve();
    const { engine } = app;
    expect((await send<VolcengineJson>(app, volcengineRequest(ref, body))).status).toBe(200);
    expect((await send<VolcengineJson>(app, volcengineRequest(ref, body))).status).toBe(200);
    const third = await send<VolcengineJson>(app, volcengineRequest(ref, body));
    expect(third.status).toBe(429);
    const envelope = VolcengineErrorResponse.parse(third.json);
    expect(envelope.ResponseMetadata.Error).toMatchObject({ Code: "FlowLimitExceeded.QPSOverLimit" });
    expect(envelope.ResponseMetadata.Error.CodeN).toBeUndefined();
    expect(envelope.ResponseMetadata.Action).toBe(ref.action);
    engine.clock.advance(1000);
    expect((await send<VolcengineJson>(app, volcengineRequest(ref, body))).status).toBe(200);
  });

  it("two AppIds and two actions do not share a quota", async () => {
    const app = await serve();
    for (let i = 0; i < 2; i++) expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).status).toBe(200);
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(undefined, 10, undefined, { AppId: "app2" })))).status).toBe(
      200,
    );
    expect((await send<VolcengineJson>(app, volcengineRequest(RQ, qualityBody()))).status).toBe(200);
    expect(errorCodeOf(await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody())))).toBe("FlowLimitExceeded.QPSOverLimit");
  });

  it("requests with invalid parameters are not charged", async () => {
    const app = await serve();
    for (let i = 0; i < 3; i++)
      expect(errorCodeOf(await send<VolcengineJson>(app, volcengineRequest(RT, { AppId: "app1" })))).toBe("InvalidParameter");
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).status).toBe(200);
  });

  it("the throttle status is switchable (volcengine.throttleStatus)", async () => {
    const app = await serve({ volcengine: { throttleStatus: 400 } });
    await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
    await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
    const third = await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
    expect([third.status, errorCodeOf(third)]).toEqual([400, "FlowLimitExceeded.QPSOverLimit"]);
  });

  it("rate limits can be switched off, at start and at run time", async () => {
    const off = await serve({ rateLimits: false });
    for (let i = 0; i < 5; i++)
      expect(
        (await off.app.inject({ method: "POST", url: `/?Action=${RT.action}&Version=${RT.version}`, payload: realtimeBody() })).statusCode,
      ).toBe(200);
    const app = await serve();
    const { engine } = app;
    await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
    await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()));
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).status).toBe(429);
    engine.setRateLimits(false);
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).status).toBe(200);
  });

  it("a new AppId beyond maxTenants gets FlowLimitExceeded (CodeN 100018)", async () => {
    const app = await serve({ maxTenants: 1 });
    expect((await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody()))).status).toBe(200);
    const refused = await send<VolcengineJson>(app, volcengineRequest(RT, realtimeBody(undefined, 10, undefined, { AppId: "app2" })));
    expect(refused.status).toBe(429);
    expect(refused.json.ResponseMetadata.Error).toMatchObject({ Code: "FlowLimitExceeded", CodeN: 100018 });
  });
});
