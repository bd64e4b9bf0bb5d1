import { describe, expect, it } from "vitest";
import { MAX_JOURNAL_REPLY_BYTES, MAX_JOURNAL_REQUEST_BYTES } from "../../mocks/core/bounds.js";
import { createMockEngine } from "../../mocks/core/engine.js";
import { createJournal, type JournalEntry } from "../../mocks/core/journal.js";
import { captureReply } from "../../mocks/core/journal-capture.js";
import { textReply, utf8, type MockRequest } from "../../mocks/core/reply.js";
import { demoCredentials } from "../../mocks/options.js";
import { signTencentV1Request } from "../../schemas/tencent/signing.js";
import { signVolcengineRequest } from "../../schemas/volcengine/signing.js";
import {
  DEFAULT_ORIGIN,
  T0,
  changed,
  errorCodeOf,
  frozenAt,
  handle,
  signedExample,
  toMockRequest,
  zegoSignature,
  type VendorRequest,
} from "../support/harness.js";

const verifying = () => createMockEngine({ seed: 1, clock: frozenAt(), auth: { mode: "verify" }, rateLimits: false });
const T0_SEC = Math.floor(T0 / 1000);

/** The Signature=… part of an Authorization header (Volcengine and Tencent TC3 alike). */
const signatureOf = (authorization: string) => /Signature=([0-9a-f]+)/.exec(authorization)![1]!;

/** A Volcengine request signed by the shared signer with an STS session token (X-Security-Token, signed). */
function volcengineWithToken(token: string): VendorRequest {
  const base = signedExample("volcengine.ListRealTimeQuality");
  const unsigned = { ...base, headers: { "content-type": "application/json" } };
  const url = new URL(unsigned.path, DEFAULT_ORIGIN);
  const demo = demoCredentials.volcengine[0]!;
  const added = signVolcengineRequest({
    method: "POST",
    url,
    headers: { host: url.host, ...unsigned.headers },
    body: utf8(String(unsigned.body)),
    ...demo,
    sessionToken: token,
    date: new Date(T0),
  });
  return changed(unsigned, { headers: Object.fromEntries(Object.entries(added).map(([k, v]) => [k.toLowerCase(), v])) });
}

/** A Tencent v1 request (query for GET, form body for POST) signed with the demo key, a `Token` among its signed parameters. */
function tencentV1(method: "GET" | "POST", token: string): { request: VendorRequest; signature: string } {
  const demo = demoCredentials.tencent[0]!;
  const signed = signTencentV1Request({
    method,
    url: new URL(DEFAULT_ORIGIN),
    params: { Action: "DescribeRoomStatistics", Version: "2022-08-17", RoomId: 10004, Page: 1, Limit: 5, Token: token },
    secretId: demo.secretId,
    secretKey: demo.secretKey,
    timestamp: T0_SEC,
  });
  const request = { method, path: signed.path, headers: signed.headers, ...(signed.body !== undefined ? { body: signed.body } : {}) };
  return { request, signature: signed.params.Signature! };
}

