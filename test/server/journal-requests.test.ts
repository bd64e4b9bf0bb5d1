import http from "node:http";
import type { AddressInfo } from "node:net";
import { Service } from "@volcengine/openapi";
import { CommonClient } from "tencentcloud-sdk-nodejs-common";
import { afterEach, describe, expect, it } from "vitest";
import type { JournalEntry } from "../../mocks/core/journal.js";
import { demoCredentials } from "../../mocks/options.js";
import { control, send, serverPerTest, signedExample, T0, frozenAt } from "../support/harness.js";

const start = serverPerTest();
const tencent = demoCredentials.tencent[0]!;
const volcengine = demoCredentials.volcengine[0]!;
const zego = demoCredentials.zego[0]!;

/** What the SDKs put on the wire, seen by a proxy in front of the mock. */
interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let proxy: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  proxy = undefined;
});

/** A pass-through HTTP proxy to `target` that records each request as it arrived. */
async function recordingProxy(target: string): Promise<{ host: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const upstream = new URL(target);
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push({ url: req.url ?? "", headers: req.headers, body: body.toString("utf8") });
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        },
      );
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy!.listen(0, "127.0.0.1", resolve));
  return { host: `127.0.0.1:${(proxy.address() as AddressInfo).port}`, seen };
}

/** Every credential-bearing value of the recorded requests: signatures, tokens, nonces. */
function secretsOf(seen: Seen[]): string[] {
  const secrets: string[] = [];
  for (const { url, headers, body } of seen) {
    const authorization = headers.authorization;
    if (authorization !== undefined) secrets.push(authorization, /Signature=([0-9a-f]+)/.exec(authorization)![1]!);
    for (const name of ["x-tc-token", "x-security-token"]) if (typeof headers[name] === "string") secrets.push(headers[name]);
    const params = [
      ...new URL(url, "http://x").searchParams,
      ...new URLSearchParams(headers["content-type"]?.includes("form") ? body : ""),
    ];
    for (const [name, value] of params)
      if (["Signature", "SignatureNonce", "Token"].includes(name)) secrets.push(value, encodeURIComponent(value));
  }
  return secrets;
}

