/**
 * Records the golden transcripts (`npm run golden:record`): runs every case of
 * test/golden/define-cases.ts through the current engine in-process and writes
 * test/golden/cases/<vendor>/<case>.json (plus `<case>.step<N>.body` for replies whose bytes are not
 * compact JSON). The directory is rewritten from scratch, so removed cases disappear. Deterministic:
 * re-running gives byte-identical files.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { goldenCases } from "../test/golden/define-cases.js";
import { inProcessPath, type GoldenCaseFile, type GoldenReply, type GoldenStep, type Observed } from "../test/golden/replay.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "golden", "cases");

/** The body as JSON when its compact form gives back the exact bytes; otherwise undefined. */
function exactJson(bytes: Uint8Array): { value: unknown } | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return JSON.stringify(value) === text ? { value } : undefined;
  } catch {
    return undefined;
  }
}

function sortedHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function main(): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  const path = inProcessPath();
  let files = 0;
  for (const definition of goldenCases) {
    const dir = join(root, definition.vendor);
    mkdirSync(dir, { recursive: true });
    await path.begin(definition.options);
    const steps: GoldenStep[] = [];
    for (const [index, step] of definition.steps.entries()) {
      if ("advanceMs" in step) {
        path.advance(step.advanceMs);
        steps.push(step);
      } else if ("control" in step) {
        path.control(step.control);
        steps.push(step);
      } else {
        const observed: Observed = await path.send(step.request);
        const reply: GoldenReply = { status: observed.status, headers: sortedHeaders(observed.headers) };
        const json = exactJson(observed.bytes);
        if (json !== undefined) reply.body = json.value;
        else {
          const file = `${definition.name}.step${index + 1}.body`;
          writeFileSync(join(dir, file), observed.bytes);
          reply.bodyFile = file;
          files++;
        }
        if (observed.delayMs !== undefined) reply.delayMs = observed.delayMs;
        if (observed.drop) reply.drop = true;
        steps.push({ request: step.request, reply });
      }
    }
    await path.close();
    const out: GoldenCaseFile = { name: definition.name, description: definition.description, options: definition.options, steps };
    writeFileSync(join(dir, `${definition.name}.json`), `${JSON.stringify(out, null, 2)}\n`);
  }
  console.log(`recorded ${goldenCases.length} cases (${files} raw body files) in ${root}`);
}

await main();
