/**
 * Replays every golden transcript (test/golden/cases/<vendor>/<case>.json, recorded by
 * `npm run golden:record`) through the engine in-process, the fastify server over real sockets and
 * MSW's setupServer, and checks status, headers, the exact body bytes, latency and dropped
 * connections. Reads only the case files; everything adapter-specific lives in replay.ts.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { endpoints } from "../../schemas/registry.js";
import { tencentErrors } from "../../schemas/tencent/errors.js";
import { volcengineErrors } from "../../schemas/volcengine/errors.js";
import { zegoErrors } from "../../schemas/zego/errors.js";
import {
  httpPath,
  inProcessPath,
  mswPath,
  transportHeaders,
  type GoldenCaseFile,
  type GoldenReply,
  type GoldenRequest,
  type Observed,
  type ReplayPath,
} from "./replay.js";

const casesDir = fileURLToPath(new URL("./cases", import.meta.url));
const vendors = ["volcengine", "zego", "tencent"] as const;
type Vendor = (typeof vendors)[number];

interface LoadedCase {
  id: string;
  vendor: Vendor;
  dir: string;
  file: GoldenCaseFile;
}

const loaded: LoadedCase[] = vendors.flatMap((vendor) => {
  const dir = join(casesDir, vendor);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      id: `${vendor}/${name.slice(0, -".json".length)}`,
      vendor,
      dir,
      file: JSON.parse(readFileSync(join(dir, name), "utf8")) as GoldenCaseFile,
    }));
});

const decoder = new TextDecoder();

/** The exact reply bytes a step expects. */
function expectedBytes(item: LoadedCase, reply: GoldenReply): Uint8Array {
  if (reply.bodyFile !== undefined) return new Uint8Array(readFileSync(join(item.dir, reply.bodyFile)));
  return new TextEncoder().encode(JSON.stringify(reply.body));
}

function checkReply(path: string, item: LoadedCase, step: number, observed: Observed, reply: GoldenReply): void {
  const where = `${path} ${item.id} step ${step + 1}`;
  if (reply.drop) {
    expect(observed.drop, `${where}: the connection is dropped`).toBe(true);
    if (path !== "engine") return;
  } else {
    expect(observed.drop, `${where}: a reply arrives`).toBe(false);
  }
  expect(observed.status, `${where}: status`).toBe(reply.status);
  const expected = expectedBytes(item, reply);
  expect(decoder.decode(observed.bytes), `${where}: body`).toBe(decoder.decode(expected));
  expect(Buffer.from(observed.bytes).equals(Buffer.from(expected)), `${where}: body bytes`).toBe(true);
  if (path === "engine") {
    expect(observed.headers, `${where}: headers`).toEqual(reply.headers);
    expect(observed.delayMs, `${where}: delayMs`).toBe(reply.delayMs);
    return;
  }
  const extras = transportHeaders(path);
  for (const [name, value] of Object.entries(reply.headers)) expect(observed.headers[name], `${where}: header ${name}`).toBe(value);
  for (const name of Object.keys(observed.headers))
    if (!(name in reply.headers)) expect(extras.has(name), `${where}: unexpected header ${name}`).toBe(true);
  if (observed.headers["content-length"] !== undefined)
    expect(Number(observed.headers["content-length"]), `${where}: content-length`).toBe(expected.byteLength);
  // Timers may fire a hair early; the delay must be there, not exactly measured.
  if (reply.delayMs !== undefined) expect(observed.elapsedMs ?? 0, `${where}: delay`).toBeGreaterThanOrEqual(reply.delayMs - 2);
}

async function replay(path: ReplayPath, item: LoadedCase): Promise<void> {
  await path.begin(item.file.options);
  for (const [index, step] of item.file.steps.entries()) {
    if ("advanceMs" in step) path.advance(step.advanceMs);
    else if ("control" in step) path.control(step.control);
    else checkReply(path.name, item, index, await path.send(step.request), step.reply);
  }
}

