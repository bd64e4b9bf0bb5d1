import http from "node:http";
import type { AddressInfo } from "node:net";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { MockEngine } from "../../mocks/core/engine.js";
import { DescribeRoomStatisticsResponse } from "../../schemas/tencent/describe-room-statistics.js";
import { buildServer, type ServerOptions } from "../../server/app.js";
import { tencentDemo as demo } from "../support/harness.js";

// The SDK routes through http_proxy when it has no agent; these tests must only ever reach 127.0.0.1.
const PROXY_VARS = ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"];
const savedProxy = new Map(PROXY_VARS.map((name) => [name, process.env[name]]));
for (const name of PROXY_VARS) delete process.env[name];
afterAll(() => {
  for (const [name, value] of savedProxy) if (value !== undefined) process.env[name] = value;
});

/** An agent that resolves every host name to 127.0.0.1, so the SDK can use the production endpoint name. */
function loopbackAgent(): http.Agent {
  const lookup = (_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
    else callback(null, "127.0.0.1", 4);
  };
  return new http.Agent({ lookup } as unknown as http.AgentOptions);
}

interface SdkError {
  code?: string;
  httpCode?: number;
  requestId?: string;
  message: string;
}

/** A running fake server plus SDK clients pointed at it. */
async function startServer(mock: ServerOptions["mock"]) {
  const { app, engine } = buildServer({ mock });
  const authorizations: string[] = [];
  app.addHook("onRequest", (req, _reply, done) => {
    authorizations.push(String(req.headers.authorization));
    done();
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const client = (
    options: {
      credential?: { secretId: string; secretKey: string };
      endpoint?: string;
      reqMethod?: "POST" | "GET";
      agent?: http.Agent;
    } = {},
  ) =>
    new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
      credential: options.credential ?? demo,
      profile: {
        httpProfile: {
          endpoint: options.endpoint ?? `127.0.0.1:${port}`,
          protocol: "http://",
          reqMethod: options.reqMethod ?? "POST",
          agent: options.agent ?? new http.Agent(),
          reqTimeout: 10,
        },
      },
    });
  return { app, engine, port, client, authorizations };
}

type Server = Awaited<ReturnType<typeof startServer>>;

const stats = (c: CommonClient, body: Record<string, unknown>) =>
  c.request("DescribeRoomStatistics", body) as Promise<Record<string, unknown>>;
const failure = async (promise: Promise<unknown>): Promise<SdkError> => {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error("expected the SDK to throw");
};

for (const mode of ["off", "verify"] as const) {
  describe(`official Node SDK (CommonClient) against the fake, auth ${mode}`, () => {
    let server: Server;
    beforeAll(async () => {
      server = await startServer({ auth: { mode }, rateLimits: false });
    });
    afterAll(() => server.app.close());

    it("gets statistics that pass the response schema", async () => {
      const data = await stats(server.client(), { RoomId: 1, Page: 1, Limit: 10 });
      const parsed = DescribeRoomStatisticsResponse.parse({ Response: data });
      expect(parsed.Response.MemberRecords).toHaveLength(10);
      expect(parsed.Response.Total).toBe(30);
      expect(server.authorizations.at(-1)).toMatch(
        /^TC3-HMAC-SHA256 Credential=AKIDdemo\w+\/\d{4}-\d{2}-\d{2}\/127\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
      );
    });

    it("pages through a large room: two pages of 1000 and 500, an empty third with the same Total", async () => {
      const c = server.client();
      const pages = await Promise.all([1, 2, 3].map((Page) => stats(c, { RoomId: 10004, Page, Limit: 1000 })));
      expect(pages.map((p) => (p.MemberRecords as unknown[]).length)).toEqual([1000, 500, 0]);
      expect(pages.map((p) => p.Total)).toEqual([1500, 1500, 1500]);
      const ids = pages.flatMap((p) => (p.MemberRecords as { UserId: string }[]).map((m) => m.UserId));
      expect(new Set(ids).size).toBe(1500);
    });

    it("works with reqMethod GET (query parameters, signed query string)", async () => {
      const data = await stats(server.client({ reqMethod: "GET" }), { RoomId: 1, Page: 2, Limit: 7 });
      expect((data.MemberRecords as unknown[]).length).toBe(7);
    });

    it("surfaces lifecycle errors as TencentCloudSDKHttpException.code with the RequestId", async () => {
      const c = server.client();
      for (const [RoomId, code] of [
        [10001, "FailedOperation.RoomNotEnd"],
        [10002, "FailedOperation.RoomNotEnd"],
        [10003, "ResourceUnavailable.RoomStatistics"],
        [404, "ResourceNotFound.Room"],
      ] as const) {
        const error = await failure(stats(c, { RoomId, Page: 1, Limit: 1 }));
        expect(error.code).toBe(code);
        expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it("surfaces parameter errors the same way", async () => {
      const c = server.client();
      expect((await failure(stats(c, { RoomId: 1, Page: 1, Limit: 1001 }))).code).toBe("InvalidParameterValue");
      expect((await failure(stats(c, { RoomId: 1, Page: 1 }))).code).toBe("MissingParameter");
      const unknown = await failure(stats(c, { RoomId: 1, Page: 1, Limit: 1, Offset: 0 }));
      expect(unknown).toMatchObject({ code: "UnknownParameter", message: "The parameter `Offset` is not recognized." });
      expect((await failure(c.request("DescribeRoom", { RoomId: 1 }))).code).toBe("InvalidAction");
    });
  });
}

describe("official Node SDK: the room lifecycle over time", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer({ rateLimits: false });
  });
  afterAll(() => server.app.close());

  it("RoomNotEnd while live, RoomStatistics right after the end, then statistics", async () => {
    const now = Math.floor(server.engine.clock.now() / 1000);
    server.engine.backends.tencent.rooms.add({ roomId: 31337, startTime: now - 600, endTime: now + 600, memberCount: 15, absentCount: 2 });
    const c = server.client();
    expect((await failure(stats(c, { RoomId: 31337, Page: 1, Limit: 50 }))).code).toBe("FailedOperation.RoomNotEnd");
    server.engine.clock.advance(601_000);
    expect((await failure(stats(c, { RoomId: 31337, Page: 1, Limit: 50 }))).code).toBe("ResourceUnavailable.RoomStatistics");
    server.engine.clock.advance(300_000);
    const data = await stats(c, { RoomId: 31337, Page: 1, Limit: 50 });
    expect(data).toMatchObject({ Total: 15, MemberNumber: 13, RealStartTime: now - 600, RealEndTime: now + 600 });
  });
});

