import { describe, expect, it } from "vitest";
import { resolveServeConfig } from "../../server/config/resolve-config.js";
import { applyV8MemoryFlags, OPTIMIZE_FOR_SIZE_FLAG } from "../../server/v8-memory-flags.js";

describe("V8 memory flag of serve", () => {
  it("sets --optimize-for-size when on, and nothing when off", () => {
    const set: string[] = [];
    expect(applyV8MemoryFlags(true, (flags) => set.push(flags))).toEqual([OPTIMIZE_FOR_SIZE_FLAG]);
    expect(set).toEqual(["--optimize-for-size"]);
    expect(applyV8MemoryFlags(false, (flags) => set.push(flags))).toEqual([]);
    expect(set).toHaveLength(1);
  });

  it("is on by default and switched off by flag, variable or config file", () => {
    expect(resolveServeConfig({ argv: [], env: {} }).optimizeForSize).toBe(true);
    expect(resolveServeConfig({ argv: ["--no-optimize-for-size"], env: {} }).optimizeForSize).toBe(false);
    expect(resolveServeConfig({ argv: [], env: { RTC_MOCK_OPTIMIZE_FOR_SIZE: "off" } }).optimizeForSize).toBe(false);
    expect(resolveServeConfig({ argv: ["--optimize-for-size"], env: { RTC_MOCK_OPTIMIZE_FOR_SIZE: "0" } }).optimizeForSize).toBe(true);
  });
});
