import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeRoomStatisticsResponse, TencentErrorResponse, signTencentRequest } from "../../schemas/tencent/index.js";
import { buildServer, type ServerOptions } from "../../server/app.js";
import { START_MS, demo } from "./support.js";

const LCIC_HEADERS = { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": "2022-08-17" };

/** A listening fake on 127.0.0.1 with a frozen clock, plus a raw HTTP client for it. */
async function start(options: ServerOptions = {}) {
  const { app, engine } = buildServer({ ...options, mock: { clock: { start: START_MS, frozen: true }, ...options.mock } });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const send = async (init: { method?: string; body?: string; headers?: Record<string, string | undefined>; path?: string } = {}) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...LCIC_HEADERS, ...init.headers })) if (value !== undefined) headers[name] = value;
    const method = init.method ?? "POST";
    const response = await fetch(`${base}${init.path ?? "/"}`, {
      method,
      headers,
      ...(method === "GET" || method === "HEAD" ? {} : { body: init.body ?? '{"RoomId":1,"Page":1,"Limit":10}' }),
    });
    return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
  };
  const code = async (init: Parameters<typeof send>[0] = {}) => {
    const reply = await send(init);
    expect(reply.status).toBe(200);
    return (JSON.parse(reply.text) as { Response: { Error?: { Code: string } } }).Response.Error?.Code;
  };
  return { app, engine, base, send, code };
}

type Fake = Awaited<ReturnType<typeof start>>;
const asKey = (id: string) => ({
  authorization: `TC3-HMAC-SHA256 Credential=${id}/2025-03-01/lcic/tc3_request, SignedHeaders=content-type;host, Signature=${"0".repeat(64)}`,
});

describe("Tencent over HTTP: success bodies and determinism", () => {
  let fake: Fake;
  beforeAll(async () => {
    fake = await start({ mock: { rateLimits: false } });
  });
  afterAll(() => fake.app.close());

  it("success bodies pass the response schema for every statistics room and page size", async () => {
    for (const body of [
      { RoomId: 1, Page: 1, Limit: 1 },
      { RoomId: 1, Page: 1, Limit: 1000 },
      { RoomId: 1, Page: 5, Limit: 10 },
      { RoomId: 10004, Page: 2, Limit: 1000 },
      { RoomId: 10005, Page: 1, Limit: 20 },
    ]) {
      const reply = await fake.send({ body: JSON.stringify(body) });
      expect(reply.status).toBe(200);
      expect(reply.contentType).toBe("application/json");
      const parsed = DescribeRoomStatisticsResponse.parse(JSON.parse(reply.text));
      expect(parsed.Response.MemberRecords.length).toBe(
        Math.max(0, Math.min(body.Limit, parsed.Response.Total - (body.Page - 1) * body.Limit)),
      );
    }
  });

  it("error bodies pass the error schema", async () => {
    const reply = await fake.send({ body: '{"RoomId":10001,"Page":1,"Limit":1}' });
    expect(TencentErrorResponse.parse(JSON.parse(reply.text)).Response.Error.Code).toBe("FailedOperation.RoomNotEnd");
  });

  it("same seed, same requests → same bytes; another seed → other bytes", async () => {
    const script = async (f: Fake) => {
      const out: string[] = [];
      for (const body of ['{"RoomId":1,"Page":1,"Limit":50}', '{"RoomId":404,"Page":1,"Limit":1}', '{"RoomId":10004,"Page":3,"Limit":100}'])
        out.push((await f.send({ body })).text);
      return out;
    };
    const a = await start({ mock: { seed: 7 } });
    const b = await start({ mock: { seed: 7 } });
    const c = await start({ mock: { seed: 8 } });
    try {
      const [ra, rb, rc] = [await script(a), await script(b), await script(c)];
      expect(rb).toEqual(ra);
      expect(rc[0]).not.toEqual(ra[0]);
      // The same bytes come back after a reset (request ids restart too).
      a.engine.reset();
      expect(await script(a)).toEqual(ra);
    } finally {
      await Promise.all([a.app.close(), b.app.close(), c.app.close()]);
    }
  });
});

