import { z } from "zod";
import type { ContractRequest, ContractResponse, Exchange } from "../exchange.js";

/** Format tag of the recording files this kit writes; a loader refuses files without a known tag. */
export const RECORDING_FORMAT = "rtc-analytics-mock/recording@2";

/** Format tag of the first recording files (bodies as escaped JSON strings); still read. */
export const RECORDING_FORMAT_V1 = "rtc-analytics-mock/recording@1";

const violations = z
  .array(z.object({ rule: z.string(), path: z.string(), message: z.string(), severity: z.enum(["error", "warning"]) }))
  .optional();

/** What every format has besides the request and the reply. */
const common = {
  recordedAt: z.string(),
  source: z.enum(["contract", "proxy"]),
  caseId: z.string().optional(),
  step: z.number().int().min(0).optional(),
  endpointId: z.string().optional(),
  /** Origin the exchange went to (no credentials). */
  upstream: z.string().optional(),
  /** Clock difference the recorder allowed when judging time rules (ms). */
  skewMs: z.number().min(0).optional(),
  /** When the client signed the request (epoch ms, on the client's clock); absent when it was not signed. */
  signedAt: z.number().optional(),
  sentAt: z.number(),
  receivedAt: z.number(),
  violations,
};

const headers = z.record(z.string(), z.string());
const method = z.enum(["GET", "POST"]);

/**
 * A body in a file of format 2: `body` holds the JSON value when the text was JSON, `bodyText` the
 * text itself otherwise (also the empty body). Exactly one of them is present.
 */
const bodyFields = { body: z.unknown().optional(), bodyText: z.string().optional() };
const ONE_BODY = { message: 'needs exactly one of "body" (a JSON value) and "bodyText" (text)' };
const oneBody = (b: { body?: unknown; bodyText?: string | undefined }) => (b.body === undefined) !== (b.bodyText === undefined);
const bodyText = (b: { body?: unknown; bodyText?: string | undefined }) => b.bodyText ?? JSON.stringify(b.body);

const v2 = z.object({
  format: z.literal(RECORDING_FORMAT),
  ...common,
  request: z
    .object({ method, path: z.string(), headers, ...bodyFields })
    .refine(oneBody, ONE_BODY)
    .transform((r): ContractRequest => ({ method: r.method, path: r.path, headers: r.headers, body: bodyText(r) })),
  response: z
    .object({ status: z.number().int(), headers, ...bodyFields })
    .refine(oneBody, ONE_BODY)
    .transform((r): ContractResponse => ({ status: r.status, headers: r.headers, body: bodyText(r) })),
});

const v1 = z.object({
  format: z.literal(RECORDING_FORMAT_V1),
  ...common,
  request: z.object({ method, path: z.string(), headers, body: z.string() }),
  response: z.object({ status: z.number().int(), headers, body: z.string() }),
});

/**
 * One recorded exchange, sanitized: no Authorization or other signature headers, no Signature or
 * SignatureNonce query parameters, no secret values anywhere. Written by `contract --record` (with
 * the case and step it belongs to) and by the proxy (with the violations it found). Parses a file of
 * either format into the exchange it holds, bodies as text.
 */
export const Recording = z.union([v2, v1]);

/** A recording as loaded: bodies as the text that went over the wire (JSON values re-serialized). */
export type Recording = z.infer<typeof Recording>;

/**
 * The recording a parsed file holds, or why it is not one: an unknown format tag, or the first
 * field that does not fit the format (with its path, e.g. `response.status`).
 */
export function readRecording(json: unknown): { recording: Recording } | { error: string } {
  const format = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as { format?: unknown }).format : undefined;
  const schema = format === RECORDING_FORMAT ? v2 : format === RECORDING_FORMAT_V1 ? v1 : undefined;
  if (schema === undefined)
    return {
      error: `not a recording: "format" is ${format === undefined ? "missing" : JSON.stringify(format)}, expected ${JSON.stringify(RECORDING_FORMAT)} or ${JSON.stringify(RECORDING_FORMAT_V1)}`,
    };
  const result = schema.safeParse(json);
  if (result.success) return { recording: result.data };
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.map(String).join(".")}: `;
  return { error: `not a recording of format ${String(format)}: ${where}${issue?.message ?? "invalid"}` };
}

/** A body as format 2 writes it: the JSON value when the text is JSON, else the text. */
export function bodyInFile(text: string): { body: unknown } | { bodyText: string } {
  if (text.trim() === "") return { bodyText: text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { bodyText: text };
  }
}

/** The content of a recording file in the current format (bodies as JSON values where they are JSON). */
export function recordingFile(recording: Omit<Recording, "format">): Record<string, unknown> {
  const { request, response, ...rest } = recording;
  return {
    format: RECORDING_FORMAT,
    ...rest,
    request: { method: request.method, path: request.path, headers: request.headers, ...bodyInFile(request.body) },
    response: { status: response.status, headers: response.headers, ...bodyInFile(response.body) },
  };
}

/** The exchange a recording holds. */
export function exchangeOf(recording: Recording): Exchange {
  return { request: recording.request, response: recording.response, sentAt: recording.sentAt, receivedAt: recording.receivedAt };
}
