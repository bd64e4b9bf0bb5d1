import { describe, expect, it } from "vitest";
import { buildCases } from "../../contracts/cases/index.js";
import { runCase, type CaseResult } from "../../contracts/runner.js";
import { inprocTarget } from "../../contracts/targets/inproc-target.js";
import type { Target } from "../../contracts/targets/target.js";
import { zegoContract } from "../../contracts/vendors/zego.js";

// Issue 15: a ZEGO Code sent as text read "got error 0 (success)".
const CLOCK = { start: "2025-03-01T12:00:10Z", frozen: true } as const;

/** The fake, with every ZEGO reply's Code replaced. */
function withCode(code: (original: number) => unknown): Target {
  const inner = inprocTarget({ mock: { clock: CLOCK } });
  return {
    ...inner,
    async send(request, options) {
      const exchange = await inner.send(request, options);
      const json = JSON.parse(exchange.response.body) as Record<string, unknown>;
      const replaced = code(json.Code as number);
      if (replaced === undefined) delete json.Code;
      else json.Code = replaced;
      return { ...exchange, response: { ...exchange.response, body: JSON.stringify(json) } };
    },
  };
}

async function run(id: string, target: Target): Promise<CaseResult> {
  const c = buildCases().find((x) => x.id === id)!;
  return runCase(c, target, await target.fixtures());
}
const lines = (r: CaseResult) => r.violations.filter((v) => v.severity === "error").map((v) => `${v.rule}: ${v.message}`);

describe('ZEGO Code as the string "0"', () => {
  it("is a success for the outcome, and one envelope violation that says the Code is text", async () => {
    const result = await run("zego.GetRealtimeUsage/all-metrics-last-30-minutes", withCode(String));
    expect(result.status).toBe("failed");
    expect(lines(result)).toEqual([
      'schema: response: Code is a string ("0"), not 0',
      'envelope.code-type: Code is a string ("0"), not a number: a client comparing Code === 0 reads this success as an error',
    ]);
  });

  it("passes with a numeric 0 (the mutation is what fails it)", async () => {
    expect(
      lines(
        await run(
          "zego.GetRealtimeUsage/all-metrics-last-30-minutes",
          withCode((code) => code),
        ),
      ),
    ).toEqual([]);
  });

  it("an error code as text is still that error, with the type drift named", async () => {
    const result = await run("zego.GetRealtimeUsage/start-after-end", withCode(String));
    expect(lines(result)).toContain('envelope.code-type: Code is a string ("10002"), not a number');
    expect(lines(result).some((line) => line.startsWith("error.code:"))).toBe(false); // 10002 as expected
  });

  it("a missing or non-scalar Code says what came, not 'error undefined'", async () => {
    expect(zegoContract.errorOf({ Message: "success" })).toEqual({ code: "(no Code)", path: "Code", message: "success" });
    expect(zegoContract.errorOf({ Code: null })).toEqual({ code: "(Code null)", path: "Code" });
    expect(zegoContract.errorOf({ Code: "abc" })).toEqual({ code: "abc", path: "Code" });
    const missing = await run(
      "zego.GetRealtimeUsage/all-metrics-last-30-minutes",
      withCode(() => undefined),
    );
    expect(lines(missing)).toContain("expect.outcome: expected a success reply, got error (no Code) (success)");
    expect(lines(missing).join("\n")).not.toContain("undefined");
  });
});
