import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { demoContractCredentials } from "../../contracts/credentials.js";
import type { ContractRequest } from "../../contracts/exchange.js";
import { startProxy, type RunningProxy } from "../../contracts/proxy/proxy-server.js";
import { VIOLATIONS_HEADER } from "../../contracts/proxy/violation-headers.js";
import { loadRecordings, type StoredRecording } from "../../contracts/recordings/store.js";
import { runContract } from "../../contracts/runner.js";
import { recordingsTarget } from "../../contracts/targets/recordings-target.js";
import { urlTarget } from "../../contracts/targets/url-target.js";
import { buildServer } from "../../server/app.js";

// Unsigned ZEGO clients through `proxy --record`: the proxy adds AppId and the signature parameters
// before forwarding to a fake server that verifies them, and records what the client sent.
const upstream = buildServer({ mock: { auth: { mode: "verify" } } });
const cases = buildCases().filter((c) => c.endpointId === "zego.GetRealtimeUsage" && !c.auth && !c.quota);
let dir = "";
let recorded: StoredRecording[] = [];
let replay: RunningProxy;

beforeAll(async () => {
  const upstreamUrl = await upstream.app.listen({ host: "127.0.0.1", port: 0 });
  dir = await mkdtemp(join(tmpdir(), "contract-replay-"));
  const recorder = await startProxy({ upstream: upstreamUrl, credentials: demoContractCredentials(), record: dir, log: () => undefined });
  try {
    const report = await runContract({ target: urlTarget({ baseUrl: recorder.url, credentials: {} }), cases });
    expect(report.summary).toMatchObject({ total: cases.length, passed: cases.length });
    // And a client that leaves even the AppId to the proxy.
    const bare = await fetch(new URL(bareRequest(Date.now()).path, recorder.url));
    expect(((await bare.json()) as { Code: number }).Code).toBe(0);
  } finally {
    await recorder.close();
  }
  recorded = (await loadRecordings(dir)).recordings;
  replay = await startProxy({ replay: dir, log: () => undefined });
}, 60_000);
afterAll(async () => {
  await replay.close();
  await upstream.app.close();
  await rm(dir, { recursive: true, force: true });
});

/** ZEGO's question with nothing the proxy adds: no AppId, no signature. */
const bareRequest = (now: number): ContractRequest => ({
  method: "GET",
  path: `/?Action=GetRealtimeUsage&Metrics[]=online_user&StartTs=${now - 30 * 60_000}&EndTs=${now}`,
  headers: {},
  body: "",
});

const recordingOf = (slug: string) => recorded.find((r) => r.recording.caseId === `zego.GetRealtimeUsage/${slug}`)!;

/** The recorded request with its StartTs/EndTs moved by `shiftMs` (0 and text values stay). */
function shifted(request: ContractRequest, shiftMs: number): ContractRequest {
  const url = new URL(request.path, "http://x.invalid");
  for (const name of ["StartTs", "EndTs"]) {
    const value = url.searchParams.get(name);
    if (value !== null && /^\d{13}$/.test(value)) url.searchParams.set(name, String(Number(value) + shiftMs));
  }
  return { ...request, path: `${url.pathname}${url.search}` };
}

async function ask(request: ContractRequest): Promise<Response> {
  return fetch(new URL(request.path, replay.url), { method: request.method, headers: request.headers });
}

describe("an unsigned ZEGO request recorded through the proxy", () => {
  it("is recorded as the client sent it: no signature parameters, and the AppId only where the client sent one", () => {
    expect(recorded.length).toBe(cases.reduce((n, c) => n + c.steps.length, 0) + 1);
    for (const { recording } of recorded) {
      expect(recording.request.path).not.toMatch(/[?&](Signature|SignatureNonce|Timestamp|SignatureVersion)=/);
      expect(recording.signedAt).toBeUndefined();
    }
    const bare = recorded.find((r) => r.recording.caseId === undefined)!;
    expect(bare.recording.request.path).toBe(bareRequest(Number(/EndTs=(\d+)/.exec(bare.recording.request.path)![1])).path);
    expect(JSON.parse(bare.recording.response.body)).toMatchObject({ Code: 0 });
  });

  it("is matched by `proxy --replay` when the client sends it again, unsigned, and gets the recorded reply", async () => {
    for (const { file, recording } of recorded) {
      const reply = await ask(recording.request);
      expect(reply.headers.get("x-contract-replay"), file).toBe("hit");
      expect(await reply.text(), file).toBe(recording.response.body);
    }
  });

  it("is matched when asked again later for the same window relative to now, and only then", async () => {
    // The window moved with the clock: the same question, now. Measured from when the recording was sent.
    for (const slug of ["all-metrics-last-30-minutes", "start-after-end", "window-inside-data-delay"]) {
      const { recording } = recordingOf(slug);
      const reply = await ask(shifted(recording.request, Date.now() - recording.sentAt));
      expect(reply.headers.get("x-contract-replay"), slug).toBe("hit");
      expect(reply.headers.get(VIOLATIONS_HEADER), slug).toBe("0");
      expect(await reply.text(), slug).toBe(recording.response.body);
    }
    // The client that sent no AppId gets the reply to its own question.
    const bare = recorded.find((r) => r.recording.caseId === undefined)!.recording;
    const again = await ask(bareRequest(Date.now()));
    expect(again.headers.get("x-contract-replay")).toBe("hit");
    expect(await again.text()).toBe(bare.response.body);
    // The inverted window is answered with its recorded error, never with a success.
    const inverted = (await (await ask(shifted(recordingOf("start-after-end").recording.request, 5_000))).json()) as { Code: number };
    expect(inverted.Code).not.toBe(0);
    // Five minutes further back is not what was recorded: a plain miss, not someone else's reply.
    const { recording } = recordingOf("all-metrics-last-30-minutes");
    const miss = await ask(shifted(recording.request, Date.now() - recording.sentAt - 5 * 60_000));
    expect(miss.status).toBe(404);
    expect(miss.headers.get("x-contract-replay")).toBe("miss");
  });

  it("passes its cases again on the recordings target", async () => {
    const report = await runContract({ target: await recordingsTarget(dir), cases });
    // The bare exchange belongs to no case and is judged as what it is.
    const notPassed = report.results
      .filter((r) => r.status !== "passed")
      .map((r) => ({ id: r.id, status: r.status, reason: r.reason, violations: r.violations }));
    expect(notPassed).toEqual([]);
    expect(report.summary).toMatchObject({ total: cases.length + 1, passed: cases.length + 1, skipped: 0 });
  });
});