describe("the golden corpus", () => {
  const requests = loaded.flatMap((item) => item.file.steps.flatMap((step) => ("request" in step ? [{ item, step }] : [])));

  it("has at least 150 cases, each with a request", () => {
    expect(loaded.length).toBeGreaterThanOrEqual(150);
    for (const item of loaded)
      expect(
        item.file.steps.some((step) => "request" in step),
        item.id,
      ).toBe(true);
    for (const item of loaded) expect(`${item.vendor}/${item.file.name}`).toBe(item.id);
  });

  it("has every raw body file it names, and no stray files", () => {
    for (const vendor of vendors) {
      const dir = join(casesDir, vendor);
      const named = new Set(
        loaded.filter((item) => item.vendor === vendor).flatMap((item) => [`${item.file.name}.json`, ...bodyFiles(item.file)]),
      );
      for (const name of named) expect(existsSync(join(dir, name)), `${vendor}/${name}`).toBe(true);
      for (const name of readdirSync(dir)) expect(named.has(name), `stray ${vendor}/${name}`).toBe(true);
    }
  });

  it("covers every registry endpoint in at least 5 cases", () => {
    const casesPerEndpoint = new Map<string, Set<string>>();
    for (const { item, step } of requests) {
      const id = endpointOf(step.request);
      if (id === undefined) continue;
      const set = casesPerEndpoint.get(id) ?? new Set<string>();
      set.add(item.id);
      casesPerEndpoint.set(id, set);
    }
    for (const endpoint of endpoints) expect(casesPerEndpoint.get(endpoint.id)?.size ?? 0, endpoint.id).toBeGreaterThanOrEqual(5);
  });

  it("answers every catalog error code in at least one case", () => {
    const seen = new Set<string>();
    for (const { item, step } of requests) {
      const code = errorCodeOf(
        item.vendor,
        step.reply.bodyFile !== undefined ? safeJson(expectedBytes(item, step.reply)) : step.reply.body,
      );
      if (code !== undefined) seen.add(`${item.vendor}:${code}`);
    }
    const catalogs: Record<Vendor, object> = { volcengine: volcengineErrors, zego: zegoErrors, tencent: tencentErrors };
    const missing = vendors
      .flatMap((vendor) => Object.keys(catalogs[vendor]).map((code) => `${vendor}:${code}`))
      .filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
  });
});

for (const makePath of [inProcessPath, httpPath, mswPath]) {
  const path = makePath();
  describe(`golden transcripts via ${path.name}`, () => {
    afterAll(() => path.close());
    it.each(loaded.map((item) => [item.id, item] as const))("%s", async (_id, item) => {
      await replay(path, item);
    });
  });
}

function bodyFiles(file: GoldenCaseFile): string[] {
  return file.steps.flatMap((step) => ("reply" in step && step.reply.bodyFile !== undefined ? [step.reply.bodyFile] : []));
}

/** `vendor.Action` of a recorded request, read from its host and its action carrier. */
function endpointOf(request: GoldenRequest): string | undefined {
  const url = new URL(request.url);
  switch (url.hostname) {
    case "rtc.volcengineapi.com": {
      const action = url.searchParams.get("Action");
      const endpoint = endpoints.find(
        (e) => e.vendor === "volcengine" && e.action === action && e.version === url.searchParams.get("Version"),
      );
      return endpoint?.id;
    }
    case "analytics-api.zego.im":
      return url.searchParams.get("Action") === "GetRealtimeUsage" ? "zego.GetRealtimeUsage" : undefined;
    case "lcic.tencentcloudapi.com":
      return request.headers["x-tc-action"] === "DescribeRoomStatistics" ? "tencent.DescribeRoomStatistics" : undefined;
    default:
      return undefined;
  }
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

/** The error code in a vendor envelope, or undefined for a success or a non-envelope body. */
function errorCodeOf(vendor: Vendor, body: unknown): string | undefined {
  const json = body as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (json === undefined || json === null || typeof json !== "object") return undefined;
  switch (vendor) {
    case "volcengine":
      return json.ResponseMetadata?.Error?.Code;
    case "zego":
      return typeof json.Code === "number" && json.Code !== 0 ? String(json.Code) : undefined;
    case "tencent":
      return json.Response?.Error?.Code;
  }
}
