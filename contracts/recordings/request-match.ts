import type { ContractRequest } from "../exchange.js";
import { vendorOfRequest } from "../identify.js";
import { parseJson } from "../observed.js";
import { vendorContracts } from "../vendors/index.js";

/**
 * Query parameters that belong to a signature, not to the question: every vendor's signing
 * parameters plus ZEGO's Timestamp and SignatureVersion (lower-cased).
 */
const SIGNING_QUERY = new Set(
  [...Object.values(vendorContracts).flatMap((c) => c.authQuery), "Timestamp", "SignatureVersion"].map((n) => n.toLowerCase()),
);

/** Tencent's headers that say what is asked (action, version, region, language); the others sign or describe the client. */
const QUESTION_HEADERS = ["x-tc-action", "x-tc-version", "x-tc-region", "x-tc-language"] as const;

/** The time window: ZEGO's query parameters, Volcengine's body fields; start first, then end. */
const WINDOW_QUERY = ["StartTs", "EndTs"] as const;
const WINDOW_BODY = ["StartTime", "EndTime"] as const;

/**
 * How far (ms) a window's ends may sit from where the recorded window's ends sat, each measured from
 * its own request's clock, for the two to count as the same question at another time. It covers the
 * second-precision of times and signing clocks, the time a client takes between reading its clock and
 * signing, and windows aligned to 30 s buckets; windows that differ in what they ask (a start beyond
 * the lookback, a window inside the data delay, a span too long) differ by minutes.
 */
export const WINDOW_TOLERANCE_MS = 60_000;

/** One end of a time window as a request writes it. */
export interface WindowEnd {
  name: string;
  /** Exactly as written (JSON for a body field), for the same-window comparison. */
  raw: string;
  /** How it is written: the type, the notation, the UTC offset; two windows of different forms never match. */
  form: string;
  /** The instant (epoch ms), when the value is a time at all. */
  at?: number;
}

/** What a request asks, split into the question (compared exactly) and its time window (compared by time). */
export interface RequestShape {
  /** Method, vendor, action and version, business parameters and body fields, without signature fields and the window. */
  question: string;
  window: WindowEnd[];
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads one end of a window: an RFC 3339 date-time (with or without offset: the form keeps which),
 * or a Unix time of 10 digits (seconds) or 13 digits (milliseconds), as text or number. Anything
 * else (`0`, `yesterday`) has no instant and must be written the same to match.
 */
export function windowEnd(name: string, value: unknown): WindowEnd {
  const raw = typeof value === "string" ? value : JSON.stringify(value);
  const type = typeof value;
  if (typeof value === "string") {
    const m = DATE_TIME.exec(value);
    if (m !== null) {
      const at = Date.parse(m[2] === undefined ? `${value}Z` : value);
      if (Number.isFinite(at))
        return { name, raw, form: `string date-time${m[1] ? " with fraction" : ""} ${m[2] ?? "without offset"}`, at };
    }
  }
  if ((typeof value === "string" || typeof value === "number") && /^\d{10}$|^\d{13}$/.test(String(value))) {
    const n = Number(value);
    return String(value).length === 10
      ? { name, raw, form: `${type} unix seconds`, at: n * 1000 }
      : { name, raw, form: `${type} unix milliseconds`, at: n };
  }
  return { name, raw, form: `${type} literal ${raw}` };
}

function queryQuestion(path: string): { question: string; window: WindowEnd[] } {
  const url = new URL(path, "http://contract.invalid");
  const params = [...url.searchParams];
  const window = WINDOW_QUERY.filter((name) => url.searchParams.has(name)).map((name) => windowEnd(name, url.searchParams.get(name)!));
  const kept = params.filter(([k]) => !SIGNING_QUERY.has(k.toLowerCase()) && !(WINDOW_QUERY as readonly string[]).includes(k));
  // Sorted by name only: a repeated parameter (Metrics[]) keeps its order, which the reply may follow.
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { question: `${url.pathname}?${new URLSearchParams(kept).toString()}`, window };
}

function bodyQuestion(body: string): { question: string; window: WindowEnd[] } {
  const json = body.trim() === "" ? undefined : parseJson(body).json;
  if (json === undefined || json === null || typeof json !== "object" || Array.isArray(json)) return { question: body, window: [] };
  const fields = json as Record<string, unknown>;
  const window = WINDOW_BODY.filter((name) => name in fields).map((name) => windowEnd(name, fields[name]));
  const kept = Object.entries(fields).filter(([k]) => !(WINDOW_BODY as readonly string[]).includes(k));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { question: JSON.stringify(Object.fromEntries(kept)), window };
}

/** The question and window of a request; signatures, signing times and key order do not count. */
export function requestShape(request: Pick<ContractRequest, "method" | "path" | "headers" | "body">): RequestShape {
  const query = queryQuestion(request.path);
  const body = bodyQuestion(request.body);
  const headers = QUESTION_HEADERS.map((h) => `${h}=${request.headers[h] ?? ""}`).join(" ");
  return {
    question: `${request.method} ${vendorOfRequest(request)} ${headers} ${query.question} ${body.question}`,
    window: [...query.window, ...body.window],
  };
}

/** -1, 0 or 1: whether a window's start is before, at or after its end (0 too when either is no time). */
function order(window: readonly WindowEnd[]): number {
  const [start, end] = window;
  if (start?.at === undefined || end?.at === undefined) return 0;
  return Math.sign(end.at - start.at);
}

/**
 * How far apart two windows of the same question are, each end measured from its own request's
 * clock (epoch ms): 0 for a window written exactly the same (the same question, word for word), the
 * largest difference between matching ends otherwise, or undefined when they are not the same
 * question at another time (another form or order, an end more than WINDOW_TOLERANCE_MS apart).
 */
export function windowDistance(
  asked: readonly WindowEnd[],
  askedClock: number,
  recorded: readonly WindowEnd[],
  recordedClock: number,
): number | undefined {
  if (asked.length !== recorded.length) return undefined;
  if (asked.every((a, i) => a.name === recorded[i]!.name && a.raw === recorded[i]!.raw)) return 0;
  if (order(asked) !== order(recorded)) return undefined;
  let distance = 0;
  for (const [i, a] of asked.entries()) {
    const r = recorded[i]!;
    if (a.name !== r.name || a.form !== r.form) return undefined;
    if (a.at === undefined || r.at === undefined) {
      if (a.raw !== r.raw) return undefined;
      continue;
    }
    distance = Math.max(distance, Math.abs(a.at - askedClock - (r.at - recordedClock)));
  }
  return distance <= WINDOW_TOLERANCE_MS ? distance : undefined;
}
