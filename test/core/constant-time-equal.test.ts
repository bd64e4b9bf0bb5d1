import { describe, expect, it } from "vitest";
import { constantTimeEqual } from "../../schemas/common/constant-time-equal.js";

describe("constantTimeEqual (shared by the three signature verifiers)", () => {
  it("is true only for identical strings", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "ab")).toBe(false);
    expect(constantTimeEqual("ab", "abc")).toBe(false);
    expect(constantTimeEqual("a\u0000", "a")).toBe(false);
  });
});
