/**
 * A body over the limit is answered with the vendor's error, and every client reads it: the server
 * reads and discards the rest of the body before it replies and closes, so a client still sending
 * (Node's fetch, http.request) does not see a connection reset instead of the reply.
 */
import { execFile } from "node:child_process";
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Vendor } from "../../schemas/common/endpoint.js";
import { createMockEngine } from "../../mocks/core/engine.js";
import { startChildServer, type ChildServer } from "../support/child-server.js";
import { RQ, ZEGO, errorCodeOf, roomStatisticsRequest, toMockRequest, vendorRequest, type VendorRequest } from "../support/harness.js";

const run = promisify(execFile);
const TRIES = 25;
const BODY = Buffer.alloc(5 * 1024 * 1024, "x");

// In its own process: a client sharing the server's event loop cannot be sending while the server answers.
let server: ChildServer;
const engine = createMockEngine();

/** One request of each vendor's shape; the body is replaced by the oversized one. */
const shapes: Record<Vendor, VendorRequest> = {
  volcengine: vendorRequest(RQ),
  zego: vendorRequest(ZEGO, { method: "POST", headers: { "content-type": "application/json" } }),
  tencent: roomStatisticsRequest(),
};
const vendors = Object.keys(shapes) as Vendor[];

/** The headers a client sends itself: without host and content-length, which each client sets. */
const headersOf = (request: VendorRequest) =>
  Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== "host" && name !== "content-length"));

/** The code the vendor answers an oversized body with. */
const expectedCode = (vendor: Vendor) => {
  const request = shapes[vendor];
  return engine.vendorOf(toMockRequest(request)).transportError("body-too-large").code;
};

/** The vendor's error code in a reply body, or what went wrong instead (a reset, a body that is not JSON). */
async function codeOf(vendor: Vendor, text: () => Promise<string>): Promise<string | undefined> {
  try {
    return errorCodeOf(JSON.parse(await text()) as unknown, vendor);
  } catch (cause) {
    const error = cause as Error & { cause?: { code?: string }; code?: string };
    return `failed: ${error.cause?.code ?? error.code ?? error.message}`;
  }
}

let dir: string;
let bodyFile: string;
beforeAll(async () => {
  server = await startChildServer({ mock: { rateLimits: false } });
  dir = await mkdtemp(join(tmpdir(), "rtc-mock-drain-"));
  bodyFile = join(dir, "body.bin");
  await writeFile(bodyFile, BODY);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(vendors)("%s: a 5 MiB body gets the vendor's error in every client", (vendor) => {
  it(`Node's fetch (undici), ${TRIES} times`, async () => {
    const request = shapes[vendor];
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < TRIES; i++) {
      const url = `${server.url}${request.path}`;
      codes.push(
        await codeOf(vendor, async () => (await fetch(url, { method: request.method, headers: headersOf(request), body: BODY })).text()),
      );
    }
    expect(codes).toEqual(Array(TRIES).fill(expectedCode(vendor)));
  });

  it(`http.request with content-length and chunked, ${TRIES} times`, async () => {
    const request = shapes[vendor];
    const once = (chunked: boolean) =>
      new Promise<string>((resolve, reject) => {
        const headers = { ...headersOf(request), ...(chunked ? {} : { "content-length": String(BODY.length) }) };
        const req = http.request(`${server.url}${request.path}`, { method: request.method, headers, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
          res.on("error", reject);
        });
        req.on("error", reject);
        // Written in pieces, as a client streaming a large body does.
        for (let at = 0; at < BODY.length; at += 64 * 1024) req.write(BODY.subarray(at, at + 64 * 1024));
        req.end();
      });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < TRIES; i++) codes.push(await codeOf(vendor, () => once(i % 2 === 1)));
    expect(codes).toEqual(Array(TRIES).fill(expectedCode(vendor)));
  });

  it(`curl, ${TRIES} times`, async () => {
    const request = shapes[vendor];
    const headerArgs = Object.entries(headersOf(request)).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < TRIES; i++) {
      const curl = () =>
        run("curl", ["-sS", "-X", request.method, ...headerArgs, "--data-binary", `@${bodyFile}`, `${server.url}${request.path}`]).then(
          ({ stdout }) => stdout,
        );
      codes.push(await codeOf(vendor, curl));
    }
    expect(codes).toEqual(Array(TRIES).fill(expectedCode(vendor)));
  });
});
