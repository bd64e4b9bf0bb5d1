import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeRoomStatisticsResponse, TencentErrorResponse } from "../../schemas/tencent/index.js";
import type { RunningServer } from "../../server/start-server.js";
import {
  changed,
  roomStatisticsGet,
  roomStatisticsRequest,
  send,
  startHarnessServer,
  tencentResponse,
  type VendorRequest,
} from "../support/harness.js";

/** A listening fake on 127.0.0.1 with the harness's frozen clock (T0). */
type Fake = RunningServer;

/** The Tencent error code of a reply over HTTP (undefined: success), after checking HTTP 200. */
async function code(fake: Fake, request: VendorRequest = roomStatisticsRequest()): Promise<string | undefined> {
  return tencentResponse(await send(fake, request)).Error?.Code;
}

const asKey = (id: string) =>
  roomStatisticsRequest({
    headers: {
      authorization: `TC3-HMAC-SHA256 Credential=${id}/2024-03-01/lcic/tc3_request, SignedHeaders=content-type;host, Signature=${"0".repeat(64)}`,
    },
  });

describe("Tencent over HTTP: success bodies and determinism", () => {
  let fake: Fake;
  beforeAll(async () => {
    fake = await startHarnessServer({ mock: { rateLimits: false } });
  });
  afterAll(() => fake.close());

  it("success bodies pass the response schema for every statistics room and page size", async () => {
    for (const body of [
      { RoomId: 1, Page: 1, Limit: 1 },
      { RoomId: 1, Page: 1, Limit: 1000 },
      { RoomId: 1, Page: 5, Limit: 10 },
      { RoomId: 10004, Page: 2, Limit: 1000 },
      { RoomId: 10005, Page: 1, Limit: 20 },
    ]) {
      const reply = await send(fake, roomStatisticsRequest({ body }));
      expect(reply.status).toBe(200);
      expect(reply.headers["content-type"]).toBe("application/json");
      const parsed = DescribeRoomStatisticsResponse.parse(JSON.parse(reply.text));
      expect(parsed.Response.MemberRecords.length).toBe(
        Math.max(0, Math.min(body.Limit, parsed.Response.Total - (body.Page - 1) * body.Limit)),
      );
    }
  });

  it("error bodies pass the error schema", async () => {
    const reply = await send(fake, roomStatisticsRequest({ body: '{"RoomId":10001,"Page":1,"Limit":1}' }));
    expect(TencentErrorResponse.parse(JSON.parse(reply.text)).Response.Error.Code).toBe("FailedOperation.RoomNotEnd");
  });

  it("same seed, same requests → same bytes; another seed → other bytes", async () => {
    const script = async (f: Fake) => {
      const out: string[] = [];
      for (const body of ['{"RoomId":1,"Page":1,"Limit":50}', '{"RoomId":404,"Page":1,"Limit":1}', '{"RoomId":10004,"Page":3,"Limit":100}'])
        out.push((await send(f, roomStatisticsRequest({ body }))).text);
      return out;
    };
    const a = await startHarnessServer({ mock: { seed: 7 } });
    const b = await startHarnessServer({ mock: { seed: 7 } });
    const c = await startHarnessServer({ mock: { seed: 8 } });
    try {
      const [ra, rb, rc] = [await script(a), await script(b), await script(c)];
      expect(rb).toEqual(ra);
      expect(rc[0]).not.toEqual(ra[0]);
      // The same bytes come back after a reset (request ids restart too).
      a.engine.reset();
      expect(await script(a)).toEqual(ra);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});

describe("Tencent over HTTP: rate limit 20/s on a frozen clock", () => {
  let fake: Fake;
  beforeAll(async () => {
    fake = await startHarnessServer();
  });
  afterAll(() => fake.close());

  it("throttles the 21st request of a SecretId, not another SecretId's, and recovers in the next second", async () => {
    const codes = [];
    for (let i = 0; i < 21; i++) codes.push(await code(fake, asKey("AKIDone")));
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(codes[20]).toBe("RequestLimitExceeded");
    const reply = JSON.parse((await send(fake, asKey("AKIDone"))).text) as { Response: { Error: { Message: string } } };
    expect(reply.Response.Error.Message).toBe(
      "Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.",
    );
    for (let i = 0; i < 20; i++) expect(await code(fake, asKey("AKIDtwo"))).toBeUndefined();
    fake.engine.clock.advance(1_000);
    expect(await code(fake, asKey("AKIDone"))).toBeUndefined();
  });

  it("can be switched off at run time and when building the server", async () => {
    fake.engine.clock.advance(1_000);
    fake.engine.setRateLimits(false);
    for (let i = 0; i < 40; i++) expect(await code(fake, asKey("AKIDthree"))).toBeUndefined();
    fake.engine.setRateLimits(true);
    const off = await startHarnessServer({ mock: { rateLimits: false } });
    try {
      for (let i = 0; i < 40; i++) expect(await code(off)).toBeUndefined();
    } finally {
      await off.close();
    }
  });
});

describe("Tencent over HTTP: bad input never yields a 500", () => {
  let fake: Fake;
  beforeAll(async () => {
    fake = await startHarnessServer({ mock: { rateLimits: false }, bodyLimit: 64 * 1024 });
  });
  afterAll(() => fake.close());

  const cases: [string, VendorRequest, string][] = [
    ["PUT", roomStatisticsRequest({ method: "PUT" }), "UnsupportedProtocol"],
    ["PATCH", roomStatisticsRequest({ method: "PATCH" }), "UnsupportedProtocol"],
    ["unknown action", roomStatisticsRequest({ headers: { "x-tc-action": "DescribeRoom" } }), "InvalidAction"],
    ["unknown version", roomStatisticsRequest({ headers: { "x-tc-version": "2017-03-12" } }), "NoSuchVersion"],
    ["missing version", roomStatisticsRequest({ headers: { "x-tc-version": undefined } }), "MissingParameter"],
    ["invalid JSON", roomStatisticsRequest({ body: "{RoomId:1}" }), "InvalidParameter"],
    ["wrong content type", roomStatisticsRequest({ headers: { "content-type": "text/plain" } }), "InvalidParameter"],
    ["missing field", roomStatisticsRequest({ body: '{"RoomId":1,"Page":1}' }), "MissingParameter"],
    ["extra field", roomStatisticsRequest({ body: '{"RoomId":1,"Page":1,"Limit":1,"SdkAppId":3}' }), "UnknownParameter"],
    ["mistyped field", roomStatisticsRequest({ body: '{"RoomId":1,"Page":"1","Limit":1}' }), "InvalidParameter"],
    ["Limit above 1000", roomStatisticsRequest({ body: '{"RoomId":1,"Page":1,"Limit":5000}' }), "InvalidParameterValue"],
    ["GET with a bad query", roomStatisticsGet("RoomId=1&Page=0&Limit=1"), "InvalidParameterValue"],
  ];
  for (const [name, init, expected] of cases) {
    it(`${name} → ${expected}`, async () => {
      expect(await code(fake, init)).toBe(expected);
    });
  }

  it("an oversized body (over the server's bodyLimit) → RequestSizeLimitExceeded in the Tencent envelope", async () => {
    const body = JSON.stringify({ RoomId: 1, Page: 1, Limit: 1, Pad: "x".repeat(100 * 1024) });
    const reply = await send(fake, roomStatisticsRequest({ body }));
    expect(reply.status).toBe(200);
    expect(TencentErrorResponse.parse(JSON.parse(reply.text)).Response.Error.Code).toBe("RequestSizeLimitExceeded");
  });

  it("verify mode over HTTP: a request signed with signTencentRequest passes, a tampered one fails", async () => {
    const verify = await startHarnessServer({ mock: { auth: { mode: "verify" } } });
    try {
      const body = '{"RoomId":1,"Page":1,"Limit":2}';
      const signed = roomStatisticsRequest({ body, sign: true });
      expect(await code(verify, signed)).toBeUndefined();
      expect(await code(verify, changed(signed, { body: body.replace("2", "3") }))).toBe("AuthFailure.SignatureFailure");
    } finally {
      await verify.close();
    }
  });
});
