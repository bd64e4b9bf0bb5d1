import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Exchange } from "../exchange.js";
import { vendorOfRequest } from "../identify.js";
import { signedAt } from "../proxy/signing-time.js";
import type { Violation } from "../violation.js";
import { recordingFile, type Recording } from "./recording.js";
import { sanitizeRequest, sanitizeResponse, scrubSecrets } from "./sanitize.js";

/** What is known about an exchange besides the bytes. */
export interface RecordingMeta {
  source: Recording["source"];
  caseId?: string;
  step?: number;
  endpointId?: string;
  upstream?: string;
  skewMs?: number;
  violations?: readonly Violation[];
}

/** Writes sanitized recordings into a folder, one JSON file per exchange, numbered in order. */
export interface Recorder {
  readonly dir: string;
  /** Writes one exchange and returns the file name. */
  record(exchange: Exchange, meta: RecordingMeta): Promise<string>;
}

function slug(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
}

/**
 * Creates a recorder over `dir` (created if missing). Numbering continues after the files already
 * there. `secrets` are the credential values in use: any of them found in a recording is replaced by
 * `[redacted]`, on top of dropping signature headers and parameters.
 */
export async function createRecorder(dir: string, secrets: readonly string[] = []): Promise<Recorder> {
  await mkdir(dir, { recursive: true });
  const existing = (await readdir(dir)).map((name) => /^(\d+)-/.exec(name)?.[1]).filter((n): n is string => n !== undefined);
  let next = existing.reduce((max, n) => Math.max(max, Number(n)), 0) + 1;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    dir,
    record(exchange, meta) {
      const index = next++;
      // The signing time goes before sanitizing drops it: replay measures time windows from it.
      const signed = signedAt(exchange.request, vendorOfRequest(exchange.request));
      const recording: Omit<Recording, "format"> = {
        recordedAt: new Date().toISOString(),
        source: meta.source,
        ...(meta.caseId !== undefined ? { caseId: meta.caseId } : {}),
        ...(meta.step !== undefined ? { step: meta.step } : {}),
        ...(meta.endpointId !== undefined ? { endpointId: meta.endpointId } : {}),
        ...(meta.upstream !== undefined ? { upstream: meta.upstream } : {}),
        ...(meta.skewMs !== undefined ? { skewMs: meta.skewMs } : {}),
        ...(signed !== undefined ? { signedAt: signed } : {}),
        request: sanitizeRequest(exchange.request),
        response: sanitizeResponse(exchange.response),
        sentAt: exchange.sentAt,
        receivedAt: exchange.receivedAt,
        ...(meta.violations !== undefined ? { violations: [...meta.violations] } : {}),
      };
      const label = slug(meta.caseId !== undefined ? `${meta.caseId}-${meta.step ?? 0}` : (meta.endpointId ?? "unknown"));
      const name = `${String(index).padStart(5, "0")}-${label}.json`;
      // Pretty-printed, bodies as JSON values: a file people can read, diff and edit by hand.
      const text = scrubSecrets(`${JSON.stringify(recordingFile(recording), null, 2)}\n`, secrets);
      // Writes are chained so that files appear in numbering order even when exchanges overlap.
      const written = queue.then(() => writeFile(join(dir, name), text, { mode: 0o600 }));
      queue = written.catch(() => undefined);
      return written.then(() => name);
    },
  };
}
