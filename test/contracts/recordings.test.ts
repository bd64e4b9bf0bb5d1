import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { contractCommand, proxyCommand } from "../../contracts/cli.js";
import { startProxy } from "../../contracts/proxy/proxy-server.js";
import type { ContractRequest, Exchange } from "../../contracts/exchange.js";
import { createRecorder } from "../../contracts/recordings/recorder.js";
import { RECORDING_FORMAT, RECORDING_FORMAT_V1 } from "../../contracts/recordings/recording.js";
import { REDACTED, sanitizePath, sanitizeRequest, scrubSecrets } from "../../contracts/recordings/sanitize.js";
import { requestShape } from "../../contracts/recordings/request-match.js";
import { loadRecordings, RecordingLoadError, RecordingStore, type StoredRecording } from "../../contracts/recordings/store.js";
import { rfc } from "../../contracts/cases/volcengine-windows.js";
import { formatXDate } from "../../schemas/volcengine/signing.js";
import { runContract } from "../../contracts/runner.js";
import { recordingsTarget } from "../../contracts/targets/recordings-target.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "contract-rec-test-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const volcBody = (start: string) =>
  JSON.stringify({ AppId: "a", StartTime: start, EndTime: "2024-01-01T01:00:00+08:00", Indicator: ["stall_rate"] });

function exchange(body: string, reply = '{"ResponseMetadata":{}}'): Exchange {
  return {
    request: {
      method: "POST",
      path: "/?Action=ListRealTimeQuality&Version=2020-12-01",
      headers: {
        "content-type": "application/json",
        authorization: "HMAC-SHA256 Credential=AK/x, Signature=abc",
        "x-date": "20240101T000000Z",
        "x-security-token": "tok",
      },
      body,
    },
    response: { status: 200, headers: { "content-type": "application/json", "set-cookie": "s=1" }, body: reply },
    sentAt: 1,
    receivedAt: 2,
  };
}

