import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { contractCommand } from "../../contracts/cli.js";
import { runContract, type CaseResult } from "../../contracts/runner.js";
import { TargetUnreachable, unreachable } from "../../contracts/targets/unreachable.js";
import type { Target } from "../../contracts/targets/target.js";
import { urlTarget } from "../../contracts/targets/url-target.js";
import { vendorTarget } from "../../contracts/targets/vendor-target.js";
import { buildServer } from "../../server/app.js";
import { capture } from "../support/command-io.js";

// Issue 15: a run against a server that is not running printed 60 × "fetch failed" with no cause.

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A TCP server that does `onConnection` with every connection instead of speaking HTTP. */
async function tcp(onConnection: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function contract(url: string): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  const code = await contractCommand(["--target", `url:${url}`], io);
  return { code, out: io.out(), err: io.err() };
}

describe("a target that cannot be reached stops the run with one line and exit code 2", () => {
  it("a server that closes every connection", async () => {
    // Closed once the request came (closed before it, undici would try again until the timeout).
    const url = await tcp((socket) => socket.once("data", () => socket.destroy()));
    expect(await contract(url)).toEqual({
      code: 2,
      out: "",
      err: `contract: cannot reach ${url}: the server closed the connection without a reply — is the fake server running?\n`,
    });
  });

  it("something on the port that does not speak HTTP", async () => {
    const url = await tcp((socket) => socket.end("SSH-2.0-OpenSSH_9.6\r\n"));
    expect(await contract(url)).toEqual({
      code: 2,
      out: "",
      err: `contract: cannot reach ${url}: the reply is not HTTP — is it an https:// server, or another service on that port?\n`,
    });
  });

  it("https:// to a server that speaks plain HTTP", async () => {
    const url = (await tcp((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"))).replace("http:", "https:");
    const { code, out, err } = await contract(url);
    expect([code, out]).toEqual([2, ""]);
    // The code is OpenSSL's (ERR_SSL_WRONG_VERSION_NUMBER with OpenSSL 3).
    expect(err).toMatch(
      new RegExp(
        `^contract: cannot reach ${url}: TLS failed \\(ERR_SSL_[A-Z_]+\\) — is it a plain http:// server, or is its certificate not trusted\\?\n$`,
      ),
    );
  });

  it("a port fetch refuses to connect to", async () => {
    // 6000 is one of the fetch standard's bad ports: fetch fails before any connection, whatever listens there.
    expect(await contract("http://127.0.0.1:6000")).toEqual({
      code: 2,
      out: "",
      err: "contract: cannot reach http://127.0.0.1:6000: fetch does not connect to port 6000 — use another port\n",
    });
  });

  it("a server that accepts connections but never answers", async () => {
    const url = await tcp(() => {});
    const target = urlTarget({ baseUrl: url, timeoutMs: 200 });
    const run = runContract({ target, cases: buildCases().slice(0, 3) });
    await expect(run).rejects.toThrow(new TargetUnreachable(url, "no answer within 0.2 s", "is the fake server running?"));
  });

  it("a fake server that goes away in the middle of a run: the next case stops it", async () => {
    const fake = buildServer({ mock: { auth: { mode: "off" } } });
    const url = await fake.app.listen({ host: "127.0.0.1", port: 0 });
    const ran: CaseResult[] = [];
    const inner = urlTarget({ baseUrl: url, session: false });
    let begun = 0;
    const target: Target = {
      ...inner,
      async beginCase(c) {
        if (++begun === 2) await fake.app.close(); // gone before the second case
        return inner.beginCase(c);
      },
    };
    const run = runContract({
      target,
      cases: buildCases().filter((c) => c.endpointId === "zego.GetRealtimeUsage"),
      onResult: (r) => ran.push(r),
    });
    // Refused, or reset and closed for the kept-alive connections the server dropped.
    await expect(run).rejects.toThrow(
      new RegExp(
        `^cannot reach ${url}: (connection refused|connection reset|the server closed the connection without a reply) — is the fake server running\\?$`,
      ),
    );
    expect(ran.map((r) => r.status)).toEqual(["passed"]);
  });

  it("a vendor host that does not resolve names the host and how to point elsewhere", async () => {
    const target = vendorTarget({
      credentials: { zego: { appId: "1", serverSecret: "0".repeat(32) } },
      env: { RTC_CONTRACT_ZEGO_BASE_URL: "http://contract-test.invalid" },
    });
    const run = runContract({ target, cases: buildCases().filter((c) => c.id === "zego.GetRealtimeUsage/unknown-metric") });
    await expect(run).rejects.toThrow(
      /^cannot reach http:\/\/contract-test\.invalid: host (not found|name lookup failed) — check the network, or point RTC_CONTRACT_ZEGO_BASE_URL at the host to use$/,
    );
  });
});

describe("what counts as unreachable", () => {
  const url = new URL("http://127.0.0.1:4010/");
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError("fetch failed"), { cause });

  it("a refused connection, also when several addresses were tried", () => {
    expect(unreachable(fetchFailed({ code: "ECONNREFUSED" }), url, "hint")?.message).toBe(
      "cannot reach http://127.0.0.1:4010: connection refused — hint",
    );
    const both = { errors: [{ code: "ECONNREFUSED" }, { code: "ECONNREFUSED" }] };
    expect(unreachable(fetchFailed(both), url, "hint")?.message).toBe("cannot reach http://127.0.0.1:4010: connection refused — hint");
  });

  it("not a reply that came, a timeout (a latency budget) or another error", () => {
    expect(unreachable(fetchFailed({ code: "UND_ERR_BODY_TIMEOUT" }), url, "hint")).toBeUndefined();
    expect(unreachable(new DOMException("timed out", "TimeoutError"), url, "hint")).toBeUndefined();
    expect(unreachable(new Error("ECONNREFUSED"), url, "hint")).toBeUndefined();
  });
});