describe("official Node SDK: signature checks (auth verify)", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer({ auth: { mode: "verify" }, rateLimits: false });
  });
  afterAll(() => server.app.close());
  afterEach(() => server.engine.reset());

  it("accepts a production-identical signature: endpoint lcic.tencentcloudapi.com:PORT over a loopback agent → scope service lcic", async () => {
    const c = server.client({ endpoint: `lcic.tencentcloudapi.com:${server.port}`, agent: loopbackAgent() });
    const data = await stats(c, { RoomId: 1, Page: 1, Limit: 3 });
    expect((data.MemberRecords as unknown[]).length).toBe(3);
    expect(server.authorizations.at(-1)).toMatch(/\/lcic\/tc3_request, SignedHeaders=content-type;host, Signature=/);
    // Also over GET with a production host.
    const get = await stats(
      server.client({ endpoint: `lcic.tencentcloudapi.com:${server.port}`, agent: loopbackAgent(), reqMethod: "GET" }),
      { RoomId: 1, Page: 1, Limit: 2 },
    );
    expect((get.MemberRecords as unknown[]).length).toBe(2);
  });

  it("AuthFailure.SecretIdNotFound for an unknown SecretId", async () => {
    const error = await failure(
      stats(server.client({ credential: { secretId: "AKIDnobody", secretKey: "x" } }), { RoomId: 1, Page: 1, Limit: 1 }),
    );
    expect(error).toMatchObject({
      code: "AuthFailure.SecretIdNotFound",
      message: "The SecretId is not found, please ensure that your SecretId is correct.",
    });
  });

  it("AuthFailure.SignatureFailure for a wrong SecretKey", async () => {
    const error = await failure(
      stats(server.client({ credential: { secretId: demo.secretId, secretKey: "wrong" } }), { RoomId: 1, Page: 1, Limit: 1 }),
    );
    expect(error.code).toBe("AuthFailure.SignatureFailure");
  });

  it("AuthFailure.SignatureExpire when the mock clock is more than 5 minutes off the SDK's time", async () => {
    server.engine.clock.advance(10 * 60_000);
    expect((await failure(stats(server.client(), { RoomId: 1, Page: 1, Limit: 1 }))).code).toBe("AuthFailure.SignatureExpire");
    server.engine.clock.advance(-20 * 60_000);
    expect((await failure(stats(server.client(), { RoomId: 1, Page: 1, Limit: 1 }))).code).toBe("AuthFailure.SignatureExpire");
  });

  it("AuthFailure.InvalidAuthorization when the SDK skips signing", async () => {
    const error = await failure(server.client().request("DescribeRoomStatistics", { RoomId: 1, Page: 1, Limit: 1 }, { skipSign: true }));
    expect(error.code).toBe("AuthFailure.InvalidAuthorization");
  });
});

describe("official Node SDK: rate limit and transport traps", () => {
  let server: Server;
  let engine: MockEngine;
  beforeAll(async () => {
    server = await startServer({ clock: { frozen: true } });
    engine = server.engine;
  });
  afterAll(() => server.app.close());

  it("throttles the 21st call in one frozen second with RequestLimitExceeded", async () => {
    const c = server.client();
    const results = [];
    for (let i = 0; i < 21; i++)
      results.push(
        await stats(c, { RoomId: 1, Page: 1, Limit: 1 }).then(
          () => "ok",
          (e: SdkError) => e.code,
        ),
      );
    expect(results.slice(0, 20).every((r) => r === "ok")).toBe(true);
    expect(results[20]).toBe("RequestLimitExceeded");
    engine.clock.advance(1_000);
    await expect(stats(c, { RoomId: 1, Page: 1, Limit: 1 })).resolves.toBeDefined();
  });

  it("a non-200 status hides the body: the SDK reports only httpCode", async () => {
    engine.faults.add({ kind: "http", vendor: "tencent", status: 502, times: 1 });
    const error = await failure(stats(server.client(), { RoomId: 1, Page: 1, Limit: 1 }));
    expect(error.httpCode).toBe(502);
    expect(error.code).toBeUndefined();
  });

  it("http_proxy in the environment reroutes an SDK without agent (here to a closed port)", async () => {
    process.env.http_proxy = "http://127.0.0.1:9";
    try {
      const c = new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
        credential: demo,
        profile: { httpProfile: { endpoint: `127.0.0.1:${server.port}`, protocol: "http://", reqTimeout: 5 } },
      });
      const error = await failure(stats(c, { RoomId: 1, Page: 1, Limit: 1 }));
      expect(error.code).toBeUndefined();
      expect(error.message).toMatch(/ECONNREFUSED|connect/i);
      // With an explicit agent the proxy variable is ignored.
      engine.clock.advance(1_000);
      await expect(stats(server.client(), { RoomId: 1, Page: 1, Limit: 1 })).resolves.toBeDefined();
    } finally {
      delete process.env.http_proxy;
    }
  });
});