describe("sanitizing", () => {
  it("drops signature headers and parameters and keeps the rest verbatim", () => {
    expect(
      sanitizePath("/?Action=GetRealtimeUsage&AppId=1&Metrics[]=a&SignatureNonce=n&Timestamp=1&Signature=s&SignatureVersion=2.0"),
    ).toBe("/?Action=GetRealtimeUsage&AppId=1&Metrics[]=a&Timestamp=1&SignatureVersion=2.0");
    expect(sanitizePath("/?Signature=s")).toBe("/");
    const clean = sanitizeRequest({
      ...exchange("{}").request,
      headers: { ...exchange("{}").request.headers, "x-tc-action": "A", "x-api-secret": "s", cookie: "c" },
    });
    expect(clean.headers).toEqual({ "content-type": "application/json", "x-tc-action": "A" });
  });

  it("redacts secret values wherever they appear, also URL- or JSON-encoded", () => {
    const secret = 'p@ss/w"rd';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret).slice(1, -1)}`;
    expect(scrubSecrets(text, [secret])).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
  });
});

describe("recorder and store", () => {
  it("numbers files after the ones already there and writes them private", async () => {
    await writeFile(join(dir, "00041-notes.txt"), "not a recording, and not loaded: only *.json files are");
    const recorder = await createRecorder(dir, ["body-secret"]);
    const a = await recorder.record(exchange(volcBody("2024-01-01T00:00:00+08:00"), '{"leak":"body-secret"}'), {
      source: "contract",
      caseId: "volcengine.ListRealTimeQuality/x",
      step: 0,
    });
    const b = await recorder.record(exchange(volcBody("2024-01-01T00:00:00+08:00")), {
      source: "proxy",
      endpointId: "volcengine.ListRealTimeQuality",
    });
    expect([a, b]).toEqual(["00042-volcengine.ListRealTimeQuality-x-0.json", "00043-volcengine.ListRealTimeQuality.json"]);
    expect((await stat(join(dir, a))).mode & 0o777).toBe(0o600);
    const text = await readFile(join(dir, a), "utf8");
    expect(text).not.toContain("body-secret");
    expect(text).not.toMatch(/authorization|x-date|x-security-token|set-cookie/i);
    const { recordings } = await loadRecordings(dir);
    expect(recordings.map((r) => r.file)).toEqual([a, b]);
  });
});

/** An in-memory recording of `request` sent at `clock`, answered with `reply`. */
function stored(request: ContractRequest, reply: string, clock: number, file = `${reply}.json`): StoredRecording {
  return {
    file,
    recording: {
      format: RECORDING_FORMAT,
      recordedAt: new Date(clock).toISOString(),
      source: "proxy",
      request,
      response: { status: 200, headers: {}, body: reply },
      sentAt: clock,
      receivedAt: clock,
    },
  };
}

const T0 = Date.parse("2026-01-10T12:00:00Z");
const MIN = 60_000;
const volc = (start: number, end: number, extra: Record<string, unknown> = {}, version = "2020-12-01"): ContractRequest => ({
  method: "POST",
  path: `/?Action=ListRealTimeQuality&Version=${version}`,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ AppId: "app1", StartTime: rfc(start), EndTime: rfc(end), Indicator: ["stall_rate"], ...extra }),
});
const zego = (start: number | string, end: number | string, extra = ""): ContractRequest => ({
  method: "GET",
  path: `/?Action=GetRealtimeUsage&AppId=1234567890&Metrics[]=online_user&StartTs=${start}&EndTs=${end}${extra}`,
  headers: {},
  body: "",
});
const tencent = (body: Record<string, unknown>, version = "2022-08-17"): ContractRequest => ({
  method: "POST",
  path: "/",
  headers: { "content-type": "application/json", "x-tc-action": "DescribeRoomStatistics", "x-tc-version": version },
  body: JSON.stringify(body),
});

describe("replay matching", () => {
  // Recorded at T0: the last 10 minutes, the last 30 minutes, and an inverted window (an error).
  const store = () =>
    new RecordingStore([
      stored(volc(T0 - 10 * MIN, T0), "last-10", T0),
      stored(volc(T0 - 30 * MIN, T0), "last-30", T0),
      stored(volc(T0 - 10 * MIN, T0 - 20 * MIN), "inverted-error", T0),
      stored(zego(T0 - 30 * MIN, T0), "zego-ms", T0),
      stored(zego(Math.floor((T0 - 30 * MIN) / 1000), Math.floor(T0 / 1000)), "zego-seconds", T0),
      stored(zego(T0 - 20 * MIN, 0), "zego-end-zero", T0),
      stored(tencent({ RoomId: 1, Page: 1, Limit: 10 }), "page-1", T0),
      stored(tencent({ RoomId: 1, Page: 2, Limit: 10 }), "page-2", T0),
    ]);
  const reply = (s: RecordingStore, request: ContractRequest, at: number) => s.match(request, at)?.recording.response.body;

  it("serves the recording whose window sits where the asked one does, measured from each request's clock", () => {
    const s = store();
    const later = T0 + 3 * 86_400_000 + 17_345;
    expect(reply(s, volc(later - 10 * MIN, later), later)).toBe("last-10");
    expect(reply(s, volc(later - 30 * MIN, later), later)).toBe("last-30");
    expect(reply(s, zego(later - 30 * MIN, later), later)).toBe("zego-ms");
    expect(reply(s, zego(later - 20 * MIN, 0), later)).toBe("zego-end-zero");
    // The same window, word for word, is the same question at any time.
    expect(reply(s, volc(T0 - 30 * MIN, T0), later)).toBe("last-30");
  });

  it("never answers an inverted window with a success, nor a window recorded elsewhere in time", () => {
    const s = new RecordingStore([stored(volc(T0 - 20 * MIN, T0 - 10 * MIN), "success", T0)]);
    expect(reply(s, volc(T0 - 10 * MIN, T0 - 20 * MIN), T0)).toBeUndefined();
    expect(reply(store(), volc(T0 + 50 * MIN, T0 + 40 * MIN), T0 + 60 * MIN)).toBe("inverted-error");
    // 2 minutes off the recorded place is another question (the data delay, the lookback...); 40 s is not.
    expect(reply(s, volc(T0 - 22 * MIN, T0 - 12 * MIN), T0)).toBeUndefined();
    expect(reply(s, volc(T0 - 20 * MIN + 40_000, T0 - 10 * MIN + 40_000), T0)).toBe("success");
    // A window longer by two minutes at the same end is another question too.
    expect(reply(s, volc(T0 - 22 * MIN, T0 - 10 * MIN), T0)).toBeUndefined();
  });

  it("tells apart how the times are written: seconds from milliseconds, one UTC offset from another", () => {
    const s = store();
    const later = T0 + 86_400_000;
    expect(reply(s, zego(Math.floor((later - 30 * MIN) / 1000), Math.floor(later / 1000)), later)).toBe("zego-seconds");
    const utc = volc(later - 10 * MIN, later);
    utc.body = JSON.stringify({ ...JSON.parse(utc.body), StartTime: new Date(later - 10 * MIN).toISOString().slice(0, 19) + "Z" });
    expect(reply(s, utc, later)).toBeUndefined();
    expect(reply(s, zego("yesterday", later), later)).toBeUndefined();
  });

  it("matches on every business parameter, the action and the version", () => {
    const s = store();
    expect(reply(s, volc(T0 - 10 * MIN, T0, { AppId: "app2" }), T0)).toBeUndefined();
    expect(reply(s, volc(T0 - 10 * MIN, T0, { Indicator: ["stall_rate", "online_user_count"] }), T0)).toBeUndefined();
    expect(reply(s, volc(T0 - 10 * MIN, T0, { RoomId: "r1" }), T0)).toBeUndefined();
    expect(reply(s, volc(T0 - 10 * MIN, T0, {}, "2023-11-01"), T0)).toBeUndefined();
    expect(reply(s, zego(T0 - 30 * MIN, T0, "&Metrics[]=room_concurrent"), T0)).toBeUndefined();
    expect(
      reply(s, { ...zego(T0 - 30 * MIN, T0), path: zego(T0 - 30 * MIN, T0).path.replace("AppId=1234567890", "AppId=1") }, T0),
    ).toBeUndefined();
    expect(reply(s, tencent({ RoomId: 1, Page: 2, Limit: 10 }), T0)).toBe("page-2");
    expect(reply(s, tencent({ Limit: 10, Page: 1, RoomId: 1 }), T0)).toBe("page-1");
    expect(reply(s, tencent({ RoomId: 1, Page: 1, Limit: 20 }), T0)).toBeUndefined();
    expect(reply(s, tencent({ RoomId: 2, Page: 1, Limit: 10 }), T0)).toBeUndefined();
    expect(reply(s, tencent({ RoomId: 1, Page: 1, Limit: 10 }, "2022-08-18"), T0)).toBeUndefined();
  });

  it("ignores signatures and signing times, and measures windows from the signing time when there is one", () => {
    const s = store();
    const later = T0 + 86_400_000;
    const signed = volc(later - 10 * MIN, later);
    signed.headers = {
      ...signed.headers,
      authorization: "HMAC-SHA256 Credential=AK/x, Signature=abc",
      "x-date": formatXDate(new Date(later)),
      "x-content-sha256": "00",
    };
    // Arriving an hour after it was signed (a client on another clock): the signing time is its clock.
    expect(reply(s, signed, later + 3_600_000)).toBe("last-10");
    const zegoSigned = zego(
      later - 30 * MIN,
      later,
      `&SignatureNonce=abc&Timestamp=${Math.floor(later / 1000)}&Signature=ff&SignatureVersion=2.0`,
    );
    expect(reply(s, zegoSigned, later + 3_600_000)).toBe("zego-ms");
    const tc = tencent({ RoomId: 1, Page: 1, Limit: 10 });
    tc.headers = { ...tc.headers, authorization: "TC3-HMAC-SHA256 …", "x-tc-timestamp": "1", "x-tc-requestclient": "SDK_NODEJS_4.0" };
    expect(reply(s, tc, later)).toBe("page-1");
    expect(
      requestShape({ method: "GET", path: "/?Action=GetRealtimeUsage&AppId=1&Metrics[]=a&Timestamp=5&Signature=x", headers: {}, body: "" }),
    ).toEqual(
      requestShape({ method: "GET", path: "/?AppId=1&Action=GetRealtimeUsage&Metrics%5B%5D=a&Timestamp=9", headers: {}, body: "" }),
    );
  });

  it("serves several recordings of the very same request in turn", () => {
    const burst = [1, 2, 3].map((n) => stored(zego(T0 - 30 * MIN, T0), `reply-${n}`, T0 + n));
    const s = new RecordingStore(burst);
    const later = T0 + MIN;
    expect([1, 2, 3, 4].map(() => reply(s, zego(later - 30 * MIN, later), later))).toEqual(["reply-1", "reply-2", "reply-3", "reply-1"]);
  });
});

describe("recording files", () => {
  it("hold bodies as JSON values, pretty-printed, and text only where the body is not JSON", async () => {
    const recorder = await createRecorder(dir);
    const reply = '{"ResponseMetadata":{"RequestId":"r"},"Result":{"Indicators":[{"Name":"stall_rate","Data":[]}]}}';
    const name = await recorder.record(exchange(volcBody("2024-01-01T00:00:00+08:00"), reply), { source: "proxy" });
    const notJson = await recorder.record(exchange("not json {", "<html>502</html>"), { source: "proxy" });
    const text = await readFile(join(dir, name), "utf8");
    expect(text).not.toContain('\\"');
    expect(text).toContain('\n    "body": {\n      "ResponseMetadata": {\n        "RequestId": "r"\n');
    const file = JSON.parse(text) as { format: string; request: Record<string, unknown>; response: Record<string, unknown> };
    expect(file.format).toBe(RECORDING_FORMAT);
    expect(file.request.body).toEqual(JSON.parse(volcBody("2024-01-01T00:00:00+08:00")));
    expect(file.response).not.toHaveProperty("bodyText");
    const raw = JSON.parse(await readFile(join(dir, notJson), "utf8")) as {
      request: Record<string, unknown>;
      response: Record<string, unknown>;
    };
    expect(raw.request).toEqual(expect.objectContaining({ bodyText: "not json {" }));
    expect(raw.response).toEqual(expect.objectContaining({ bodyText: "<html>502</html>" }));
    expect(raw.response).not.toHaveProperty("body");
    // Loaded back, the bodies are the text that went over the wire.
    const { recordings } = await loadRecordings(dir);
    expect(recordings.map((r) => [r.recording.request.body, r.recording.response.body])).toEqual([
      [volcBody("2024-01-01T00:00:00+08:00"), reply],
      ["not json {", "<html>502</html>"],
    ]);
  });

  it("of format 1 (bodies as escaped strings) still load and are judged as before", async () => {
    const folder = fileURLToPath(new URL("../../contracts/recordings/fixtures/format-1", import.meta.url));
    const { recordings } = await loadRecordings(folder);
    expect(recordings.map((r) => r.recording.format)).toEqual([RECORDING_FORMAT_V1, RECORDING_FORMAT_V1]);
    expect(JSON.parse(recordings[1]!.recording.response.body)).toMatchObject({ Code: 10002 });
    const cases = buildCases().filter(
      (c) => c.id === "zego.GetRealtimeUsage/all-metrics-last-30-minutes" || c.id === "zego.GetRealtimeUsage/unknown-metric",
    );
    const report = await runContract({ target: await recordingsTarget(folder), cases });
    expect(report.summary).toMatchObject({ total: 2, passed: 2 });
  });
});

describe("a recording that cannot be read", () => {
  async function recordOne(): Promise<string> {
    const recorder = await createRecorder(dir);
    return recorder.record(exchange(volcBody("2024-01-01T00:00:00+08:00"), '{"ResponseMetadata":{"RequestId":"r"}}'), {
      source: "contract",
      caseId: "volcengine.ListRealTimeQuality/x",
      step: 0,
    });
  }

  it("fails the load, naming the file and the line and column of the JSON error", async () => {
    const name = await recordOne();
    const text = await readFile(join(dir, name), "utf8");
    // A hand edit that forgot a comma after "status": 200 (line 16 of the pretty-printed file).
    const broken = text.replace('"status": 200,', '"status": 200');
    const line = broken.slice(0, broken.indexOf('"status": 200')).split("\n").length + 1;
    await writeFile(join(dir, name), broken);
    const error = await loadRecordings(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingLoadError);
    expect((error as Error).message).toBe(
      `cannot read the recording ${join(dir, name)}: line ${line}, column 5 (offset ${broken.indexOf('"headers"', broken.indexOf('"status"'))}): not valid JSON: Expected ',' or '}' after property value`,
    );
    await expect(recordingsTarget(dir)).rejects.toThrow(`${join(dir, name)}: line ${line}, column 5`);
  });

  it("fails the load for a file that ends early, is empty, or is JSON but no recording, listing each", async () => {
    const name = await recordOne();
    const text = await readFile(join(dir, name), "utf8");
    // Cut just before the third field, "source" (line 4, column 3).
    const cut = text.slice(0, text.indexOf('"source"'));
    await writeFile(join(dir, "00002-cut.json"), cut);
    await writeFile(join(dir, "00003-empty.json"), "");
    await writeFile(join(dir, "00004-report.json"), '{"format":"rtc-analytics-mock/contract-report@1"}');
    const file = JSON.parse(text) as { response: Record<string, unknown> };
    file.response.bodyText = "both";
    await writeFile(join(dir, "00005-two-bodies.json"), JSON.stringify(file));
    file.response = { status: "200", headers: {}, bodyText: "" };
    await writeFile(join(dir, "00006-status-text.json"), JSON.stringify(file));
    const error = (await loadRecordings(dir).catch((e: unknown) => e)) as Error;
    const lines = error.message.split("\n");
    expect(lines[0]).toBe(`cannot read 5 recordings in ${dir}:`);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(`^  ${join(dir, "00002-cut.json")}: line 4, column 3 \\(offset ${cut.length}\\): not valid JSON: .+`),
      ),
      `  ${join(dir, "00003-empty.json")}: empty file, not a recording`,
      `  ${join(dir, "00004-report.json")}: not a recording: "format" is "rtc-analytics-mock/contract-report@1", expected "${RECORDING_FORMAT}" or "${RECORDING_FORMAT_V1}"`,
      `  ${join(dir, "00005-two-bodies.json")}: not a recording of format ${RECORDING_FORMAT}: response: needs exactly one of "body" (a JSON value) and "bodyText" (text)`,
      expect.stringMatching(new RegExp(`^  ${join(dir, "00006-status-text.json")}: not a recording of format \\S+: response\\.status: `)),
    ]);
  });

  it("makes the contract command exit 1 with that message, and the replay proxy refuse to start", async () => {
    const name = await recordOne();
    await writeFile(join(dir, name), "{ not json");
    let err = "";
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) } };
    expect(await contractCommand(["--target", `recordings:${dir}`], io)).toBe(1);
    expect(err).toBe(
      `contract: cannot read the recording ${join(dir, name)}: line 1, column 3 (offset 2): not valid JSON: Expected property name or '}'\n`,
    );
    await expect(startProxy({ replay: dir, log: () => undefined })).rejects.toThrow(`${join(dir, name)}: line 1, column 3`);
    err = "";
    expect(await proxyCommand(["--replay", dir, "--port", "0"], io)).toBe(1);
    expect(err).toContain(`proxy: cannot read the recording ${join(dir, name)}: line 1, column 3`);
  });
});

describe("recordings target", () => {
  it("skips cases it has no recording of, saying where it looked", async () => {
    const target = await recordingsTarget(dir);
    const report = await runContract({ target, cases: buildCases().slice(0, 2) });
    expect(report.summary).toMatchObject({ total: 2, skipped: 2 });
    expect(report.results[0]!.reason).toBe(`no recording of this case in ${dir}`);
  });

  it("judges recordings no case claims as what they claim to be", async () => {
    const recorder = await createRecorder(dir);
    await recorder.record(
      exchange(
        volcBody("2024-01-01T00:00:00+08:00"),
        '{"ResponseMetadata":{"RequestId":"r","Action":"ListRealTimeQuality","Version":"2020-12-01","Service":"rtc","Region":"cn-north-1"}}',
      ),
      { source: "proxy" },
    );
    const report = await runContract({ target: await recordingsTarget(dir), cases: [] });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({
      id: `recorded/${(await readdir(dir))[0]}`,
      endpointId: "volcengine.ListRealTimeQuality",
      status: "failed",
    });
    expect(report.results[0]!.violations.map((v) => `${v.rule} ${v.path}`)).toContain("schema Result");
  });
});
