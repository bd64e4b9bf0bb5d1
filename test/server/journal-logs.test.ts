import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import type { JournalEntry } from "../../mocks/core/journal.js";
import type { RunningServer } from "../../server/start-server.js";
import { control, exampleRequests, send, startHarnessServer, type VendorRequest } from "../support/harness.js";

/** Mock time of these tests: 2025-06-15T12:00:00Z, frozen. */
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const requests = exampleRequests(NOW);

/** Values that must never reach the journal or the logs. */
const SECRETS = [
  "c2lnbmF0dXJlLXNlY3JldA0001",
  "nonce-secret-0002",
  "tc3-signature-secret-0003",
  "session-token-secret-0004",
  "xsig-secret-0005",
  "AKLTcredential-secret-0006",
];

/** The five requests, carrying credentials where each vendor puts them. */
function requestsWithSecrets(): VendorRequest[] {
  const volcengine = requests["volcengine.ListRealTimeQuality"]!;
  const zego = requests["zego.GetRealtimeUsage"]!;
  const tencent = requests["tencent.DescribeRoomStatistics"]!;
  return [
    {
      ...volcengine,
      headers: {
        ...volcengine.headers,
        authorization: `HMAC-SHA256 Credential=AKLTdemo/20250615/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=${SECRETS[0]}`,
        "x-security-token": SECRETS[3]!,
      },
    },
    { ...volcengine, path: `${volcengine.path}&X-Signature=${SECRETS[4]}&X-Credential=${SECRETS[5]}` },
    { ...zego, path: `${zego.path}&Signature=${SECRETS[0]}&SignatureNonce=${SECRETS[1]}&Timestamp=1749988800&SignatureVersion=2.0` },
    {
      ...tencent,
      headers: {
        ...tencent.headers,
        authorization: `TC3-HMAC-SHA256 Credential=AKIDdemo/2025-06-15/lcic/tc3_request, SignedHeaders=content-type;host, Signature=${SECRETS[2]}`,
        "x-tc-token": SECRETS[3]!,
      },
    },
  ];
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("journal", () => {
  it("keeps only the configured number of entries, newest last", async () => {
    server = await startHarnessServer({ mock: { seed: 1, clock: { start: NOW, frozen: true }, rateLimits: false, journalSize: 3 } });
    for (let i = 0; i < 5; i++) await send(server.url, requests["volcengine.ListRealTimeQuality"]!);
    const { json } = await control(server.url, "GET", "/journal");
    const journal = json as { capacity: number; entries: { seq: number }[] };
    expect(journal.capacity).toBe(3);
    expect(journal.entries.map((entry) => entry.seq)).toEqual([3, 4, 5]);
    expect((await control(server.url, "GET", "/journal?limit=10")).json).toEqual(json);
  });

  it("holds no Authorization header, signature, nonce or token", async () => {
    server = await startHarnessServer({ mock: { seed: 1, clock: { start: NOW, frozen: true }, rateLimits: false } });
    for (const request of requestsWithSecrets()) await send(server.url, request);
    const text = (await control(server.url, "GET", "/journal")).text;
    const entries = JSON.parse(text).entries as JournalEntry[];
    expect(entries.map((entry) => entry.vendor)).toEqual(["volcengine", "volcengine", "zego", "tencent"]);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization/i);
    expect(text).not.toMatch(/Signature=|SignatureNonce=|X-Credential=/);
    // What is kept is still useful: the action, the tenant-bearing query and the body.
    expect(entries[2]!.request.query).toMatchObject({ AppId: "1234567890", Timestamp: "1749988800", SignatureVersion: "2.0" });
    expect(entries[0]!.request.body).toMatchObject({ Indicator: expect.arrayContaining(["stall_rate"]) });
    expect(entries[2]!.path).toBe(
      `${requests["zego.GetRealtimeUsage"]!.path.replace(/\[/g, "%5B").replace(/\]/g, "%5D")}&Timestamp=1749988800&SignatureVersion=2.0`,
    );
  });
});

describe("logs", () => {
  it("log one line per request with the sanitized URL, and never a secret, even at trace level", async () => {
    const lines: string[] = [];
    const destination = new PassThrough();
    destination.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
    server = await startHarnessServer({
      mock: { seed: 1, clock: { start: NOW, frozen: true }, rateLimits: false },
      logger: { level: "trace", format: "json", destination },
    });
    for (const request of requestsWithSecrets()) await send(server.url, request);
    await send(server.url, {
      method: "POST",
      path: "/?Action=ListRealTimeQuality&Version=2020-12-01",
      headers: { "content-type": "application/json", authorization: `Bearer ${SECRETS[0]}` },
      body: "{broken",
    });
    await new Promise((resolve) => setImmediate(resolve));

    const all = lines.join("\n");
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    const completed = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => typeof entry.status === "number");
    expect(completed).toHaveLength(5);
    expect(completed[2]).toMatchObject({
      method: "GET",
      status: 200,
      url: expect.stringMatching(/^\/\?Action=GetRealtimeUsage&AppId=1234567890/),
    });
    expect(completed.every((entry) => typeof entry.ms === "number")).toBe(true);
  });

  it("pretty-prints when asked, still without secrets", async () => {
    const chunks: string[] = [];
    const destination = new PassThrough();
    destination.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
    server = await startHarnessServer({
      mock: { seed: 1, clock: { start: NOW, frozen: true }, rateLimits: false },
      logger: { level: "info", format: "pretty", destination },
    });
    for (const request of requestsWithSecrets()) await send(server.url, request);
    await new Promise((resolve) => setImmediate(resolve));
    const text = chunks.join("");
    expect(text).toMatch(/INFO.*POST \/\?Action=ListRealTimeQuality&Version=2020-12-01 200/);
    expect(text).not.toMatch(/^\{/m);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});
