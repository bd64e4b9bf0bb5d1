import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClock } from "../../mocks/core/clock.js";
import type { MockEngine } from "../../mocks/core/engine.js";
import { endpoints } from "../../schemas/registry.js";
import { buildServer } from "../../server/app.js";
import { controlRoutes } from "../../server/control/control-api.js";
import { endedRoomSpec, manualTime } from "../support/harness.js";

/** Mock time of these tests: 2025-06-15T12:00:00Z, frozen. */
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

let app: FastifyInstance;
let engine: MockEngine;
/** Real time as the clock sees it: moves only when a test says so. */
let time: ReturnType<typeof manualTime>;

beforeEach(async () => {
  time = manualTime(Date.now());
  ({ app, engine } = buildServer({
    mock: { seed: 11, clock: createClock({ start: NOW, frozen: true }, time.now), faults: [{ kind: "latency", ms: 1, vendor: "zego" }] },
  }));
  await app.ready();
});

afterEach(async () => {
  await app.close();
});

/** Calls the control API in-process and parses the JSON answer. */
async function call(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown) {
  const response = await app.inject({
    method,
    url: `/__mock${path}`,
    ...(body === undefined
      ? {}
      : { payload: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  const json = response.body === "" ? undefined : (JSON.parse(response.body) as Record<string, unknown>);
  return { status: response.statusCode, json: json as any, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Asserts a 400 whose message mentions `fragment`. */
async function expect400(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body: unknown, fragment: string | RegExp) {
  const { status, json } = await call(method, path, body);
  expect(status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
  expect(json.error.status).toBe(400);
  expect(json.error.message).toMatch(fragment);
}

describe("control API: health, index, reset", () => {
  it("reports health with seed, auth mode, rate-limit switch, clock and the registry's endpoints", async () => {
    const { status, json } = await call("GET", "/health");
    expect(status).toBe(200);
    expect(json).toMatchObject({
      status: "ok",
      seed: 11,
      auth: "off",
      rateLimits: true,
      clock: { now: NOW, iso: "2025-06-15T12:00:00.000Z", frozen: true },
    });
    expect(json.endpoints).toEqual(endpoints.map((endpoint) => endpoint.id));
    expect(json.endpoints).toHaveLength(8);
  });

  it("lists every control route at /__mock and /__mock/", async () => {
    for (const path of ["", "/"]) {
      const { status, json } = await call("GET", path);
      expect(status).toBe(200);
      const listed = (json.routes as { method: string; path: string }[]).map((route) => `${route.method} ${route.path}`);
      expect(listed).toEqual(controlRoutes.map((route) => `${route.method} /__mock${route.path}`));
      expect(json.docs).toBe("/__mock/docs/");
    }
  });

  it("reset brings back the clock, the configured faults, the seeded rooms and an empty journal", async () => {
    await call("POST", "/clock", { advance: "3h", unfreeze: true });
    await call("DELETE", "/faults");
    await call("POST", "/faults", { kind: "http", status: 503 });
    await call("POST", "/rooms", endedRoomSpec(NOW, 777_001));
    await app.inject({ method: "GET", url: "/?Action=GetRealtimeUsage&AppId=1" });
    expect(engine.journal.entries()).toHaveLength(1);

    const { status, json } = await call("POST", "/reset");
    expect(status).toBe(200);
    expect(json).toEqual({
      reset: true,
      clock: { now: NOW, iso: "2025-06-15T12:00:00.000Z", frozen: true },
      clockReset: "frozen-at-start",
    });
    expect((await call("GET", "/faults")).json.faults).toEqual([{ kind: "latency", ms: 1, vendor: "zego", id: expect.any(String) }]);
    expect((await call("GET", "/rooms/777001")).status).toBe(404);
    expect((await call("GET", "/rooms/1")).status).toBe(200);
    expect(engine.journal.entries()).toHaveLength(0);
  });
});

describe("control API: clock", () => {
  it("reads the clock", async () => {
    expect((await call("GET", "/clock")).json).toEqual({ now: NOW, iso: "2025-06-15T12:00:00.000Z", frozen: true });
  });

  it("sets, advances (ms or text with a unit), freezes and unfreezes", async () => {
    expect((await call("POST", "/clock", { set: "2024-01-01T00:00:00Z" })).json).toMatchObject({
      iso: "2024-01-01T00:00:00.000Z",
      frozen: true,
    });
    expect((await call("POST", "/clock", { advance: "90s" })).json.iso).toBe("2024-01-01T00:01:30.000Z");
    expect((await call("POST", "/clock", { advance: 500 })).json.iso).toBe("2024-01-01T00:01:30.500Z");
    expect((await call("POST", "/clock", { advance: "-1h" })).json.iso).toBe("2023-12-31T23:01:30.500Z");
    expect((await call("POST", "/clock", { advance: "1d" })).json.iso).toBe("2024-01-01T23:01:30.500Z");
    expect((await call("POST", "/clock", { set: 1_700_000_000_000 })).json.now).toBe(1_700_000_000_000);

    const running = await call("POST", "/clock", { unfreeze: true });
    expect(running.json.frozen).toBe(false);
    expect(engine.clock.frozen).toBe(false);
    time.advance(30);
    expect(engine.clock.now()).toBe(1_700_000_000_030);

    const frozen = await call("POST", "/clock", { freeze: "2025-01-02T03:04:05Z" });
    expect(frozen.json).toEqual({ now: Date.UTC(2025, 0, 2, 3, 4, 5), iso: "2025-01-02T03:04:05.000Z", frozen: true });
    expect((await call("POST", "/clock", { set: "2025-01-02T00:00:00Z", freeze: true })).json).toMatchObject({
      iso: "2025-01-02T00:00:00.000Z",
      frozen: true,
    });
  });

  it("rejects invalid clock commands with 400 and leaves the clock alone", async () => {
    await expect400("POST", "/clock", {}, /at least one of set, advance, freeze, unfreeze/);
    await expect400("POST", "/clock", { freeze: true, unfreeze: true }, /cannot be combined/);
    await expect400("POST", "/clock", { set: "yesterday-ish" }, /Invalid time/);
    await expect400("POST", "/clock", { set: 1e20 }, /the clock.s range is|Invalid body/);
    await expect400("POST", "/clock", { set: "2024-01-01T00:00:00Z", advance: "5 minutes" }, /advance/);
    await expect400("POST", "/clock", { advance: 9e15 }, /out of its range/);
    await expect400("POST", "/clock", { freeze: false }, /freeze/);
    await expect400("POST", "/clock", { warp: 9 }, /warp|Unrecognized/i);
    await expect400("POST", "/clock", "{not json", /not valid JSON/);
    await expect400("POST", "/clock", "[1,2]", /Invalid body/);
    const empty = await app.inject({ method: "POST", url: "/__mock/clock" });
    expect(empty.statusCode).toBe(400);
    expect(JSON.parse(empty.body).error.message).toMatch(/needs a JSON body/);
    expect(engine.clock.now()).toBe(NOW);
  });
});

describe("control API: faults", () => {
  it("adds, lists and removes fault rules", async () => {
    const added = await call("POST", "/faults", {
      kind: "error",
      vendor: "tencent",
      action: "DescribeRoomStatistics",
      code: "InternalError",
      times: 2,
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ kind: "error", vendor: "tencent", code: "InternalError", times: 2, remaining: 2 });
    const id = added.json.id as string;
    const drop = await call("POST", "/faults", { kind: "drop", vendor: "zego", probability: 0.25 });
    expect(drop.status).toBe(201);

    const listed = (await call("GET", "/faults")).json.faults as { id: string }[];
    expect(listed.map((rule) => rule.id)).toEqual([expect.any(String), id, drop.json.id]);

    expect((await call("DELETE", `/faults/${id}`)).status).toBe(204);
    expect((await call("DELETE", `/faults/${id}`)).status).toBe(404);
    expect((await call("GET", "/faults")).json.faults).toHaveLength(2);
    expect((await call("DELETE", "/faults")).status).toBe(204);
    expect((await call("GET", "/faults")).json.faults).toEqual([]);
  });

  it("rejects invalid fault specs with 400 and a reason", async () => {
    await expect400("POST", "/faults", { kind: "explode" }, /kind/);
    await expect400("POST", "/faults", { kind: "error", vendor: "volcengine" }, /code/);
    await expect400("POST", "/faults", { kind: "error", vendor: "volcengine", code: "NoSuchCode" }, /not in the volcengine error catalog/);
    await expect400("POST", "/faults", { kind: "error", code: "InternalError" }, /need a vendor/);
    await expect400("POST", "/faults", { kind: "latency", ms: 10, action: "ListRealTimeQuality" }, /action needs its vendor/);
    await expect400(
      "POST",
      "/faults",
      { kind: "latency", ms: 10, vendor: "zego", action: "ListRealTimeQuality" },
      /zego has no action "ListRealTimeQuality" \(known: GetRealtimeUsage\)/,
    );
    await expect400("POST", "/faults", { kind: "latency", ms: 70_000 }, /ms/);
    await expect400("POST", "/faults", { kind: "latency", ms: -1 }, /ms/);
    await expect400("POST", "/faults", { kind: "http", status: 200 }, /status/);
    await expect400("POST", "/faults", { kind: "drop", times: 0 }, /times/);
    await expect400("POST", "/faults", { kind: "drop", times: 1.5 }, /times/);
    await expect400("POST", "/faults", { kind: "drop", probability: 2 }, /probability/);
    await expect400("POST", "/faults", { kind: "drop", vendor: "agora" }, /vendor/);
    await expect400("POST", "/faults", { kind: "drop", extra: true }, /extra|Unrecognized/i);
    await expect400("POST", "/faults", "nope", /not valid JSON/);
    expect(engine.faults.list()).toHaveLength(1);
  });
});

describe("control API: rooms", () => {
  it("lists the seeded rooms, adds, reads and removes one", async () => {
    const seeded = (await call("GET", "/rooms")).json.rooms as { roomId: number }[];
    expect(seeded.map((room) => room.roomId)).toEqual(expect.arrayContaining([1, 10001, 10002, 10003, 10004, 10005]));

    const added = await call("POST", "/rooms", endedRoomSpec(NOW, 555_001));
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ roomId: 555_001, state: "ended", memberCount: 12, absentCount: 2 });

    const read = await call("GET", "/rooms/555001");
    expect(read.status).toBe(200);
    expect(read.json.roomId).toBe(555_001);
    expect(((await call("GET", "/rooms")).json.rooms as unknown[]).length).toBe(seeded.length + 1);

    expect((await call("DELETE", "/rooms/555001")).status).toBe(204);
    expect((await call("GET", "/rooms/555001")).status).toBe(404);
    expect((await call("DELETE", "/rooms/555001")).status).toBe(404);
  });

  it("answers 400 with the registry's own message for an invalid room, and for a bad room id", async () => {
    const start = Math.floor(NOW / 1000);
    await expect400("POST", "/rooms", { startTime: start, endTime: start - 10 }, /endTime/);
    await expect400("POST", "/rooms", { startTime: start, endTime: start + 10, colour: "blue" }, /colour/);
    await expect400("POST", "/rooms", "[]", /.+/);
    await expect400("GET", "/rooms/abc", undefined, /room ids are positive integers/);
    await expect400("DELETE", "/rooms/-4", undefined, /room ids are positive integers/);
    const empty = await app.inject({ method: "POST", url: "/__mock/rooms" });
    expect(empty.statusCode).toBe(400);
  });
});

describe("control API: journal, rate limits, OpenAPI, unknown routes", () => {
  it("returns the journal, newest N and filtered by vendor, and empties it", async () => {
    await app.inject({ method: "GET", url: "/?Action=GetRealtimeUsage&AppId=1" });
    await app.inject({
      method: "POST",
      url: "/?Action=ListRealTimeQuality&Version=2020-12-01",
      payload: "{}",
      headers: { "content-type": "application/json" },
    });
    await app.inject({ method: "GET", url: "/?Action=GetRealtimeUsage&AppId=2" });

    const all = await call("GET", "/journal");
    expect(all.json.capacity).toBe(200);
    expect((all.json.entries as { vendor: string }[]).map((entry) => entry.vendor)).toEqual(["zego", "volcengine", "zego"]);
    expect((await call("GET", "/journal?limit=1")).json.entries).toMatchObject([
      { seq: 3, vendor: "zego", path: "/?Action=GetRealtimeUsage&AppId=2" },
    ]);
    expect((await call("GET", "/journal?vendor=volcengine")).json.entries).toMatchObject([{ action: "ListRealTimeQuality" }]);
    expect((await call("GET", "/journal?action=GetRealtimeUsage&limit=5")).json.entries).toHaveLength(2);

    await expect400("GET", "/journal?limit=0", undefined, /limit/);
    await expect400("GET", "/journal?limit=many", undefined, /limit/);
    await expect400("GET", "/journal?vendor=agora", undefined, /vendor/);
    await expect400("GET", "/journal?colour=blue", undefined, /colour|Unrecognized/i);

    expect((await call("DELETE", "/journal")).status).toBe(204);
    expect((await call("GET", "/journal")).json.entries).toEqual([]);
  });

  it("switches rate limits", async () => {
    expect((await call("GET", "/rate-limits")).json).toEqual({ enabled: true });
    expect((await call("PUT", "/rate-limits", { enabled: false })).json).toEqual({ enabled: false });
    expect(engine.options.rateLimits).toBe(false);
    expect((await call("GET", "/health")).json.rateLimits).toBe(false);
    await expect400("PUT", "/rate-limits", { enabled: "no" }, /enabled/);
    await expect400("PUT", "/rate-limits", {}, /enabled/);
    expect(engine.options.rateLimits).toBe(false);
  });

  it("serves each vendor's OpenAPI document and 404s unknown ones", async () => {
    for (const vendor of ["volcengine", "zego", "tencent"]) {
      const { status, json, headers } = await call("GET", `/openapi/${vendor}.json`);
      expect(status).toBe(200);
      expect(headers["content-type"]).toMatch(/application\/json/);
      expect(json.openapi).toBe("3.1.0");
      expect(Object.keys(json.paths)).toHaveLength(endpoints.filter((endpoint) => endpoint.vendor === vendor).length);
      expect(json.servers[0]).toEqual({ url: "/", description: "This fake server" });
    }
    const unknown = await call("GET", "/openapi/agora.json");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toMatch(/known: volcengine.json, zego.json, tencent.json/);
    expect((await call("GET", "/openapi/zego.yaml")).status).toBe(404);
  });

  it("keeps the whole /__mock prefix for itself: 404 for unknown routes, 405 with Allow for wrong methods", async () => {
    const unknown = await call("GET", "/nothing-here");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toMatch(/No control route GET \/__mock\/nothing-here/);
    const wrongMethod = await call("DELETE", "/clock");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe("GET, POST");
    const wrongRoomMethod = await call("PUT", "/rooms/1", {});
    expect(wrongRoomMethod.status).toBe(405);
    expect(wrongRoomMethod.headers.allow).toBe("GET, DELETE");
    // A trailing slash names the same route.
    expect((await call("GET", "/faults/")).json.faults).toHaveLength(1);
    // Nothing under the prefix reached the engine.
    expect(engine.journal.entries()).toHaveLength(0);
  });

  it("answers an oversized control body with a 413 in the control API's format", async () => {
    const { app: small } = buildServer({ bodyLimit: 2_048 });
    const response = await small.inject({
      method: "POST",
      url: "/__mock/faults",
      payload: JSON.stringify({ kind: "http", status: 500, body: "x".repeat(4_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ error: { status: 413, message: expect.stringMatching(/too large/i) } });
    await small.close();
  });
});
