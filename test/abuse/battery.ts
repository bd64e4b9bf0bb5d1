/**
 * The abuse battery: slow headers, endless and trickling bodies, 500 concurrent connections, 10,000
 * distinct tenants per vendor, invalid UTF-8, deep JSON, `__proto__` keys, huge headers, injected
 * faults and control-API garbage, against a server in its own process. Each reply is checked as it
 * comes (right vendor's envelope and catalog code, or the control error shape; no 5xx unless a fault
 * made it; nothing past its deadline), and the figures are returned: test/abuse/abuse.test.ts
 * asserts on them, scripts/abuse.ts writes them into docs/BENCHMARKS.md.
 */
import http from "node:http";
import net from "node:net";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { vendors } from "../../mocks/vendors.js";
import type { ChildMemory, ChildServer } from "../support/child-server.js";
import { T0 } from "../support/clock.js";
import { RQ, ZEGO, changed, roomStatisticsRequest, vendorRequest, type VendorRequest } from "../support/harness.js";

/** The server options the battery expects: a frozen clock at T0 and short timeouts, so slow clients are cut off soon. */
export const abuseServerOptions = {
  mock: { seed: 1, clock: { start: T0, frozen: true } },
  requestTimeoutMs: 4_000,
} as const;

/** What a client must have heard back (or seen closed) by: the request timeout plus Node's check interval plus slack. */
const SLOW_DEADLINE_MS = abuseServerOptions.requestTimeoutMs + 4_000;
/** Deadline of an ordinary request, however loaded the machine. */
const DEADLINE_MS = 15_000;

/** Figures of one probe. */
export interface ProbeFigures {
  requests: number;
  /** Vendor errors, control 4xx and connections the server cut. */
  refusals: number;
  /** 5xx or dropped connections an injected fault made. */
  faulted: number;
  slowestMs: number;
}

/** Figures of a run. */
export interface AbuseFigures {
  probes: Record<string, ProbeFigures>;
  requests: number;
  refusals: number;
  faulted: number;
  violations: string[];
  memoryBefore: ChildMemory;
  /** After the battery, before the reset. */
  memoryLoaded: ChildMemory;
  memoryAfterReset: ChildMemory;
  durationMs: number;
}

/** The vendor whose envelope a parsed body is in, and its error code (null for a success). */
function envelopeOf(json: unknown): { vendor: Vendor; code: string | null } | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const body = json as Record<string, unknown>;
  const meta = body.ResponseMetadata as { Error?: { Code?: unknown } } | undefined;
  if (typeof meta === "object" && meta !== null) {
    if (meta.Error === undefined) return "Result" in body ? { vendor: "volcengine", code: null } : undefined;
    return typeof meta.Error.Code === "string" ? { vendor: "volcengine", code: meta.Error.Code } : undefined;
  }
  const response = body.Response as { Error?: { Code?: unknown } } | undefined;
  if (typeof response === "object" && response !== null) {
    if (response.Error === undefined) return { vendor: "tencent", code: null };
    return typeof response.Error.Code === "string" ? { vendor: "tencent", code: response.Error.Code } : undefined;
  }
  if (typeof body.Code === "number") return { vendor: "zego", code: body.Code === 0 ? null : String(body.Code) };
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One exchange's outcome as the checks see it. */
type Outcome = { status: number; body: string; ms: number } | { closed: true; ms: number } | { hung: true; ms: number };

/**
 * What a reply should be: a vendor's, or the control API's. `unreadHead`: Node reports a head that
 * timed out without its bytes, so the server cannot tell the vendor and answers with the shared
 * port's fallback (Volcengine's gateway, as for any request nobody claims).
 */
type Expect = ({ vendor: Vendor; unreadHead?: true } | { control: true; refused?: true }) & {
  /** A close without a reply is a violation: the body was within what the server reads before answering. */
  mustAnswer?: true;
};

/** Collects figures and violations. */
class Tally {
  readonly probes: Record<string, ProbeFigures> = {};
  readonly violations: string[] = [];

