/**
 * The bad-input battery: for every endpoint of the registry, requests that are wrong in every way
 * an HTTP client can be wrong — method, action, version, JSON, content type, body size, header
 * bytes, URL — must get a JSON reply in that vendor's envelope with a code from that vendor's
 * catalog, never a 5xx, and the server must stay up. Exact codes are the vendor suites' business.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { endpoints } from "../../schemas/registry.js";
import { normalizeHeaders, type MockRequest } from "../../mocks/core/reply.js";
import type { RunningServer } from "../../server/start-server.js";
import { errorCodeOf, parseRawResponse, rawExchange, routingOf, send, startHarnessServer, type VendorRequest } from "../support/harness.js";

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const BODY_LIMIT = 4_096;

let server: RunningServer;
beforeAll(async () => {
  server = await startHarnessServer({
    bodyLimit: BODY_LIMIT,
    maxHeaderSize: 8_192,
    mock: { seed: 3, clock: { start: NOW, frozen: true }, rateLimits: false },
  });
});
afterAll(async () => {
  await server.close();
});

/** A bad request sent with fetch. */
interface FetchCase {
  name: string;
  request: VendorRequest;
}

/** A bad request written byte by byte to a socket; `sent` is what it would be without the garbage, for finding its vendor. */
interface RawCase {
  name: string;
  bytes: string | Buffer;
  sent: VendorRequest;
}

function fetchCases(base: VendorRequest, endpoint: (typeof endpoints)[number]): FetchCase[] {
  const withQuery = (path: string, from: string, to: string) => path.replace(from, to);
  const cases: FetchCase[] = [];
  for (const method of ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"].filter((m) => m !== endpoint.method)) {
    cases.push({
      name: `wrong method ${method}`,
      request: { ...base, method, ...(method === "GET" || method === "OPTIONS" ? {} : { body: "{}" }) },
    });
  }
  const bodyFor = (body: string): Partial<VendorRequest> => (endpoint.method === "GET" ? { method: "POST", body } : { body });
  if (endpoint.actionCarrier === "header") {
    cases.push({ name: "unknown action", request: { ...base, headers: { ...base.headers, "x-tc-action": "NoSuchAction" }, body: "{}" } });
    cases.push({ name: "unknown version", request: { ...base, headers: { ...base.headers, "x-tc-version": "1999-01-01" }, body: "{}" } });
    cases.push({
      name: "no action at all",
      request: { ...base, headers: { "content-type": "application/json", "x-tc-version": endpoint.version ?? "" }, body: "{}" },
    });
  } else {
    cases.push({
      name: "unknown action",
      request: { ...base, path: withQuery(base.path, `Action=${endpoint.action}`, "Action=NoSuchAction"), ...bodyFor("{}") },
    });
    if (endpoint.version !== null)
      cases.push({
        name: "unknown version",
        request: { ...base, path: withQuery(base.path, `Version=${endpoint.version}`, "Version=1999-01-01"), ...bodyFor("{}") },
      });
    cases.push({ name: "no query at all", request: { ...base, path: "/", ...bodyFor("{}") } });
    cases.push({ name: "action given twice", request: { ...base, path: `${base.path}&Action=Other` } });
  }
  cases.push(
    {
      name: "invalid JSON",
      request: { ...base, headers: { ...base.headers, "content-type": "application/json" }, ...bodyFor('{"AppId": ') },
    },
    {
      name: "JSON of the wrong shape",
      request: { ...base, headers: { ...base.headers, "content-type": "application/json" }, ...bodyFor("[1,2,3]") },
    },
    {
      name: "deeply nested JSON",
      request: {
        ...base,
        headers: { ...base.headers, "content-type": "application/json" },
        ...bodyFor(`${"[".repeat(1_500)}${"]".repeat(1_500)}`),
      },
    },
    { name: "empty JSON body", request: { ...base, headers: { ...base.headers, "content-type": "application/json" }, ...bodyFor("") } },
    { name: "content type text/plain", request: { ...base, headers: { ...base.headers, "content-type": "text/plain" }, ...bodyFor("{}") } },
    {
      name: "content type form-urlencoded",
      request: { ...base, headers: { ...base.headers, "content-type": "application/x-www-form-urlencoded" }, ...bodyFor("a=1&b=2") },
    },
    {
      name: "content type multipart",
      request: { ...base, headers: { ...base.headers, "content-type": "multipart/form-data; boundary=x" }, ...bodyFor("--x\r\n\r\n--x--") },
    },
    {
      name: "content type that is not a media type",
      request: { ...base, headers: { ...base.headers, "content-type": "garbage;;;=" }, ...bodyFor("{}") },
    },
    {
      name: "body over the limit",
      request: {
        ...base,
        headers: { ...base.headers, "content-type": "application/json" },
        ...bodyFor(`{"pad":"${"x".repeat(BODY_LIMIT * 2)}"}`),
      },
    },
    { name: "query full of bad escapes", request: { ...base, path: `${base.path}&StartTime=%zz&Metrics[]=%E0%A4%A&%00=%FF` } },
    { name: "bad escape in the path", request: { ...base, path: `/%zz${base.path.slice(1)}` } },
    { name: "another path", request: { ...base, path: `/v2/stats${base.path.slice(1)}` } },
    { name: "double slash path", request: { ...base, path: `//rtc.volcengineapi.com${base.path}` } },
    { name: "very long query", request: { ...base, path: `${base.path}&pad=${"q".repeat(6_000)}` } },
  );
  return cases;
}

