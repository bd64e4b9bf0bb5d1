import { z } from "zod";
import type { Exchange } from "../exchange.js";

/** Format tag of a recording file; a loader refuses files without it. */
export const RECORDING_FORMAT = "rtc-analytics-mock/recording@1";

const request = z.object({
  method: z.enum(["GET", "POST"]),
  path: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

const response = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

/**
 * One recorded exchange, sanitized: no Authorization or other signature headers, no Signature or
 * SignatureNonce query parameters, no secret values anywhere. Written by `contract --record` (with
 * the case and step it belongs to) and by the proxy (with the violations it found).
 */
export const Recording = z.object({
  format: z.literal(RECORDING_FORMAT),
  recordedAt: z.string(),
  source: z.enum(["contract", "proxy"]),
  caseId: z.string().optional(),
  step: z.number().int().min(0).optional(),
  endpointId: z.string().optional(),
  /** Origin the exchange went to (no credentials). */
  upstream: z.string().optional(),
  /** Clock difference the recorder allowed when judging time rules (ms). */
  skewMs: z.number().min(0).optional(),
  request,
  response,
  sentAt: z.number(),
  receivedAt: z.number(),
  violations: z
    .array(z.object({ rule: z.string(), path: z.string(), message: z.string(), severity: z.enum(["error", "warning"]) }))
    .optional(),
});

/** A recording file's content. */
export type Recording = z.infer<typeof Recording>;

/** The exchange a recording holds. */
export function exchangeOf(recording: Recording): Exchange {
  return { request: recording.request, response: recording.response, sentAt: recording.sentAt, receivedAt: recording.receivedAt };
}
