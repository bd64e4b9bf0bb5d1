import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { endpointOfRequest, vendorOfRequest } from "../identify.js";
import type { ContractRequest } from "../exchange.js";
import { parseJson } from "../observed.js";
import { readRecording, type Recording } from "./recording.js";
import { sanitizePath } from "./sanitize.js";

/** A loaded recording and its file name. */
export interface StoredRecording {
  file: string;
  recording: Recording;
}

/** A folder holds files that are not readable recordings; the message names each file and where it went wrong. */
export class RecordingLoadError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly string[],
  ) {
    super(
      problems.length === 1
        ? `cannot read the recording ${problems[0]}`
        : `cannot read ${problems.length} recordings in ${dir}:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "RecordingLoadError";
  }
}

/** Line and column (both from 1) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * Why a text is not JSON, with where: `line 3, column 5 (offset 57): not valid JSON: Expected ',' or
 * '}' after property value`. The offset (in characters) is the one the engine's message names; a
 * message without one stands alone.
 */
export function jsonSyntaxError(text: string, cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const position = /\bat position (\d+)/.exec(message)?.[1];
  // Node 22 and later also append "(line L column C)"; the location is given once, below.
  const reason = message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, "");
  if (position === undefined) return `not valid JSON: ${reason}`;
  const { line, column } = lineAndColumn(text, Number(position));
  return `line ${line}, column ${column} (offset ${position}): not valid JSON: ${reason}`;
}

/**
 * Reads every recording (`*.json`) in a folder, in file-name order. A file that is not valid JSON or
 * not a recording fails the whole load (RecordingLoadError names every such file): a recording that
 * silently disappears would turn its case into a skip.
 */
export async function loadRecordings(dir: string): Promise<{ recordings: StoredRecording[] }> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const recordings: StoredRecording[] = [];
  const problems: string[] = [];
  for (const file of names) {
    const path = join(dir, file);
    // An editor may save a byte-order mark; it is not JSON, but it is no mistake either.
    const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      problems.push(`${path}: ${text.trim() === "" ? "empty file, not a recording" : jsonSyntaxError(text, cause)}`);
      continue;
    }
    const read = readRecording(json);
    if ("error" in read) problems.push(`${path}: ${read.error}`);
    else recordings.push({ file, recording: read.recording });
  }
  if (problems.length > 0) throw new RecordingLoadError(dir, problems);
  return { recordings };
}

/** Query parameters and body fields that change from call to call without changing what is asked. */
const VOLATILE_QUERY = new Set(["timestamp", "signatureversion", "x-date"]);
const TIME_QUERY = new Set(["startts", "endts"]);
const TIME_BODY = new Set(["StartTime", "EndTime"]);

function canonicalQuery(path: string, drop: ReadonlySet<string>): string {
  const url = new URL(sanitizePath(path), "http://contract.invalid");
  const pairs = [...url.searchParams].filter(([k]) => !drop.has(k.toLowerCase()));
  pairs.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return `${url.pathname}?${new URLSearchParams(pairs).toString()}`;
}

function canonicalBody(body: string, dropTime: boolean): string {
  const parsed = parseJson(body);
  if (parsed.json === undefined || parsed.json === null || typeof parsed.json !== "object" || Array.isArray(parsed.json)) return body;
  const entries = Object.entries(parsed.json as Record<string, unknown>).filter(([k]) => !(dropTime && TIME_BODY.has(k)));
  entries.sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}

/**
 * Match keys of a request: `exact` ignores only what signing changes (signature, timestamps of the
 * signature); `loose` also ignores the time window, so a replay serves the recorded reply to the
 * same question asked at another time.
 */
export function requestKeys(request: Pick<ContractRequest, "method" | "path" | "headers" | "body">): { exact: string; loose: string } {
  const vendor = vendorOfRequest(request);
  const endpoint = endpointOfRequest(request)?.id ?? `${vendor}:${request.headers["x-tc-action"] ?? ""}`;
  const head = `${request.method} ${endpoint}`;
  return {
    exact: `${head} ${canonicalQuery(request.path, VOLATILE_QUERY)} ${canonicalBody(request.body, false)}`,
    loose: `${head} ${canonicalQuery(request.path, new Set([...VOLATILE_QUERY, ...TIME_QUERY]))} ${canonicalBody(request.body, true)}`,
  };
}

/** Finds recordings for a case step or for a live request (replay), cycling through equal matches. */
export class RecordingStore {
  private readonly byCase = new Map<string, StoredRecording[]>();
  private readonly byExact = new Map<string, StoredRecording[]>();
  private readonly byLoose = new Map<string, StoredRecording[]>();
  private readonly served = new Map<string, number>();

  constructor(readonly recordings: readonly StoredRecording[]) {
    for (const stored of recordings) {
      const r = stored.recording;
      if (r.caseId !== undefined) push(this.byCase, `${r.caseId}#${r.step ?? 0}`, stored);
      const keys = requestKeys(r.request);
      push(this.byExact, keys.exact, stored);
      push(this.byLoose, keys.loose, stored);
    }
  }

  /** The recordings of one case (any step), oldest first. */
  ofCase(caseId: string): StoredRecording[] {
    return this.recordings.filter((s) => s.recording.caseId === caseId);
  }

  /** The recording of a case step (the latest one when a case was recorded several times). */
  forStep(caseId: string, step: number): StoredRecording | undefined {
    return this.byCase.get(`${caseId}#${step}`)?.at(-1);
  }

  /** The recording to replay for a request: an exact match first, else the same question at another time. */
  match(request: Pick<ContractRequest, "method" | "path" | "headers" | "body">): StoredRecording | undefined {
    const keys = requestKeys(request);
    for (const [kind, index, key] of [
      ["exact", this.byExact, keys.exact],
      ["loose", this.byLoose, keys.loose],
    ] as const) {
      const found = index.get(key);
      if (found === undefined || found.length === 0) continue;
      const counter = `${kind}:${key}`;
      const n = this.served.get(counter) ?? 0;
      this.served.set(counter, n + 1);
      return found[n % found.length];
    }
    return undefined;
  }

  /** Recordings no case claims (e.g. proxied traffic). */
  unclaimed(): StoredRecording[] {
    return this.recordings.filter((s) => s.recording.caseId === undefined);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
