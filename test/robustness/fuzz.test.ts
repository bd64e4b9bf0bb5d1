/**
 * Property-based fuzzing of the fake server (fast-check, fixed seed). Every generated request to the
 * five endpoints — valid ones and ones with wrong methods, paths, hosts, headers, query strings and
 * bodies (invalid JSON, deep nesting, huge numbers, unicode, wrong types, duplicated keys, mutated
 * fields) — must get a vendor envelope with a code from that vendor's catalog, or a success that
 * parses with the registry's response schema; never a 5xx unless a fault was injected.
 *
 * Replay a failure: fast-check prints `{ seed: …, path: "…" }`; run
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run test/robustness/fuzz.test.ts -t "<test name>"
 * More runs: FUZZ_RUNS=<runs per endpoint> (default 2,000). See docs/BENCHMARKS.md.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine } from "../../mocks/core/engine.js";
import type { MockOptions } from "../../mocks/options.js";
import { buildServer } from "../../server/app.js";
import { checkReply } from "./support/reply-check.js";
import {
  describeFuzzRequest,
  fuzzEndpointIds,
  fuzzRequest,
  signed,
  toMockRequest,
  type FuzzEndpointId,
  type FuzzRequest,
} from "./support/fuzz-requests.js";

/** Mock time of every engine here: 2025-06-15T12:00:00Z, frozen. */
const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_615);
const PATH = process.env.FUZZ_PATH;
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const replay = PATH !== undefined ? { path: PATH, endOnFailure: true } : {};

const base: MockOptions = { seed: 7, clock: { start: NOW, frozen: true } };
const engineKinds = ["plain", "rate-limited", "verify"] as const;
type EngineKind = (typeof engineKinds)[number];

function createEngines(): Record<EngineKind, MockEngine> {
  return {
    plain: createMockEngine({ ...base, rateLimits: false }),
    "rate-limited": createMockEngine({ ...base, rateLimits: true }),
    verify: createMockEngine({ ...base, rateLimits: false, auth: { mode: "verify" } }),
  };
}

/** Sends one generated request to an engine and checks the reply; returns whether it succeeded. */
function exercise(engine: MockEngine, kind: EngineKind, generated: FuzzRequest): boolean {
  const request = toMockRequest(kind === "verify" ? signed(generated, NOW) : generated);
  let outcome;
  try {
    const reply = engine.handle(request);
    outcome = checkReply(engine, request, reply);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n  request: ${describeFuzzRequest(generated)} (engine ${kind})`, { cause: error });
  }
  return outcome.kind === "success";
}

describe("fuzzing engine.handle across the five endpoints", () => {
  const engines = createEngines();
  const successes = new Map<string, number>();
  const total = { requests: 0 };

  for (const endpointId of fuzzEndpointIds) {
    it(`${endpointId}: every reply is a catalog error or a schema-valid success`, () => {
      let ok = 0;
      let sent = 0;
      fc.assert(
        fc.property(fuzzRequest(endpointId, NOW), fc.constantFrom(...engineKinds), (generated, kind) => {
          sent++;
          if (exercise(engines[kind], kind, generated) && kind !== "rate-limited") ok++;
        }),
        { seed: SEED, numRuns: RUNS, ...replay },
      );
      successes.set(endpointId, ok);
      total.requests += sent;
      // The generator must reach the success path too, or the schema check above proves nothing.
      if (PATH === undefined) expect(ok, `${endpointId}: successes out of ${sent}`).toBeGreaterThan(RUNS * 0.05);
    });
  }

  afterAll(() => {
    // Visible in the test output: how much was generated and how much of it succeeded.
    console.info(`fuzz: ${total.requests} requests through engine.handle; successes ${JSON.stringify(Object.fromEntries(successes))}`);
  });
});

describe("fuzzing with injected faults", () => {
  it("5xx replies and dropped connections come only from fault rules", () => {
    const engine = createMockEngine({
      ...base,
      rateLimits: false,
      faults: [
        { kind: "http", status: 503, probability: 0.1 },
        { kind: "drop", probability: 0.05 },
        { kind: "error", vendor: "volcengine", code: "InternalError", probability: 0.1 },
        { kind: "error", vendor: "tencent", code: "InternalError", probability: 0.1 },
        { kind: "error", vendor: "zego", code: "500", probability: 0.1 },
        { kind: "latency", ms: 5, probability: 0.1 },
      ],
    });
    let faulted = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...fuzzEndpointIds).chain((id: FuzzEndpointId) => fuzzRequest(id, NOW)),
        (generated) => {
          const request = toMockRequest(generated);
          const reply = engine.handle(request);
          const last = engine.journal.entries().at(-1);
          const byFault = last?.faultId !== undefined;
          if (byFault) faulted++;
          try {
            checkReply(engine, request, reply, byFault);
          } catch (error) {
            throw new Error(`${(error as Error).message}\n  request: ${describeFuzzRequest(generated)}`, { cause: error });
          }
        },
      ),
      { seed: SEED, numRuns: 1_000, ...replay },
    );
    if (PATH === undefined) expect(faulted).toBeGreaterThan(100);
  });
});

describe("fuzzing over HTTP semantics (fastify inject)", () => {
  const engine = createMockEngine({ ...base, rateLimits: false });
  const { app } = buildServer({ engine });
  beforeAll(() => app.ready());
  afterAll(() => app.close());

  it("the adapter answers generated requests like the engine: catalog error or valid success, never 5xx", async () => {
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fuzzEndpointIds).chain((id: FuzzEndpointId) => fuzzRequest(id, NOW)),
        async (generated) => {
          const request = toMockRequest(generated);
          // What a real HTTP client can put on the wire: latin-1 header values, standard methods.
          const headers = Object.fromEntries(
            Object.entries(request.headers).map(([name, value]) => [name, value.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?")]),
          );
          delete headers["content-length"];
          delete headers["transfer-encoding"];
          const method = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"].includes(generated.method) ? generated.method : "POST";
          const response = await app.inject({
            method: method as "GET",
            url: `${request.url.pathname}${request.url.search}`,
            headers: { ...headers, host: request.url.host },
            ...(request.rawBody.length > 0 && method !== "GET" ? { payload: Buffer.from(request.rawBody) } : {}),
          });
          const asSeen = { ...request, method, headers };
          try {
            const outcome = checkReply(engine, asSeen, { status: response.statusCode, headers: {}, body: response.rawPayload });
            if (outcome.kind === "success") ok++;
          } catch (error) {
            throw new Error(`${(error as Error).message}\n  request: ${describeFuzzRequest(generated)}`, { cause: error });
          }
        },
      ),
      { seed: SEED, numRuns: 400, ...replay },
    );
    if (PATH === undefined) expect(ok).toBeGreaterThan(20);
  });
});

describe("determinism under fuzzing", () => {
  it("two engines with the same seed answer the same generated sequence byte for byte", () => {
    const requests = fc.sample(
      fc.constantFrom(...fuzzEndpointIds).chain((id: FuzzEndpointId) => fuzzRequest(id, NOW)),
      { seed: SEED, numRuns: 400 },
    );
    const run = () => {
      const engine = createMockEngine({ ...base, rateLimits: true });
      return requests.map((generated) => {
        const reply = engine.handle(toMockRequest(generated));
        return `${reply.status} ${reply.body}`;
      });
    };
    const first = run();
    const second = run();
    expect(second).toEqual(first);
    // Not trivially equal: the sequence holds both successes and errors.
    expect(first.some((line) => line.startsWith("200 "))).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(100);
  });
});
