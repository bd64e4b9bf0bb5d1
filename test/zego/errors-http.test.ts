import { describe, expect, it } from "vitest";
import { replyText } from "../../mocks/core/reply.js";
import { zegoErrors } from "../../schemas/zego/errors.js";
import {
  HOUR,
  MINUTE,
  T0,
  ZEGO,
  expectZegoError,
  expectSuccess,
  getUsage,
  send,
  serverPerTest,
  sharedServer,
  toMockRequest,
  usageQuery,
  usageQueryString,
  usageRequest,
  vendorRequest,
} from "../support/harness.js";

describe("GetRealtimeUsage time rules", () => {
  const server = sharedServer({ mock: { rateLimits: false } });

  it("StartTs more than 2 hours back → 10002", async () => {
    const error = expectZegoError(await getUsage(server.url, { startTs: T0 - 2 * HOUR - 1 }), 10002);
    expect(error.Message).toMatch(/last 2 hours/);
  });
  it("StartTs in seconds instead of milliseconds → 10002 with a hint", async () => {
    const error = expectZegoError(await getUsage(server.url, { startTs: Math.floor((T0 - HOUR) / 1000) }), 10002);
    expect(error.Message).toMatch(/milliseconds/);
  });
  it("StartTs after EndTs → 10002", async () => {
    const error = expectZegoError(await getUsage(server.url, { startTs: T0 - 10 * MINUTE, endTs: T0 - 20 * MINUTE }), 10002);
    expect(error.Message).toMatch(/later than EndTs/);
  });
  it("StartTs in the future → 10002, even with EndTs further ahead", async () => {
    expectZegoError(await getUsage(server.url, { startTs: T0 + MINUTE, endTs: 0 }), 10002);
    expectZegoError(await getUsage(server.url, { startTs: T0 + MINUTE, endTs: T0 + HOUR }), 10002);
  });
  it("non-numeric, fractional, negative, exponent or overlong StartTs/EndTs → 10001", async () => {
    for (const startTs of [
      "abc",
      "1.5e12",
      String(T0 - HOUR) + ".5",
      "-1",
      `+${T0 - 90 * MINUTE}`,
      ` ${T0 - 90 * MINUTE}`,
      "1".repeat(17),
    ]) {
      expectZegoError(await getUsage(server.url, { startTs }), 10001);
    }
    for (const endTs of ["now", "0x10", "-0"]) expectZegoError(await getUsage(server.url, { endTs }), 10001);
  });
  it("StartTs or EndTs missing or empty → 10002", async () => {
    expectZegoError(await getUsage(server.url, { startTs: null }), 10002);
    expectZegoError(await getUsage(server.url, { startTs: "" }), 10002);
    expectZegoError(await getUsage(server.url, { endTs: null }), 10002);
    expectZegoError(await getUsage(server.url, { endTs: "" }), 10002);
  });
});

describe("GetRealtimeUsage metric rules", () => {
  const server = sharedServer({ mock: { rateLimits: false } });

  it("Metrics[] missing → 10002 (assumed code)", async () => {
    const error = expectZegoError(await getUsage(server.url, { metrics: [] }), 10002);
    expect(error.Message).toMatch(/Metrics\[\] is required/);
  });
  it("a metric outside the six → 10002 naming it (assumed code)", async () => {
    const error = expectZegoError(await getUsage(server.url, { metrics: ["online_user", "cpu_usage"] }), 10002);
    expect(error.Message).toContain('"cpu_usage"');
    expectZegoError(await getUsage(server.url, { metrics: [""] }), 10002);
    expectZegoError(await getUsage(server.url, { metrics: ["ONLINE_USER"] }), 10002);
  });
  it("Metrics without brackets is read like Metrics[] (the OpenAPI yaml's spelling)", async () => {
    expectSuccess(await getUsage(server.url, usageQueryString({ metrics: [] }) + "&Metrics=online_user"));
  });
});