  check(probe: string, label: string, expect: Expect, outcome: Outcome, faulted = false): void {
    const figures = (this.probes[probe] ??= { requests: 0, refusals: 0, faulted: 0, slowestMs: 0 });
    figures.requests++;
    figures.slowestMs = Math.max(figures.slowestMs, Math.round(outcome.ms));
    const fail = (why: string) => {
      if (this.violations.length < 50) this.violations.push(`${probe}: ${label}: ${why}`);
    };
    if ("hung" in outcome) return fail(`no answer and no close within its deadline (${Math.round(outcome.ms)} ms)`);
    if ("closed" in outcome) {
      if (expect.mustAnswer) return fail("the connection closed without the error reaching the client");
      if (faulted) figures.faulted++;
      else figures.refusals++;
      return;
    }
    if (outcome.status >= 500) {
      if (faulted) figures.faulted++;
      else fail(`HTTP ${outcome.status}: ${outcome.body.slice(0, 200)}`);
      return;
    }
    if ("control" in expect) {
      if (outcome.status < 400) return expect.refused ? fail(`HTTP ${outcome.status}: taken, though it must be refused`) : undefined;
      figures.refusals++;
      const error = (parseJson(outcome.body) as { error?: { status?: unknown; message?: unknown } } | undefined)?.error;
      if (error?.status !== outcome.status || typeof error.message !== "string")
        fail(`HTTP ${outcome.status} not in the control error shape: ${outcome.body.slice(0, 200)}`);
      return;
    }
    const envelope = envelopeOf(parseJson(outcome.body));
    const right = envelope !== undefined && (envelope.vendor === expect.vendor || (expect.unreadHead && envelope.vendor === "volcengine"));
    if (!right) return fail(`HTTP ${outcome.status} not in ${expect.vendor}'s envelope: ${outcome.body.slice(0, 200)}`);
    if (envelope.code === null) return;
    figures.refusals++;
    if (!Object.hasOwn(vendors[envelope.vendor].errors, envelope.code)) fail(`${envelope.code} is not in ${envelope.vendor}'s catalog`);
  }
}

/** Sends one request over `agent` and waits for the whole reply, a close, or the deadline. */
function exchange(
  base: string,
  agent: http.Agent,
  request: { method: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array },
  deadlineMs = DEADLINE_MS,
): Promise<Outcome> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  return new Promise((resolve) => {
    // A host header given is sent as is (the rebinding probe); otherwise Node sets it from the address.
    const headers = request.headers ?? {};
    // The path as given (a URL string would resolve its dot segments before sending).
    const { hostname, port } = new URL(base);
    const req = http.request({ host: hostname, port, path: request.path, method: request.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: ms() }));
      res.on("error", () => done({ closed: true, ms: ms() }));
    });
    const timer = setTimeout(() => {
      done({ hung: true, ms: ms() });
      req.destroy();
    }, deadlineMs);
    let settled = false;
    const done = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    req.on("error", () => done({ closed: true, ms: ms() }));
    req.end(request.body);
  });
}

/**
 * A raw connection that writes `head`, then `next()` every `everyMs` until the server closes it or
 * the deadline passes; resolves with whatever the server answered.
 */
