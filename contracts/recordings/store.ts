import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ContractRequest } from "../exchange.js";
import { vendorOfRequest } from "../identify.js";
import { signedAt } from "../proxy/signing-time.js";
import { readRecording, type Recording } from "./recording.js";
import { requestShape, windowDistance, type WindowEnd } from "./request-match.js";

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

/** A live request, as replay matches it. */
export type ReplayRequest = Pick<ContractRequest, "method" | "path" | "headers" | "body">;

/** The instant a request was asked at: when its client signed it, else `fallback` (when it arrived). */
export function requestClock(request: ReplayRequest, fallback: number): number {
  return signedAt(request as ContractRequest, vendorOfRequest(request)) ?? fallback;
}

/** The clock a recorded request was asked at: when its client signed it, else when it was sent. */
function recordedClock(recording: Recording): number {
  return recording.signedAt ?? recording.sentAt;
}

interface Indexed {
  stored: StoredRecording;
  window: WindowEnd[];
  clock: number;
}

/**
 * Finds recordings for a case step or for a live request (replay). A request matches a recording
 * that asks the same question (method, vendor, action and version, every business parameter and
 * body field; signatures and signing times aside) over the same time window: written exactly the
 * same, or at the same distance from the request's clock as the recorded one was from its clock,
 * give or take WINDOW_TOLERANCE_MS. The closest wins; several recordings of the very same request
 * (say a rate-limit burst) are served in turn.
 */
export class RecordingStore {
  private readonly byCase = new Map<string, StoredRecording[]>();
  private readonly byQuestion = new Map<string, Indexed[]>();
  private readonly served = new Map<string, number>();

  constructor(readonly recordings: readonly StoredRecording[]) {
    for (const stored of recordings) {
      const r = stored.recording;
      if (r.caseId !== undefined) push(this.byCase, `${r.caseId}#${r.step ?? 0}`, stored);
      const shape = requestShape(r.request);
      push(this.byQuestion, shape.question, { stored, window: shape.window, clock: recordedClock(r) });
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

  /**
   * The recording to replay for a request that arrived at `arrivedAt` (epoch ms; the request's
   * clock when it carries no signing time), or undefined when none asks the same.
   */
  match(request: ReplayRequest, arrivedAt: number = Date.now()): StoredRecording | undefined {
    const shape = requestShape(request);
    const clock = requestClock(request, arrivedAt);
    let best: { distance: number; indexed: Indexed } | undefined;
    for (const indexed of this.byQuestion.get(shape.question) ?? []) {
      const distance = windowDistance(shape.window, clock, indexed.window, indexed.clock);
      if (distance !== undefined && (best === undefined || distance < best.distance)) best = { distance, indexed };
    }
    if (best === undefined) return undefined;
    // Recordings of the very same request (same question, window written the same) take turns.
    const raw = JSON.stringify(best.indexed.window.map((w) => w.raw));
    const same = this.byQuestion.get(shape.question)!.filter((i) => JSON.stringify(i.window.map((w) => w.raw)) === raw);
    const counter = `${shape.question} ${raw}`;
    const n = this.served.get(counter) ?? 0;
    this.served.set(counter, n + 1);
    return same[n % same.length]!.stored;
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