describe("bad input gets ZEGO's own error in ZEGO's envelope", () => {
  const server = sharedServer({ mock: { rateLimits: false } });
  const engine = () => server.current.engine;

  it("wrong method → 100000007 (POST is accepted by default: zego.allowPost)", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const error = expectZegoError(await getUsage(server.url, {}, method), 100000007);
      expect(error.Message).toContain(method);
    }
  });
  it("unknown or differently cased Action → 100000007", async () => {
    const error = expectZegoError(await getUsage(server.url, { action: "GetBizUsage" }), 100000007);
    expect(error.Message).toContain("GetBizUsage");
    expectZegoError(await getUsage(server.url, { action: "getrealtimeusage", extra: { SignatureVersion: "2.0" } }), 100000007);
  });
  it("Action missing or empty (the query still identifies ZEGO) → 100000006", async () => {
    expectZegoError(await getUsage(server.url, { action: null }), 100000006);
    expectZegoError(await getUsage(server.url, { action: null, appId: null, extra: { SignatureVersion: "2.0" } }), 100000006);
    expectZegoError(await getUsage(server.url, { action: "", extra: { SignatureNonce: "abc" } }), 100000006);
  });
  it("AppId missing or malformed → 100000001, also with auth off", async () => {
    expectZegoError(await getUsage(server.url, { appId: null }), 100000001);
    for (const appId of ["", "abc", "0", "01234", "-5", "4294967296", "12345678901", "1.0", " 1"]) {
      expectZegoError(await getUsage(server.url, { appId }), 100000001);
    }
  });
  it("a query with percent-encoding garbage or a huge repeated key is still answered", async () => {
    expectZegoError(await getUsage(server.url, `${usageQueryString()}&StartTs=%ZZ`.replace(/StartTs=\d+&/, "")), 10001);
    const many = Array.from({ length: 500 }, () => "Metrics[]=online_user").join("&");
    const response = await getUsage(server.url, `${usageQueryString({ metrics: [] })}&${many}`);
    expect(response.status).toBe(200);
    expect((JSON.parse(response.text) as { Data: { Metrics: unknown[] } }).Data.Metrics).toHaveLength(1);
  });
  it("a transport problem reported by an adapter → 100000012", () => {
    for (const problem of ["body-too-large", "malformed-request"] as const) {
      const reply = engine().rejectTransport(toMockRequest(usageRequest(), "http://127.0.0.1"), problem);
      const error = expectZegoError({ status: reply.status, text: replyText(reply), headers: reply.headers }, 100000012);
      expect(error.Message).toContain(problem);
    }
  });
  it("the answer of every error is ZEGO's envelope and keeps the journal free of signatures", async () => {
    engine().journal.clear();
    await getUsage(server.url, {
      extra: { Signature: "deadbeefdeadbeefdeadbeefdeadbeef", SignatureNonce: "n0nce", SignatureVersion: "1.0" },
    });
    const [entry] = engine().journal.entries();
    expect(entry?.vendor).toBe("zego");
    expect(entry?.path).not.toMatch(/Signature=|SignatureNonce=|deadbeef|n0nce/);
    expect(entry?.path).toContain("SignatureVersion=1.0");
  });
});

describe("oversized requests over a real socket → 100000012", () => {
  const server = sharedServer({ bodyLimit: 1024, maxHeaderSize: 4096, mock: { rateLimits: false } });

  it("a request body over the limit (POST: fastify does not read GET bodies)", async () => {
    const request = vendorRequest(ZEGO, {
      method: "POST",
      query: usageQuery(),
      headers: { "content-type": "application/json" },
      body: { pad: "x".repeat(4096) },
    });
    const response = await send(server.url, request);
    expectZegoError(response, 100000012);
  });
  it("a query over the header limit", async () => {
    const response = await getUsage(server.url, `${usageQueryString()}&Pad=${"x".repeat(8192)}`);
    expectZegoError(response, 100000012);
  });
});

describe("fault rules reach the errors the fake server has no natural cause for", () => {
  const start = serverPerTest();
  const server = sharedServer({ mock: { rateLimits: false } });
  const engine = () => server.current.engine;

  for (const code of ["500", "100000000", "100000011", "100000015", "100000016", "100000017"] as const) {
    it(`fault ${code} → Code ${code} with the catalog message`, async () => {
      engine().faults.add({ kind: "error", vendor: "zego", action: "GetRealtimeUsage", code, times: 1 });
      const error = expectZegoError(await getUsage(server.url, {}), Number(code));
      expect(error.Message).toBe(zegoErrors[code].message.replace(": %s", ""));
      // The fault was used up: the next call succeeds.
      expect((JSON.parse((await getUsage(server.url, {})).text) as { Code: number }).Code).toBe(0);
    });
  }

  it("a fault naming a code outside the catalog is refused when it is added", () => {
    expect(() => engine().faults.add({ kind: "error", vendor: "zego", code: "12345", times: 1 })).toThrow(
      'Invalid fault: "12345" is not in the zego error catalog',
    );
  });

  it("a fault with detail arguments fills the message", async () => {
    engine().faults.add({ kind: "error", vendor: "zego", code: "10002", args: ["injected detail"], times: 1 });
    expect(expectZegoError(await getUsage(server.url, {}), 10002).Message).toBe("parameter error or parameter invalid: injected detail");
  });

  it("a broken step option answers 500 in the envelope instead of crashing", async () => {
    const broken = await start({ rateLimits: false, zego: { stepMs: 0 } });
    const error = expectZegoError(await getUsage(broken, {}), 500);
    expect(error.Message).toMatch(/stepMs/);
  });
});