describe("the journal of requests the official SDKs signed", () => {
  it("keeps what each vendor reads and no signature, token or secret key", async () => {
    const server = await start({ clock: {}, auth: { mode: "verify" }, rateLimits: false }); // the SDKs stamp real time
    const { host, seen } = await recordingProxy(server.url);
    const httpProfile = { endpoint: host, protocol: "http://", reqMethod: "POST" as const, agent: new http.Agent() };

    const tc3 = new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
      credential: { ...tencent, token: "tc3-session-token-secret" },
      profile: { httpProfile },
    });
    await tc3.request("DescribeRoomStatistics", { RoomId: 10004, Page: 1, Limit: 5 });
    const v1 = new CommonClient("lcic.tencentcloudapi.com", "2022-08-17", {
      credential: { ...tencent, token: "v1-session-token-secret" },
      profile: { signMethod: "HmacSHA256", httpProfile },
    });
    await v1.request("DescribeRoomStatistics", { RoomId: 10004, Page: 1, Limit: 5 });

    const rtc = new Service({
      serviceName: "rtc",
      region: "cn-north-1",
      host,
      protocol: "http:",
      ...volcengine,
      sessionToken: "sts-token-secret",
    });
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    const now = Date.now();
    await rtc.createJSONAPI("ListRealTimeQuality", { Version: "2020-12-01" })({
      AppId: "sdk-app",
      StartTime: iso(now - 600_000),
      EndTime: iso(now - 60_000),
      Indicator: ["stall_rate"],
    });
    // ZEGO publishes no server SDK for Node: the shared md5 signer, as its docs describe.
    await send(`http://${host}`, signedExample("zego.GetRealtimeUsage", now, `http://${host}`));

    const text = (await control(server.url, "GET", "/journal")).text;
    const entries = (JSON.parse(text) as { entries: JournalEntry[] }).entries;
    expect(entries.map((entry) => [entry.vendor, entry.status, entry.errorCode])).toEqual([
      ["tencent", 200, undefined],
      ["tencent", 200, undefined],
      ["volcengine", 200, undefined],
      ["zego", 200, undefined],
    ]);
    const secrets = secretsOf(seen);
    expect(secrets.length).toBeGreaterThanOrEqual(9);
    for (const secret of [...secrets, tencent.secretKey, volcengine.secretKey, zego.serverSecret]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization|x-tc-token|x-security-token|"Signature"|"SignatureNonce"|Signature=|Token=/i);

    const [tc3Entry, v1Entry, volcengineEntry, zegoEntry] = entries;
    expect(tc3Entry!.request.body).toEqual({ RoomId: 10004, Page: 1, Limit: 5 });
    expect(Object.fromEntries(new URLSearchParams(v1Entry!.request.bodyText))).toMatchObject({
      RoomId: "10004",
      SecretId: tencent.secretId,
    });
    expect(volcengineEntry!.request.body).toMatchObject({ Indicator: ["stall_rate"] });
    expect(volcengineEntry!.request.query).toEqual({ Action: "ListRealTimeQuality", Version: "2020-12-01" });
    expect(zegoEntry!.request.query).toMatchObject({ AppId: zego.appId, "Metrics[]": ["publish_concurrent", "online_user"] });
    expect(zegoEntry!.reply?.body).toMatchObject({ Code: 0 });
    for (const entry of entries) expect(entry.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe("GET /__mock/journal filters", () => {
  it("by vendor, action, tenant, status, error code and after, as the engine does", async () => {
    const server = await start({ seed: 1, clock: frozenAt(T0), rateLimits: false });
    await send(server.url, signedExample("volcengine.ListRealTimeQuality"));
    await control(server.url, "POST", "/faults", { kind: "error", vendor: "volcengine", code: "InternalError", times: 1 });
    await send(server.url, signedExample("volcengine.ListRealTimeQuality"));
    await send(server.url, signedExample("zego.GetRealtimeUsage"));
    const seqs = async (query: string) =>
      ((await control(server.url, "GET", `/journal${query}`)).json as { entries: JournalEntry[] }).entries.map((entry) => entry.seq);
    const tenant = ((await control(server.url, "GET", "/journal?vendor=zego")).json as { entries: JournalEntry[] }).entries[0]!.tenant!;
    expect(await seqs("")).toEqual([1, 2, 3]);
    expect(await seqs("?vendor=volcengine")).toEqual([1, 2]);
    expect(await seqs("?action=GetRealtimeUsage")).toEqual([3]);
    expect(await seqs(`?tenant=${encodeURIComponent(tenant)}`)).toEqual([3]);
    expect(await seqs("?status=500")).toEqual([2]);
    expect(await seqs("?errorCode=InternalError")).toEqual([2]);
    expect(await seqs("?vendor=volcengine&status=200")).toEqual([1]);
    expect(await seqs("?after=1")).toEqual([2, 3]);
    expect(await seqs("?after=3")).toEqual([]);
    expect(await seqs("?after=0&limit=2")).toEqual([2, 3]);
    const page = (await control(server.url, "GET", "/journal?after=2")).json as { capacity: number };
    expect(page.capacity).toBe(200);
  });

  for (const query of [
    "status=abc",
    "status=700",
    "status=-1",
    "status=",
    "status=99",
    "status=2000",
    "after=-1",
    "after=1.5",
    "vendor=agora",
    "errorCode=",
    "tenant=",
    "level=1",
  ]) {
    it(`answers ?${query} with the control API's 400`, async () => {
      const server = await start({ seed: 1, clock: frozenAt(T0) });
      const reply = await control(server.url, "GET", `/journal?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.json).toMatchObject({ error: { status: 400, message: expect.any(String) } });
    });
  }
});
