import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { MockOptions } from "../../mocks/options.js";
import { zegoSignatureParams } from "../../schemas/zego/signing.js";
import type { RunningServer } from "../../server/start-server.js";
import { resolveServeConfig, toMockOptions } from "../../server/config/resolve-config.js";
import { ConfigError } from "../../server/config/serve-config.js";
import { MINUTE, T0, expectSuccess, expectZegoError, getUsage, startHarnessServer, zegoDemo } from "../support/harness.js";

const DEMO_APP_ID = zegoDemo.appId;

/** The demo AppId's signature parameters at `nowMs` (ZEGO's md5 scheme). */
function demoSignature(nowMs: number, overrides: { appId?: string; serverSecret?: string; timestampSec?: number } = {}) {
  return zegoSignatureParams({
    appId: overrides.appId ?? DEMO_APP_ID,
    serverSecret: overrides.serverSecret ?? zegoDemo.serverSecret,
    timestampSec: overrides.timestampSec ?? Math.floor(nowMs / 1000),
  }) as unknown as Record<string, string>;
}

/** One exchange over a raw node:http request, so the query (brackets and all) goes out exactly as written. */
function rawRequest(
  server: RunningServer,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: Number(port),
        method,
        path,
        headers: body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

// Issue 12: ZEGO wire details (Metrics without brackets, point times, RequestId type, POST).
// Every test names the switches it relies on, so it holds whatever the defaults are.

const running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function serve(mock: MockOptions = {}): Promise<RunningServer> {
  const server = await startHarnessServer({ mock: { rateLimits: false, ...mock } });
  running.push(server);
  return server;
}

const usageBase = (start = T0 - 30 * MINUTE) => `Action=GetRealtimeUsage&AppId=${DEMO_APP_ID}&StartTs=${start}&EndTs=0`;
const seriesOf = (body: string) => (JSON.parse(body) as { Data: unknown }).Data;

describe("Metrics without brackets", () => {
  it("Metrics=a&Metrics=b gives the same Data as Metrics[]=a&Metrics[]=b", async () => {
    const server = await serve();
    const plain = await getUsage(server, `${usageBase()}&Metrics=publish_concurrent&Metrics=online_user`);
    const brackets = await getUsage(server, `${usageBase()}&Metrics[]=publish_concurrent&Metrics[]=online_user`);
    expect(expectSuccess(plain).Data.Metrics.map((s) => s.Metric)).toEqual(["publish_concurrent", "online_user"]);
    expect(seriesOf(plain.text)).toEqual(seriesOf(brackets.text));
  });

  it("mixed spellings are read in query order, a repeated metric once", async () => {
    const server = await serve();
    const mixed = await getUsage(
      server,
      `${usageBase()}&Metrics=room_concurrent&Metrics[]=online_user&Metrics%5B%5D=mix_concurrent&Metrics=online_user`,
    );
    expect(expectSuccess(mixed).Data.Metrics.map((s) => s.Metric)).toEqual(["room_concurrent", "online_user", "mix_concurrent"]);
  });

  it("an unknown name under plain Metrics is 10002, as under Metrics[]", async () => {
    const server = await serve();
    expectZegoError(await getUsage(server, `${usageBase()}&Metrics=cpu`), 10002);
    expectZegoError(await getUsage(server, `${usageBase()}&Metrics=online_user&Metrics=cpu`), 10002);
  });

  it("raw brackets over a real socket agree with plain Metrics", async () => {
    const server = await serve();
    const raw = await rawRequest(server, "GET", `/?${usageBase()}&Metrics[]=online_user`);
    const plain = await rawRequest(server, "GET", `/?${usageBase()}&Metrics=online_user`);
    expect(seriesOf(plain.text)).toEqual(seriesOf(raw.text));
  });
});

describe("point times (zego.alignPoints)", () => {
  // The current doc example: StartTs 1672565260000 … EndTs 1672565320000, both 40 s past the minute;
  // its points are 60 s apart at the same offset, both ends included. The clock sits far enough
  // after EndTs that the 3-minute data delay does not cut the window.
  const DOC_START = 1_672_565_260_000;
  const DOC_END = 1_672_565_320_000;
  const docQuery = `Action=GetRealtimeUsage&AppId=${DEMO_APP_ID}&Metrics[]=publish_concurrent&Metrics[]=online_user&StartTs=${DOC_START}&EndTs=${DOC_END}`;
  const atDocTime = { clock: { start: DOC_END + 10 * MINUTE, frozen: true } };

  it('"start" reproduces the doc example: StartTs + k·60 s, both ends included', async () => {
    const server = await serve({ ...atDocTime, zego: { alignPoints: "start" } });
    const reply = expectSuccess(await getUsage(server, docQuery));
    for (const series of reply.Data.Metrics) expect(series.Values.map((v) => v.Timestamp)).toEqual([DOC_START, DOC_END]);
  });

  it('"epoch" keeps the multiples of the step since the epoch', async () => {
    const server = await serve({ ...atDocTime, zego: { alignPoints: "epoch" } });
    const reply = expectSuccess(await getUsage(server, docQuery));
    for (const series of reply.Data.Metrics) expect(series.Values.map((v) => v.Timestamp)).toEqual([1_672_565_280_000]);
  });

  it('"start" keeps a millisecond offset and stops at now − 3 min', async () => {
    const server = await serve({ zego: { alignPoints: "start" } });
    const start = T0 - 10 * MINUTE + 1_234;
    const reply = expectSuccess(await getUsage(server, `${usageBase(start)}&Metrics[]=online_user`));
    const times = reply.Data.Metrics[0]!.Values.map((v) => v.Timestamp);
    // T0 − 10 min + 1.234 s … T0 − 3 min: the last point T0 − 4 min + 1.234 s (T0 − 3 min + 1.234 s is inside the delay).
    expect(times).toEqual([10, 9, 8, 7, 6, 5, 4].map((m) => T0 - m * MINUTE + 1_234));
  });

  it('"start" with a 30 s step, and the values are those of the same instants under "epoch"', async () => {
    const start = T0 - 5 * MINUTE;
    const startAligned = await serve({ zego: { alignPoints: "start", stepMs: 30_000 } });
    const a = expectSuccess(await getUsage(startAligned, `${usageBase(start)}&Metrics[]=online_user`)).Data.Metrics[0]!.Values;
    await startAligned.close();
    const epochAligned = await serve({ zego: { alignPoints: "epoch", stepMs: 30_000 } });
    const b = expectSuccess(await getUsage(epochAligned, `${usageBase(start)}&Metrics[]=online_user`)).Data.Metrics[0]!.Values;
    expect(a.map((v) => v.Timestamp)).toEqual([0, 1, 2, 3, 4].map((k) => start + k * 30_000));
    expect(a).toEqual(b); // start is on the grid here, so both modes give the same points and values
  });

  it("an alignPoints value outside start/epoch is answered with 500, not a crash", async () => {
    const server = await serve({ zego: { alignPoints: "minute" as never } });
    expectZegoError(await getUsage(server, `${usageBase()}&Metrics[]=online_user`), 500);
  });
});

describe("RequestId type (zego.requestIdType)", () => {
  const digitsOf = (body: string) => /"RequestId":("?)([0-9]+)\1\}$/.exec(body);

  it('"number": a bare 19-digit number that JSON.parse keeps digit for digit', async () => {
    const server = await serve({ zego: { requestIdType: "number" } });
    for (const reply of [
      await getUsage(server, `${usageBase()}&Metrics[]=online_user`),
      await getUsage(server, `${usageBase()}&Metrics[]=cpu`),
    ]) {
      const match = digitsOf(reply.text);
      expect(match?.[1]).toBe("");
      expect(match?.[2]).toMatch(/^1[0-9]{18}$/);
      const parsed = (JSON.parse(reply.text) as { RequestId: unknown }).RequestId;
      expect(typeof parsed).toBe("number");
      expect(String(parsed)).toBe(match?.[2]);
      expect(BigInt(match![2]!) < 2n ** 63n).toBe(true); // fits an int64 (Go, Java)
    }
  });

  it('"string": the 19 digits quoted; the number form is the same id rounded to a double', async () => {
    const asString = await serve({ zego: { requestIdType: "string" } });
    const text = await getUsage(asString, `${usageBase()}&Metrics[]=online_user`);
    await asString.close();
    const asNumber = await serve({ zego: { requestIdType: "number" } });
    const bare = await getUsage(asNumber, `${usageBase()}&Metrics[]=online_user`);
    const quoted = digitsOf(text.text);
    expect(quoted?.[1]).toBe('"');
    expect(typeof (JSON.parse(text.text) as { RequestId: unknown }).RequestId).toBe("string");
    expect(String(Number(quoted![2]))).toBe(digitsOf(bare.text)?.[2]);
    expect(seriesOf(text.text)).toEqual(seriesOf(bare.text));
  });
});

describe("POST (zego.allowPost)", () => {
  const query = `${usageBase()}&Metrics[]=publish_concurrent&Metrics=online_user`;

  it("on: POST with the query parameters gets the GET's data", async () => {
    const server = await serve({ zego: { allowPost: true } });
    const get = expectSuccess(await getUsage(server, query));
    const post = expectSuccess(await getUsage(server, query, "POST"));
    expect(post.Data).toEqual(get.Data);
  });

  it("on: business parameters in a JSON body, common ones in the query, as the access page shows POST", async () => {
    const server = await serve({ zego: { allowPost: true } });
    const get = expectSuccess(await getUsage(server, query));
    const body = { StartTs: T0 - 30 * MINUTE, EndTs: 0, Metrics: ["publish_concurrent", "online_user"] };
    const post = await rawRequest(server, "POST", `/?Action=GetRealtimeUsage&AppId=${DEMO_APP_ID}`, JSON.stringify(body));
    expect(expectSuccess(post).Data).toEqual(get.Data);
    // A body key replaces the query's: only mix_concurrent, from the body.
    const replaced = await rawRequest(server, "POST", `/?${query}`, JSON.stringify({ Metrics: ["mix_concurrent"] }));
    const only = expectSuccess(await getUsage(server, `${usageBase()}&Metrics[]=mix_concurrent`));
    expect(expectSuccess(replaced).Data).toEqual(only.Data);
  });

  it("on: a body that is not a JSON object of strings, numbers or lists of them is 10001", async () => {
    const server = await serve({ zego: { allowPost: true } });
    for (const body of ["{", "[1]", "null", JSON.stringify({ StartTs: { ms: 1 } }), '{"__proto__":"x"}']) {
      const error = expectZegoError(await rawRequest(server, "POST", `/?${query}`, body), 10001);
      expect(error.Message, body).toMatch(/body/);
    }
  });

  it("on: a signed POST passes verify mode; other methods stay 100000007", async () => {
    const server = await serve({ zego: { allowPost: true }, auth: { mode: "verify" } });
    const signed = new URLSearchParams({ ...demoSignature(T0) });
    expectSuccess(await getUsage(server, `${query.replace(`AppId=${DEMO_APP_ID}&`, "")}&${signed}`, "POST"));
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const error = expectZegoError(await getUsage(server, query, method), 100000007);
      expect(error.Message).toContain("use GET or POST");
    }
  });

  it("off: POST is 100000007, as before", async () => {
    const server = await serve({ zego: { allowPost: false } });
    const error = expectZegoError(await getUsage(server, query, "POST"), 100000007);
    expect(error.Message).toContain(`does not accept POST, use GET`);
  });

  it("on, over a real socket with an empty and a JSON body", async () => {
    const server = await serve({ zego: { allowPost: true } });
    expectSuccess(await rawRequest(server, "POST", `/?${query}`));
    expectSuccess(await rawRequest(server, "POST", `/?${query}`, JSON.stringify({ StartTs: T0 - MINUTE * 5, EndTs: 0 })));
  });
});

describe("the switches in the server's config file", () => {
  const resolveWithFile = (zego: unknown) =>
    resolveServeConfig({ argv: ["-c", "/cfg.json"], env: {}, readFile: () => JSON.stringify({ zego }) });

  it("reach the engine options", () => {
    const options = toMockOptions(resolveWithFile({ alignPoints: "epoch", requestIdType: "string", allowPost: false }));
    expect(options.zego).toEqual({ alignPoints: "epoch", requestIdType: "string", allowPost: false });
  });

  it("refuse values outside their sets and wrong types", () => {
    for (const [zego, message] of [
      [{ alignPoints: "minute" }, /zego\.alignPoints: expected one of start, epoch/],
      [{ requestIdType: "bigint" }, /zego\.requestIdType: expected one of number, string/],
      [{ allowPost: "yes" }, /zego\.allowPost: expected a boolean/],
    ] as const) {
      let caught: unknown;
      try {
        resolveWithFile(zego);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as Error).message).toMatch(message);
    }
  });
});

describe("defaults", () => {
  it("start-aligned points, a number RequestId and POST accepted, with no switch set", async () => {
    const server = await serve();
    const start = T0 - 10 * MINUTE + 40_000;
    const post = await getUsage(server, `${usageBase(start)}&Metrics[]=online_user`, "POST");
    const reply = expectSuccess(post);
    expect(reply.Data.Metrics[0]!.Values[0]!.Timestamp).toBe(start);
    expect(typeof reply.RequestId).toBe("number");
  });
});
