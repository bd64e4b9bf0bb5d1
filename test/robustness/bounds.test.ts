/**
 * The bounds of mocks/core/bounds.ts hold, each answered with a clear error (never a 500), and the
 * bounds table of docs/FIDELITY.md says what the code does.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  MAX_FAULT_BYTES,
  MAX_FAULT_LATENCY_MS,
  MAX_FAULT_RULE_BYTES,
  MAX_FAULT_RULES,
  MAX_JOURNAL_BYTES,
  MAX_JOURNAL_PATH_CHARS,
  MAX_TENANT_KEY_CHARS,
  serverBounds,
} from "../../mocks/core/bounds.js";
import { createMockEngine } from "../../mocks/core/engine.js";
import { createJournal } from "../../mocks/core/journal.js";
import { textReply, utf8 } from "../../mocks/core/reply.js";
import { MAX_MEMBERS_PER_ROOM, MAX_ROOMS } from "../../mocks/tencent/room-spec.js";
import { DEFAULT_BODY_LIMIT, DEFAULT_MAX_HEADER_SIZE } from "../../server/app.js";
import { settings } from "../../server/config/settings.js";
import { control, errorCodeOf, handle, roomStatisticsRequest, sharedServer } from "../support/harness.js";

const server = sharedServer();
const faults = () => server.current.engine.faults.list();

describe("fault rules", () => {
  it("refuses one rule over the size cap (a 1 MB args), naming the size", async () => {
    const huge = { kind: "error", vendor: "zego", code: "30002", args: ["x".repeat(1_000_000)] };
    const reply = await control(server.url, "POST", "/faults", huge);
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toMatch(
      new RegExp(`^Fault rule too large: 1000\\d{3} bytes as JSON \\(max ${MAX_FAULT_RULE_BYTES}\\)$`),
    );
    expect(faults()).toEqual([]);
  });

  it(`caps all rules together at ${MAX_FAULT_BYTES} bytes, and deleting makes room again`, async () => {
    const rule = { kind: "http", status: 503, vendor: "tencent", body: "y".repeat(60_000) };
    let added = 0;
    let refusal: { status: number; json: { error: { message: string } } } | undefined;
    while (refusal === undefined && added < MAX_FAULT_RULES) {
      const reply = await control(server.url, "POST", "/faults", rule);
      if (reply.status === 201) added++;
      else refusal = reply;
    }
    expect(added).toBe(Math.floor(MAX_FAULT_BYTES / JSON.stringify(rule).length));
    expect(refusal?.status).toBe(400);
    expect(refusal?.json.error.message).toMatch(/^Fault rules too large: \d+ bytes as JSON in all \(max 4194304\); remove some first$/);
    expect((await control(server.url, "DELETE", `/faults/${faults()[0]!.id}`)).status).toBe(204);
    expect((await control(server.url, "POST", "/faults", rule)).status).toBe(201);
    expect((await control(server.url, "DELETE", "/faults")).status).toBe(204);
    expect((await control(server.url, "POST", "/faults", rule)).status).toBe(201);
  });

  it(`caps the latency that matching rules add to one request at ${MAX_FAULT_LATENCY_MS} ms`, async () => {
    const latency = (ms: number, scope: Record<string, string> = {}) =>
      control(server.url, "POST", "/faults", { kind: "latency", ms, ...scope });
    expect((await latency(40_000, { vendor: "zego" })).status).toBe(201);
    // Another vendor's requests never meet the ZEGO rule.
    expect((await latency(40_000, { vendor: "tencent" })).status).toBe(201);
    const tooMuch = await latency(20_001, { vendor: "zego", action: "GetRealtimeUsage" });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.error.message).toBe(
      "Too much latency: the latency rules matching one request would add up to 60001 ms (max 60000)",
    );
    expect((await latency(20_000)).status).toBe(201); // every request: 40 s + 20 s at most
    expect((await latency(1)).status).toBe(400);
    expect(faults().map((rule) => rule.kind)).toEqual(["latency", "latency", "latency"]);
  });

  it("a `times` rule that retires frees its bytes", () => {
    const engine = createMockEngine();
    const body = "z".repeat(100_000);
    for (let i = 0; i < 41; i++) engine.faults.add({ kind: "http", status: 502, vendor: "zego", body, times: 1 });
    expect(() => engine.faults.add({ kind: "http", status: 502, vendor: "zego", body })).toThrow(/Fault rules too large/);
    engine.faults.decide("zego", "GetRealtimeUsage");
    expect(engine.faults.add({ kind: "http", status: 502, vendor: "zego", body })).toMatchObject({ kind: "http" });
  });
});

describe("tenant keys", () => {
  const longId = (i: number) => `AKID${String(i).padStart(8, "0")}${"k".repeat(8_000)}`;
  const withSecretId = (secretId: string) =>
    roomStatisticsRequest({
      headers: {
        authorization: `TC3-HMAC-SHA256 Credential=${secretId}/2025-06-15/lcic/tc3_request, SignedHeaders=content-type;host, Signature=0`,
      },
    });

  it(`a SecretId over ${MAX_TENANT_KEY_CHARS} characters is tracked as its digest, and keeps its own quota`, () => {
    const engine = createMockEngine({ seed: 1, clock: { start: Date.UTC(2025, 5, 15, 12), frozen: true } });
    for (let i = 0; i < 20; i++) expect(errorCodeOf(handle(engine, withSecretId(longId(1))), "tencent")).toBeUndefined();
    expect(errorCodeOf(handle(engine, withSecretId(longId(1))), "tencent")).toBe("RequestLimitExceeded");
    // Same first 64 characters and length, another key: its own quota.
    expect(errorCodeOf(handle(engine, withSecretId(longId(1).slice(0, -1) + "j")), "tencent")).toBeUndefined();
    const tenants = engine.journal.entries().map((entry) => entry.tenant);
    expect(tenants[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(new Set(tenants).size).toBe(2);
    // A short one is kept as given.
    handle(engine, withSecretId("AKIDshort"));
    expect(engine.journal.entries().at(-1)?.tenant).toBe("AKIDshort");
  });
});

describe("journal", () => {
  it(`cuts paths at ${MAX_JOURNAL_PATH_CHARS} characters and keeps about ${MAX_JOURNAL_BYTES} bytes, dropping the oldest`, () => {
    const journal = createJournal(100_000);
    const request = (i: number) => ({
      method: "POST",
      url: new URL(`http://127.0.0.1/?Action=${i}&pad=${"p".repeat(15_000)}`),
      headers: { "content-type": "application/json" },
      rawBody: utf8(JSON.stringify({ pad: "b".repeat(50_000) })),
    });
    const reply = textReply(200, {}, JSON.stringify({ pad: "r".repeat(200_000) }));
    for (let i = 0; i < 2_000; i++)
      journal.record({ request: request(i), reply, at: i, latencyMs: 1, status: 200, action: "a".repeat(10_000) });
    const entries = journal.entries();
    expect(entries.length).toBeLessThan(2_000);
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.at(-1)?.seq).toBe(2_000);
    for (const entry of [entries[0]!, entries.at(-1)!]) {
      expect(entry.path.length).toBe(MAX_JOURNAL_PATH_CHARS + 1);
      expect(entry.path.endsWith("…")).toBe(true);
      expect(entry.action?.length).toBe(MAX_JOURNAL_PATH_CHARS + 1);
      expect(entry.request.truncated).toBe(true);
      expect(entry.reply?.truncated).toBe(true);
    }
    // Held text (two bytes a character, the reply's bytes once) within the budget.
    const held = entries.reduce(
      (sum, entry) => sum + 2 * JSON.stringify({ ...entry, reply: undefined }).length + entry.reply!.bodyText!.length,
      0,
    );
    expect(held).toBeLessThanOrEqual(MAX_JOURNAL_BYTES);
    expect(held).toBeGreaterThan(MAX_JOURNAL_BYTES * 0.6);
  });
});

describe("the bounds table of docs/FIDELITY.md", () => {
  it("lists every bound with the value the code uses", async () => {
    const fidelity = await readFile(new URL("../../docs/FIDELITY.md", import.meta.url), "utf8");
    const value = (what: string) => serverBounds.find((bound) => bound.what === what)?.value;
    expect(value("request body")).toBe(`${DEFAULT_BODY_LIMIT / 1_048_576} MiB`);
    expect(value("request head (request line and headers)")).toBe(`${DEFAULT_MAX_HEADER_SIZE / 1_024} KiB`);
    const maxTenants = settings.find((setting) => setting.key === "maxTenants")!.defaultValue as number;
    expect(value("tenants per vendor (AppIds, SecretIds) tracked for quotas")).toBe(maxTenants.toLocaleString("en-US"));
    expect(value("Tencent rooms")).toContain(MAX_ROOMS.toLocaleString("en-US"));
    expect(value("member records of one room")).toBe(MAX_MEMBERS_PER_ROOM.toLocaleString("en-US"));
    expect(value("all fault rules, as JSON")).toBe(`${MAX_FAULT_BYTES / 1_048_576} MiB`);
    expect(value("journal bytes")).toContain(`${MAX_JOURNAL_BYTES / 1_048_576} MiB`);
    for (const bound of serverBounds) expect(fidelity).toContain(`| ${bound.what} | ${bound.value} |`);
  });
});