function rawConnection(base: string, head: string, next: (() => Buffer | string) | undefined, everyMs: number, deadlineMs: number) {
  const { hostname, port } = new URL(base);
  const started = performance.now();
  return new Promise<Outcome>((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (hung: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(writer);
      socket.destroy();
      const ms = performance.now() - started;
      const text = Buffer.concat(chunks).toString("utf8");
      if (hung) return resolve({ hung: true, ms });
      const split = text.indexOf("\r\n\r\n");
      if (split === -1) return resolve({ closed: true, ms });
      resolve({ status: Number(text.slice(0, split).split(" ")[1] ?? 0), body: text.slice(split + 4), ms });
    };
    const deadline = setTimeout(() => finish(true), deadlineMs);
    const writer =
      next === undefined
        ? undefined
        : setInterval(() => {
            if (socket.writable && socket.writableLength < 1 << 20) socket.write(next());
          }, everyMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("close", () => finish(false));
    socket.on("error", () => undefined);
    socket.write(head);
  });
}

/** Runs `tasks` with at most `limit` in flight. */
async function pooled<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/** One valid request per vendor, the shape every probe varies. */
const shapes: Record<Vendor, VendorRequest> = {
  volcengine: vendorRequest(RQ),
  zego: vendorRequest(ZEGO),
  tencent: roomStatisticsRequest(),
};
const vendorNames = Object.keys(shapes) as Vendor[];
const withBody = (vendor: Vendor, body: string | Uint8Array) =>
  changed(vendor === "zego" ? changed(shapes.zego, { method: "POST", headers: { "content-type": "application/json" } }) : shapes[vendor], {
    body,
  });

/** The request head of a vendor's shape, for raw connections (`extra` lines added before the blank line). */
function rawHead(vendor: Vendor, extra: string[]): string {
  const request =
    vendor === "zego" ? changed(shapes.zego, { method: "POST", headers: { "content-type": "application/json" } }) : shapes[vendor];
  const lines = Object.entries(request.headers)
    .filter(([name]) => name !== "host" && name !== "content-length")
    .map(([name, value]) => `${name}: ${value}`);
  return `${request.method} ${request.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${[...lines, ...extra].join("\r\n")}\r\n`;
}

/** A seeded PRNG (mulberry32), so every run sends the same garbage. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of a run. */
export interface AbuseOptions {
  /** Distinct tenants per vendor; default 10,000. */
  tenants?: number;
}

/** Runs the battery against `server` (started with `abuseServerOptions`). */
export async function runAbuseBattery(server: ChildServer, options: AbuseOptions = {}): Promise<AbuseFigures> {
  const started = performance.now();
  const base = server.url;
  const tally = new Tally();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const send = (probe: string, label: string, expect: Expect, request: Parameters<typeof exchange>[2], faulted = false) =>
    exchange(base, agent, request).then((outcome) => tally.check(probe, label, expect, outcome, faulted));
  const controlCall = (
    probe: string,
    method: string,
    path: string,
    body?: string | Uint8Array,
    headers: Record<string, string> = {},
    refused = false,
  ) =>
    send(
      probe,
      `${method} ${path.slice(0, 60)}`,
      { control: true, ...(refused ? { refused: true as const } : {}) },
      {
        method,
        path,
        headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
        ...(body === undefined ? {} : { body }),
      },
    );

  // Warm-up, so the baseline has every code path (the docs page included) loaded.
  for (const vendor of vendorNames) await send("warm-up", vendor, { vendor }, shapes[vendor]);
  await controlCall("warm-up", "GET", "/__mock/docs/");
  await controlCall("warm-up", "POST", "/__mock/reset");
  const memoryBefore = await server.memory();

  const tenants = options.tenants ?? 10_000;
  const tenantRequest = (vendor: Vendor, i: number): VendorRequest => {
    if (vendor === "volcengine") return vendorRequest(RQ, { fields: { AppId: `abuse-app-${i}` } });
    if (vendor === "zego") return vendorRequest(ZEGO, { query: { AppId: String(2_000_000_000 + i) } });
    // An 8 KB SecretId each: the quota table keeps a digest of it.
    const secretId = `AKID${String(i).padStart(8, "0")}${"s".repeat(8_000)}`;
    return roomStatisticsRequest({
      headers: {
        authorization: `TC3-HMAC-SHA256 Credential=${secretId}/2024-03-01/lcic/tc3_request, SignedHeaders=content-type;host, Signature=0`,
      },
    });
  };

  const slow = [
    // Slow headers: one byte of a header line every 200 ms, never finishing the head.
    ...vendorNames.map((vendor) =>
      rawConnection(base, rawHead(vendor, []), () => "x", 200, SLOW_DEADLINE_MS).then((o) =>
        tally.check("slow headers", vendor, { vendor, unreadHead: true }, o),
      ),
    ),
    // An endless chunked body as fast as the socket takes it: cut at the body limit, drained, answered, closed.
    ...vendorNames.map((vendor) =>
      rawConnection(
        base,
        `${rawHead(vendor, ["transfer-encoding: chunked"])}\r\n`,
        () => `10000\r\n${"e".repeat(0x10000)}\r\n`,
        1,
        SLOW_DEADLINE_MS,
      ).then((o) => tally.check("endless chunked body", vendor, { vendor }, o)),
    ),
    // A trickling chunked body: never over the limit, cut by the request timeout.
    ...vendorNames.map((vendor) =>
      rawConnection(base, `${rawHead(vendor, ["transfer-encoding: chunked"])}\r\n`, () => "1\r\nt\r\n", 100, SLOW_DEADLINE_MS).then((o) =>
        tally.check("trickling chunked body", vendor, { vendor }, o),
      ),
    ),
    rawConnection(
      base,
      "POST /__mock/faults HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n",
      () => "1\r\n{\r\n",
      100,
      SLOW_DEADLINE_MS,
    ).then((o) => tally.check("trickling chunked body", "control", { control: true }, o)),
  ];

  // 10,000 distinct tenants per vendor, 32 connections at a time.
  await pooled(
    vendorNames.flatMap((vendor) =>
      Array.from({ length: tenants }, (_, i) => () => send("distinct tenants", `${vendor} #${i}`, { vendor }, tenantRequest(vendor, i))),
    ),
    32,
  );

  // 500 connections at once.
  const wide = new http.Agent({ keepAlive: false, maxSockets: 500 });
  await Promise.all(
    Array.from({ length: 500 }, (_, i) => {
      const vendor = vendorNames[i % 3]!;
      return exchange(base, wide, shapes[vendor]).then((o) => tally.check("500 concurrent connections", vendor, { vendor }, o));
    }),
  );
  wide.destroy();
  // The tables are at their fullest now.
  const memoryLoaded = await server.memory();

  // Bodies over the limit from Node's fetch, which keeps sending while the server answers.
  const oversized = new Uint8Array(5 * 1024 * 1024);
  for (const vendor of vendorNames) {
    const request = withBody(vendor, oversized);
    for (let i = 0; i < 8; i++) {
      const begun = performance.now();
      const outcome: Outcome = await fetch(`${base}${request.path}`, {
        method: request.method,
        headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== "host")),
        body: oversized,
        signal: AbortSignal.timeout(DEADLINE_MS),
      }).then(
        async (response) => ({ status: response.status, body: await response.text(), ms: performance.now() - begun }),
        (error: Error) =>
          error.name === "TimeoutError" ? { hung: true, ms: performance.now() - begun } : { closed: true, ms: performance.now() - begun },
      );
      tally.check("oversized bodies (fetch)", `${vendor} 5 MiB`, { vendor, mustAnswer: true }, outcome);
    }
  }

  // Bodies no parser should choke on.
  const deepArray = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
  const deepObject = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
  const invalidUtf8 = Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0xed, 0xa0, 0x80, 0x7d]);
  // A valid body with keys that would pollute Object.prototype if merged naively.
  const proto = (vendor: Vendor) => {
    const valid = typeof shapes[vendor].body === "string" ? (shapes[vendor].body as string) : "{}";
    const rest = valid.trim() === "{}" ? "}" : `,${valid.trim().slice(1)}`;
    return `{"__proto__":{"AppId":"polluted","polluted":true},"constructor":{"prototype":{"polluted":true}}${rest}`;
  };
  const bodies: [string, (vendor: Vendor) => string | Uint8Array][] = [
    ["invalid UTF-8", () => invalidUtf8],
    ["deep JSON array", () => deepArray],
    ["deep JSON object", () => deepObject],
    ["__proto__ keys", proto],
    ["duplicate keys", () => '{"AppId":"a","AppId":{"x":1},"RoomId":1,"RoomId":"1"}'],
    ["1e400 and -0", () => '{"AppId":1e400,"RoomId":-0,"Page":1e400,"Limit":-1e-400}'],
  ];
  const random = prng(20250615);
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  for (let i = 0; i < 100; i++) bodies.push([`random bytes #${i}`, () => randomBytes(1 + Math.floor(random() * 4_096))]);
  await pooled(
    bodies.flatMap(([label, body]) =>
      vendorNames.map((vendor) => () => send("hostile bodies", `${vendor} ${label}`, { vendor }, withBody(vendor, body(vendor)))),
    ),
    16,
  );

  // Huge headers: over the 16 KiB head limit (answered from the parser, then closed), and many small ones.
  for (const vendor of vendorNames) {
    const huge = await rawConnection(
      base,
      `${rawHead(vendor, [`x-huge: ${"h".repeat(20_000)}`])}content-length: 2\r\n\r\n{}`,
      undefined,
      0,
      DEADLINE_MS,
    );
    tally.check("huge headers", `${vendor} 20 KiB header`, { vendor }, huge);
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`x-many-${i}`, "m".repeat(80)]));
    await send("huge headers", `${vendor} 150 headers`, { vendor }, changed(shapes[vendor], { headers: many }));
  }

  // Injected faults: the only 5xx and dropped connections allowed.
  await controlCall("injected faults", "POST", "/__mock/faults", JSON.stringify({ kind: "http", status: 503, vendor: "zego", times: 5 }));
  await controlCall("injected faults", "POST", "/__mock/faults", JSON.stringify({ kind: "drop", vendor: "tencent", times: 3 }));
  for (let i = 0; i < 5; i++) await send("injected faults", "zego 503", { vendor: "zego" }, shapes.zego, true);
  for (let i = 0; i < 3; i++)
    await exchange(base, new http.Agent(), shapes.tencent).then((o) =>
      tally.check("injected faults", "tencent drop", { vendor: "tencent" }, o, true),
    );
  await send("injected faults", "zego after the rule retired", { vendor: "zego" }, shapes.zego);

  // Control-API garbage: none of it may be a 5xx, leak a file or move anything it should not.
  // The last field: must be refused (a cross-site or rebinding request).
  const garbage: [string, string, (string | Uint8Array)?, Record<string, string>?, boolean?][] = [
    ["POST", "/__mock/faults", deepArray],
    ["POST", "/__mock/faults", deepObject],
    ["POST", "/__mock/faults", invalidUtf8],
    ["POST", "/__mock/faults", '{"kind":"drop","__proto__":{"vendor":"zego"},"constructor":{"prototype":{"polluted":true}}}'],
    ["POST", "/__mock/faults", JSON.stringify({ kind: "error", vendor: "zego", code: "30002", args: ["a".repeat(900_000)] })],
    ["POST", "/__mock/faults", '{"kind":"latency","ms":1e400}'],
    ["POST", "/__mock/rooms", '{"__proto__":{"startTime":1},"startTime":1e400,"endTime":-0}'],
    ["POST", "/__mock/rooms", JSON.stringify({ startTime: 1, endTime: 2, memberCount: 1e9, subGroupIds: Array(1_000).fill("g") })],
    ["POST", "/__mock/clock", JSON.stringify({ set: "99999-01-01T00:00:00Z" })],
    ["POST", "/__mock/clock", JSON.stringify({ advance: 1e308 })],
    ["POST", "/__mock/clock", JSON.stringify({ advance: "-99999999d" })],
    ["PUT", "/__mock/rate-limits", JSON.stringify({ enabled: "yes" })],
    ["POST", "/__mock/faults", '{"kind":"drop"}', { "content-type": "text/plain", origin: "http://evil.example" }, true],
    ["POST", "/__mock/faults", '{"kind":"drop"}', { "content-type": "text/plain" }, true],
    ["POST", "/__mock/reset", "{}", { origin: "http://evil.example" }, true],
    ["GET", "/__mock/journal", undefined, { host: "rebind.evil.example" }, true],
    ["GET", "/__mock/journal?limit=1e400&vendor[]=x"],
    ["GET", "/__mock/journal?limit=-5"],
    ["GET", "/__mock/rooms/1e400"],
    ["GET", "/__mock/rooms/99999999999999999999"],
    ["DELETE", "/__mock/faults/%00%ff"],
    ["GET", "/__mock/docs/static/../../../package.json"],
    ["GET", "/__mock/docs/static/..%2f..%2f..%2fpackage.json"],
    ["GET", "/__mock/openapi/..%2f..%2fpackage.json"],
    ["GET", "/__mock/%2e%2e/%2e%2e/etc/passwd"],
    ["GET", `/__mock/${"z".repeat(15_000)}`],
    ["PATCH", "/__mock/clock", "{}"],
    ["OPTIONS", "/__mock/faults"],
  ];
  for (let i = 0; i < 60; i++)
    garbage.push(["POST", ["/__mock/faults", "/__mock/rooms", "/__mock/clock"][i % 3]!, randomBytes(1 + Math.floor(random() * 2_048))]);
  for (const [method, path, body, headers, refused] of garbage)
    await controlCall("control-API garbage", method, path, body, headers, refused);
  const leaks = await exchange(base, agent, { method: "GET", path: "/__mock/docs/static/../../../package.json" });
  if ("body" in leaks && (leaks.body.includes('"devDependencies"') || leaks.body.includes("root:x:0:0")))
    tally.violations.push("path traversal: a file leaked");

  await Promise.all(slow);
  const polluted = await server.prototypeKeys();
  if (polluted.length > 0) tally.violations.push(`prototype pollution: ${polluted.join(", ")}`);

  await controlCall("reset", "POST", "/__mock/reset");
  agent.destroy();
  const memoryAfterReset = await server.memory();

  const sum = (key: keyof ProbeFigures) => Object.values(tally.probes).reduce((total, probe) => total + probe[key], 0);
  return {
    probes: tally.probes,
    requests: sum("requests"),
    refusals: sum("refusals"),
    faulted: sum("faulted"),
    violations: tally.violations,
    memoryBefore,
    memoryLoaded,
    memoryAfterReset,
    durationMs: Math.round(performance.now() - started),
  };
}