describe("journal entries keep the request as the vendor reads it, without credentials", () => {
  it("Volcengine: body and query kept; Authorization, its signature and the session token gone", () => {
    const engine = verifying();
    const request = volcengineWithToken("sts-session-token-secret-1");
    expect(errorCodeOf(handle(engine, request))).toBeUndefined();
    const [entry] = engine.journal.entries();
    expect(entry!.request.query).toEqual({ Action: "ListRealTimeQuality", Version: "2020-12-01" });
    expect((entry!.request.body as { Indicator: string[] }).Indicator).toEqual([
      "stall_rate",
      "join_room_success_rate",
      "network_trans_delay",
    ]);
    expect(entry!.request.headers["x-date"]).toBe(request.headers["x-date"]);
    expect(Object.keys(entry!.request.headers)).not.toContain("authorization");
    const text = JSON.stringify(entry);
    for (const secret of [
      signatureOf(request.headers.authorization!),
      "sts-session-token-secret-1",
      demoCredentials.volcengine[0]!.secretKey,
    ])
      expect(text).not.toContain(secret);
    expect(entry!.reply?.body).toMatchObject({ ResponseMetadata: { Action: "ListRealTimeQuality" } });
  });

  it("ZEGO: Metrics[] kept as a list, AppId and Timestamp kept; Signature and SignatureNonce gone", () => {
    const engine = verifying();
    const request = signedExample("zego.GetRealtimeUsage");
    const params = zegoSignature({ timestampSec: T0_SEC });
    const sent = new URL(request.path, DEFAULT_ORIGIN).searchParams;
    expect(errorCodeOf(handle(engine, request))).toBeUndefined();
    const [entry] = engine.journal.entries();
    expect(entry!.request.query).toMatchObject({
      Action: "GetRealtimeUsage",
      AppId: params.AppId,
      "Metrics[]": ["publish_concurrent", "online_user"],
    });
    expect(entry!.request.query).not.toHaveProperty("Signature");
    expect(entry!.request.query).not.toHaveProperty("SignatureNonce");
    expect(entry!.request.body).toBeUndefined();
    const text = JSON.stringify(entry);
    for (const secret of [sent.get("Signature")!, sent.get("SignatureNonce")!, demoCredentials.zego[0]!.serverSecret])
      expect(text).not.toContain(secret);
    expect(entry!.tenant).toBe(params.AppId);
  });

  it("Tencent TC3: body kept; Authorization and X-TC-Token gone", () => {
    const engine = verifying();
    const signed = signedExample("tencent.DescribeRoomStatistics", T0, DEFAULT_ORIGIN, { fields: { RoomId: 10004, Limit: 5 } });
    const request = changed(signed, { headers: { "x-tc-token": "tc-session-token-secret-2", cookie: "sid=cookie-secret-3" } });
    expect(errorCodeOf(handle(engine, request))).toBeUndefined();
    const [entry] = engine.journal.entries();
    expect(entry!.request.body).toEqual({ RoomId: 10004, Page: 1, Limit: 5 });
    expect(entry!.request.headers["x-tc-action"]).toBe("DescribeRoomStatistics");
    const text = JSON.stringify(entry);
    for (const secret of [
      signatureOf(request.headers.authorization!),
      "tc-session-token-secret-2",
      "cookie-secret-3",
      demoCredentials.tencent[0]!.secretKey,
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization|x-tc-token|cookie/i);
  });

  for (const method of ["GET", "POST"] as const) {
    it(`Tencent signature v1 ${method}: parameters kept, Signature and Token gone`, () => {
      const engine = verifying();
      const { request, signature } = tencentV1(method, "v1-token-secret-4");
      expect(errorCodeOf(handle(engine, request))).toBeUndefined();
      const [entry] = engine.journal.entries();
      const params = method === "GET" ? entry!.request.query : Object.fromEntries(new URLSearchParams(entry!.request.bodyText));
      expect(params).toMatchObject({ Action: "DescribeRoomStatistics", RoomId: "10004", SecretId: demoCredentials.tencent[0]!.secretId });
      expect(params).not.toHaveProperty("Signature");
      expect(params).not.toHaveProperty("Token");
      const text = JSON.stringify(entry);
      for (const secret of [signature, encodeURIComponent(signature), "v1-token-secret-4"]) expect(text).not.toContain(secret);
    });
  }

  it("keeps a non-JSON body as text, the reply of a dropped connection not at all, and the fault latency", () => {
    const engine = createMockEngine({ seed: 1, clock: frozenAt(), rateLimits: false });
    const broken = changed(signedExample("volcengine.ListRealTimeQuality"), { body: "{broken" });
    handle(engine, broken);
    engine.faults.add({ kind: "drop", vendor: "zego" });
    engine.faults.add({ kind: "latency", vendor: "zego", ms: 250 });
    handle(engine, signedExample("zego.GetRealtimeUsage"));
    const [volcengine, zego] = engine.journal.entries();
    expect(volcengine!.request.bodyText).toBe("{broken");
    expect(volcengine!.request.body).toBeUndefined();
    expect(volcengine!.reply?.body).toMatchObject({ ResponseMetadata: { Error: { Code: volcengine!.errorCode } } });
    expect(zego!.status).toBe(0);
    expect(zego!.reply).toBeUndefined();
    expect(zego!.latencyMs).toBeGreaterThanOrEqual(250);
    expect(volcengine!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(volcengine!.latencyMs).toBeLessThan(250);
  });

  it("hands out copies: changing an entry does not change the journal", () => {
    const engine = verifying();
    handle(engine, signedExample("volcengine.ListRealTimeQuality"));
    const [first] = engine.journal.entries();
    (first!.request.body as { Indicator: string[] }).Indicator.push("changed");
    first!.request.headers.extra = "x";
    expect((engine.journal.entries()[0]!.request.body as { Indicator: string[] }).Indicator).not.toContain("changed");
    expect(engine.journal.entries()[0]!.request.headers).not.toHaveProperty("extra");
  });
});

const rawRequest = (changes: Partial<MockRequest> & { body?: string } = {}): MockRequest => ({
  method: "POST",
  url: new URL("http://x/?Action=A"),
  headers: { "content-type": "application/json" },
  rawBody: utf8(changes.body ?? ""),
  ...changes,
});

describe("per-entry bounds", () => {
  it(`cuts a request past ${MAX_JOURNAL_REQUEST_BYTES} bytes and a reply past ${MAX_JOURNAL_REPLY_BYTES} bytes, marking both`, () => {
    const journal = createJournal();
    const body = JSON.stringify({ Indicator: ["stall_rate"], pad: "é".repeat(MAX_JOURNAL_REQUEST_BYTES) });
    const reply = textReply(200, {}, JSON.stringify({ pad: "ü".repeat(MAX_JOURNAL_REPLY_BYTES) }));
    journal.record({ at: 0, request: rawRequest({ body }), reply, latencyMs: 1, status: 200 });
    const [entry] = journal.entries();
    expect(entry!.request.truncated).toBe(true);
    expect(entry!.request.body).toBeUndefined();
    expect(body.startsWith(entry!.request.bodyText!)).toBe(true); // cut on a character boundary, no U+FFFD
    expect(utf8(JSON.stringify(entry!.request)).length).toBeLessThanOrEqual(MAX_JOURNAL_REQUEST_BYTES + 200);
    expect(entry!.reply?.truncated).toBe(true);
    expect(entry!.reply?.bodyText?.startsWith('{"pad":"üü')).toBe(true);
    expect(entry!.reply?.bodyText).not.toContain("\uFFFD");
    expect(utf8(entry!.reply!.bodyText!).length).toBeLessThanOrEqual(MAX_JOURNAL_REPLY_BYTES);
  });

  it("keeps a request and reply at the caps whole", () => {
    const journal = createJournal();
    const reply = textReply(200, {}, JSON.stringify({ pad: "r".repeat(MAX_JOURNAL_REPLY_BYTES - 10) }));
    journal.record({ at: 0, request: rawRequest({ body: '{"a":1}' }), reply, latencyMs: 1, status: 200 });
    const [entry] = journal.entries();
    expect(entry!.request).toEqual({ query: { Action: "A" }, headers: { "content-type": "application/json" }, body: { a: 1 } });
    expect(entry!.reply).toEqual({ body: { pad: "r".repeat(MAX_JOURNAL_REPLY_BYTES - 10) } });
  });

  it("leaves out query and headers past the cap, and blanks secret values in a cut JSON body", () => {
    const journal = createJournal();
    const url = new URL(`http://x/?Action=A&big=${"q".repeat(MAX_JOURNAL_REQUEST_BYTES)}&after=1`);
    journal.record({
      at: 0,
      request: rawRequest({ url, headers: { "x-later": "h" } }),
      reply: textReply(200, {}, ""),
      latencyMs: 0,
      status: 200,
    });
    const body = `{"Signature":"json-secret-5","pad":"${"p".repeat(MAX_JOURNAL_REQUEST_BYTES)}"}`;
    journal.record({ at: 0, request: rawRequest({ body }), reply: textReply(200, {}, ""), latencyMs: 0, status: 200 });
    journal.record({
      at: 0,
      request: rawRequest({ body: '{"Token":"json-secret-6","a":1}' }),
      reply: textReply(200, {}, ""),
      latencyMs: 0,
      status: 200,
    });
    const [longQuery, cutBody, wholeBody] = journal.entries();
    expect(longQuery!.request).toEqual({ query: { Action: "A" }, headers: {}, truncated: true });
    expect(longQuery!.reply).toEqual({ bodyText: "" });
    expect(cutBody!.request.bodyText).toMatch(/^\{"Signature":"\[redacted\]","pad":"p+$/);
    expect(wholeBody!.request.body).toEqual({ a: 1 });
    expect(JSON.stringify(journal.entries())).not.toMatch(/json-secret/);
  });

  it("keeps a parameter named __proto__ as a parameter", () => {
    const journal = createJournal();
    journal.record({
      at: 0,
      request: rawRequest({ url: new URL("http://x/?__proto__=1&__proto__=2") }),
      reply: textReply(200, {}, ""),
      latencyMs: 0,
      status: 200,
    });
    const [entry] = journal.entries();
    expect(Object.getPrototypeOf(entry!.request.query)).toBe(Object.prototype);
    expect(JSON.stringify(entry!.request.query)).toBe('{"__proto__":["1","2"]}');
  });
});

describe("filters", () => {
  /** One engine with: Volcengine ok, Volcengine forced error, ZEGO ok, Tencent (no such room). */
  function journaled() {
    const engine = createMockEngine({ seed: 1, clock: frozenAt(), rateLimits: false });
    const quality = toMockRequest(signedExample("volcengine.ListRealTimeQuality"));
    engine.handle(quality);
    engine.faults.add({ kind: "error", vendor: "volcengine", code: "InternalError", times: 1 });
    engine.handle(quality);
    engine.handle(toMockRequest(signedExample("zego.GetRealtimeUsage")));
    engine.handle(toMockRequest(signedExample("tencent.DescribeRoomStatistics", T0, DEFAULT_ORIGIN, { fields: { RoomId: 999_999 } })));
    return engine;
  }
  const seqs = (entries: JournalEntry[]) => entries.map((entry) => entry.seq);

  it("select by vendor, action, tenant, status and error code, together, then after and limit", () => {
    const journal = journaled().journal;
    const all = journal.entries();
    expect(seqs(all)).toEqual([1, 2, 3, 4]);
    expect(seqs(journal.entries({ vendor: "volcengine" }))).toEqual([1, 2]);
    expect(seqs(journal.entries({ action: "GetRealtimeUsage" }))).toEqual([3]);
    expect(seqs(journal.entries({ tenant: all[2]!.tenant! }))).toEqual([3]);
    expect(seqs(journal.entries({ status: 500 }))).toEqual([2]);
    expect(seqs(journal.entries({ errorCode: "InternalError" }))).toEqual([2]);
    expect(seqs(journal.entries({ errorCode: all[3]!.errorCode! }))).toEqual([4]);
    expect(seqs(journal.entries({ vendor: "volcengine", status: 200 }))).toEqual([1]);
    expect(seqs(journal.entries({ vendor: "zego", action: "ListRealTimeQuality" }))).toEqual([]);
    expect(seqs(journal.entries({ after: 2 }))).toEqual([3, 4]);
    expect(seqs(journal.entries({ after: 4 }))).toEqual([]);
    expect(seqs(journal.entries({ after: 0, limit: 1 }))).toEqual([4]);
    expect(seqs(journal.entries({ vendor: "volcengine", limit: 1 }))).toEqual([2]);
  });
});

describe("reply bytes", () => {
  it("are copied when the reply is a view into a larger buffer, so the byte count holds", () => {
    const big = utf8(`{"a":1}${" ".repeat(100_000)}`);
    const view = { status: 200, headers: {}, body: big.subarray(0, 7) };
    expect(captureReply(view)!.bytes.buffer.byteLength).toBe(7);
    const exact = textReply(200, {}, '{"a":1}');
    expect(captureReply(exact)!.bytes).toBe(exact.body); // kept as is: no copy per request
    expect(captureReply({ ...exact, drop: true })).toBeUndefined();
  });
});