describe("Tencent over HTTP: rate limit 20/s on a frozen clock", () => {
  let fake: Fake;
  beforeAll(async () => {
    fake = await start();
  });
  afterAll(() => fake.app.close());

  it("throttles the 21st request of a SecretId, not another SecretId's, and recovers in the next second", async () => {
    const codes = [];
    for (let i = 0; i < 21; i++) codes.push(await fake.code({ headers: asKey("AKIDone") }));
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(codes[20]).toBe("RequestLimitExceeded");
    const reply = JSON.parse((await fake.send({ headers: asKey("AKIDone") })).text) as { Response: { Error: { Message: string } } };
    expect(reply.Response.Error.Message).toBe(
      "Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.",
    );
    for (let i = 0; i < 20; i++) expect(await fake.code({ headers: asKey("AKIDtwo") })).toBeUndefined();
    fake.engine.clock.advance(1_000);
    expect(await fake.code({ headers: asKey("AKIDone") })).toBeUndefined();
  });

  it("can be switched off at run time and when building the server", async () => {
    fake.engine.clock.advance(1_000);
    fake.engine.setRateLimits(false);
    for (let i = 0; i < 40; i++) expect(await fake.code({ headers: asKey("AKIDthree") })).toBeUndefined();
    fake.engine.setRateLimits(true);
    const off = await start({ mock: { rateLimits: false } });
    try {
      for (let i = 0; i < 40; i++) expect(await off.code()).toBeUndefined();
    } finally {
      await off.app.close();
    }
  });
});

describe("Tencent over HTTP: bad input never yields a 500", () => {
  let fake: Fake;
  beforeAll(async () => {
    fake = await start({ mock: { rateLimits: false }, bodyLimit: 64 * 1024 });
  });
  afterAll(() => fake.app.close());

  const cases: [string, Parameters<Fake["send"]>[0], string][] = [
    ["PUT", { method: "PUT" }, "UnsupportedProtocol"],
    ["PATCH", { method: "PATCH" }, "UnsupportedProtocol"],
    ["unknown action", { headers: { "x-tc-action": "DescribeRoom" } }, "InvalidAction"],
    ["unknown version", { headers: { "x-tc-version": "2017-03-12" } }, "NoSuchVersion"],
    ["missing version", { headers: { "x-tc-version": undefined } }, "MissingParameter"],
    ["invalid JSON", { body: "{RoomId:1}" }, "InvalidParameter"],
    ["wrong content type", { headers: { "content-type": "text/plain" } }, "InvalidParameter"],
    ["missing field", { body: '{"RoomId":1,"Page":1}' }, "MissingParameter"],
    ["extra field", { body: '{"RoomId":1,"Page":1,"Limit":1,"SdkAppId":3}' }, "UnknownParameter"],
    ["mistyped field", { body: '{"RoomId":1,"Page":"1","Limit":1}' }, "InvalidParameter"],
    ["Limit above 1000", { body: '{"RoomId":1,"Page":1,"Limit":5000}' }, "InvalidParameterValue"],
    ["GET with a bad query", { method: "GET", path: "/?RoomId=1&Page=0&Limit=1" }, "InvalidParameterValue"],
  ];
  for (const [name, init, expected] of cases) {
    it(`${name} → ${expected}`, async () => {
      expect(await fake.code(init)).toBe(expected);
    });
  }

  it("an oversized body (over the server's bodyLimit) → RequestSizeLimitExceeded in the Tencent envelope", async () => {
    const body = JSON.stringify({ RoomId: 1, Page: 1, Limit: 1, Pad: "x".repeat(100 * 1024) });
    const reply = await fake.send({ body });
    expect(reply.status).toBe(200);
    expect(TencentErrorResponse.parse(JSON.parse(reply.text)).Response.Error.Code).toBe("RequestSizeLimitExceeded");
  });

  it("verify mode over HTTP: a request signed with signTencentRequest passes, a tampered one fails", async () => {
    const verify = await start({ mock: { auth: { mode: "verify" }, clock: { start: Date.now(), frozen: true } } });
    try {
      const url = new URL(`${verify.base}/`);
      const body = '{"RoomId":1,"Page":1,"Limit":2}';
      const timestamp = Math.floor(verify.engine.clock.now() / 1000);
      const signed = signTencentRequest({ method: "POST", url, headers: { "Content-Type": "application/json" }, body, ...demo, timestamp });
      const headers = { authorization: signed.Authorization, "x-tc-timestamp": signed["X-TC-Timestamp"] };
      expect(await verify.code({ body, headers })).toBeUndefined();
      expect(await verify.code({ body: body.replace("2", "3"), headers })).toBe("AuthFailure.SignatureFailure");
    } finally {
      await verify.app.close();
    }
  });
});