function rawCases(base: VendorRequest, port: number): RawCase[] {
  const head = (extra: string[], body = "{}") =>
    [
      `POST ${base.path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      ...Object.entries(base.headers).map(([name, value]) => `${name}: ${value}`),
      ...extra,
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body,
    ].join("\r\n");
  const sent: VendorRequest = { ...base, method: "POST", body: "{}" };
  return [
    { name: "control byte in a header name", bytes: head(["X-Bad\u0001Name: v"]), sent },
    { name: "NUL in a header value", bytes: head(["X-Note: a\u0000b"]), sent },
    { name: "header line without a colon", bytes: head(["ThisIsNotAHeader"]), sent },
    { name: "headers over the size limit", bytes: head([`X-Pad: ${"h".repeat(10_000)}`]), sent },
    { name: "conflicting Content-Length", bytes: head(["Content-Length: 5"]), sent },
    {
      name: "invalid chunked encoding",
      bytes: [
        `POST ${base.path} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        ...Object.entries(base.headers).map(([n, v]) => `${n}: ${v}`),
        "Transfer-Encoding: chunked",
        "Connection: close",
        "",
        "zz\r\n{}\r\n0\r\n\r\n",
      ].join("\r\n"),
      sent,
    },
    {
      name: "invalid UTF-8 body bytes",
      bytes: Buffer.concat([
        Buffer.from(head([], "").replace(/Content-Length: 0/, "Content-Length: 6")),
        Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d]),
      ]),
      sent,
    },
    { name: "unknown HTTP method token", bytes: head([]).replace(/^POST/, "FROB"), sent },
    { name: "HTTP version 9.9", bytes: head([]).replace("HTTP/1.1", "HTTP/9.9"), sent },
  ];
}

/** The vendor the engine assigns to a request, as the server would see it. */
function vendorOf(request: VendorRequest): { vendor: Vendor; codes: string[] } {
  const host = new URL(server.url).host;
  let url: URL;
  try {
    url = new URL(`http://${host}${request.path.startsWith("/") ? request.path : `/${request.path}`}`);
  } catch {
    url = new URL(`http://${host}/`);
  }
  const mock: MockRequest = {
    method: request.method,
    url,
    headers: normalizeHeaders([...Object.entries(request.headers), ["host", host]]),
    rawBody: new Uint8Array(),
  };
  const protocol = server.engine.vendorOf(mock);
  return { vendor: protocol.vendor, codes: Object.keys(protocol.errors) };
}

async function expectStillUp(): Promise<void> {
  const health = await send(server.url, { method: "GET", path: "/__mock/health", headers: {} });
  expect(health.status).toBe(200);
}

/** The reply is JSON in one of the vendors' envelopes, with a code of the vendor the request belongs to. */
function expectVendorError(status: number, text: string, request: VendorRequest, label: string): void {
  expect(status, `${label}: status`).toBeGreaterThan(0);
  expect(status, `${label}: no 5xx`).toBeLessThan(500);
  let json: unknown;
  expect(() => (json = JSON.parse(text)), `${label}: JSON body, got ${text.slice(0, 200)}`).not.toThrow();
  const { vendor, codes } = vendorOf(request);
  const code = errorCodeOf(json, vendor);
  expect(code, `${label}: a ${vendor} error envelope, got ${text.slice(0, 300)}`).toBeDefined();
  expect(codes, `${label}: ${vendor} catalog`).toContain(code);
  expect(text, `${label}: no stack trace`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

describe.each(endpoints.map((endpoint) => [endpoint.id, endpoint] as const))("bad input to %s", (_id, endpoint) => {
  const base = routingOf(endpoint);
  for (const badCase of fetchCases(base, endpoint)) {
    it(badCase.name, async () => {
      const reply = await send(server.url, badCase.request);
      expectVendorError(reply.status, reply.text, badCase.request, badCase.name);
      await expectStillUp();
    });
  }

  it("garbage on the wire: invalid header bytes, oversized headers, broken framing", async () => {
    const port = Number(new URL(server.url).port);
    for (const rawCase of rawCases(base, port)) {
      const { text } = await rawExchange(server.url, rawCase.bytes);
      const reply = parseRawResponse(text);
      expect(reply.headers["content-type"], `${rawCase.name}: ${text.slice(0, 200)}`).toMatch(/json/);
      expectVendorError(reply.status, reply.body, rawCase.sent, rawCase.name);
      await expectStillUp();
    }
  });
});

describe("bad input at the default limits", () => {
  it("answers a body over the default 1 MiB with the vendor's error, not a 413 from the framework", async () => {
    const defaults = await startHarnessServer({ mock: { seed: 3, clock: { start: NOW, frozen: true }, rateLimits: false } });
    try {
      for (const endpoint of endpoints.filter((e) => e.method === "POST")) {
        const request: VendorRequest = { ...routingOf(endpoint), body: `{"pad":"${"x".repeat(1_100_000)}"}` };
        const reply = await send(defaults.url, request);
        const protocol = defaults.engine.vendorOf({
          method: "POST",
          url: new URL(`${defaults.url}${request.path}`),
          headers: normalizeHeaders(Object.entries(request.headers)),
          rawBody: new Uint8Array(),
        });
        expect(reply.status).toBeLessThan(500);
        expect(Object.keys(protocol.errors)).toContain(errorCodeOf(reply.json, protocol.vendor));
      }
    } finally {
      await defaults.close();
    }
  });
});
