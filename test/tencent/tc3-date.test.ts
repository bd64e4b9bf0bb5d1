import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tc3Date } from "../../schemas/tencent/signing.js";

const reference = (timestampSec: number): string => new Date(timestampSec * 1000).toISOString().slice(0, 10);
// Around the Unix epoch (negative and fractional seconds included) and today's range, at any second of a day.
const timestamp = fc.oneof(
  fc.integer({ min: -3 * 86_400, max: 3 * 86_400 }),
  fc.double({ min: -3 * 86_400, max: 3 * 86_400, noNaN: true }),
  fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }),
);

describe("tc3Date remembers the last day without ever returning another day's date", () => {
  it("equals the UTC date of each timestamp for any sequence of calls", () => {
    fc.assert(
      fc.property(fc.array(timestamp, { minLength: 1, maxLength: 20 }), (sequence) => {
        for (const ts of sequence) expect(tc3Date(ts)).toBe(reference(ts));
      }),
      { numRuns: 300 },
    );
  });

  it("switches at midnight in both directions and after a millisecond fraction before the epoch (the Date truncates it to 0)", () => {
    expect(tc3Date(1551139199)).toBe("2019-02-25");
    expect(tc3Date(1551139200)).toBe("2019-02-26");
    expect(tc3Date(1551139199)).toBe("2019-02-25");
    expect(tc3Date(-0.0001)).toBe("1970-01-01");
    expect(tc3Date(-1)).toBe("1969-12-31");
    expect(tc3Date(-0.0001)).toBe("1970-01-01");
  });
});
