import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import type { RunningServer } from "../../server/start-server.js";
import {
  T0,
  errorCodeOf,
  exampleRequest,
  frozenAt,
  handle,
  send,
  setQuery,
  signTencent,
  signVolcengine,
  signZego,
  startHarnessServer,
  vendorRequest,
} from "./harness.js";
import { endpoints } from "../../schemas/registry.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startHarnessServer({ mock: { auth: { mode: "verify" }, rateLimits: false } });
});
afterAll(() => server.close());

describe("the test harness", () => {
  it.each(endpoints.map((endpoint) => endpoint.id))("%s: the signed example succeeds over HTTP and through the engine", async (id) => {
    const example = exampleRequest(id);
    const signed = id.startsWith("volcengine")
      ? signVolcengine(example)
      : id.startsWith("tencent")
        ? signTencent(example)
        : signZego(example);
    const reply = await send(server, signed);
    expect(reply.status, reply.text).toBe(200);
    expect(errorCodeOf(reply), reply.text).toBeUndefined();
    const engine = createMockEngine({ seed: 1, clock: frozenAt(), auth: { mode: "verify" } });
    expect(errorCodeOf(handle(engine, signed))).toBeUndefined();
    // Unsigned, verify mode refuses it.
    expect(errorCodeOf(await send(server, example))).toBeDefined();
  });

  it("overrides body fields, query parameters and headers without touching the rest", () => {
    const request = vendorRequest("tencent.DescribeRoomStatistics", {
      fields: { Limit: 5, Page: undefined },
      headers: { "X-TC-Version": undefined },
    });
    expect(JSON.parse(request.body as string)).toEqual({ RoomId: 10004, Limit: 5 });
    expect(request.headers["x-tc-version"]).toBeUndefined();
    expect(setQuery("/?Action=A&Metrics[]=a&Metrics[]=b&EndTs=1", { "Metrics[]": ["c"], EndTs: null, New: "x y" })).toBe(
      "/?Action=A&Metrics[]=c&New=x%20y",
    );
    expect(exampleRequest("zego.GetRealtimeUsage", T0).path).toContain(`EndTs=${T0}`);
  });
});
