import { describe, expect, it } from "vitest";
import { fidelityLedger } from "../../mocks/fidelity.js";

// The vendor-wide rules (mocks/zego/ledger.ts) and the endpoint's own (its behaviour module).
const zegoLedger = fidelityLedger.filter((entry) => entry.vendor === "zego");

describe("ZEGO fidelity ledger", () => {
  it("marks every rule documented with a URL or assumed with a reason", () => {
    expect(zegoLedger.length).toBeGreaterThan(20);
    for (const entry of zegoLedger) {
      expect(entry.vendor).toBe("zego");
      expect(entry.rule.length).toBeGreaterThan(20);
      if (entry.fidelity === "documented") expect(entry.source, entry.rule).toMatch(/^https:\/\//);
      else expect(entry.source.length, entry.rule).toBeGreaterThan(20);
    }
  });

  it("covers the rules the docs leave open: granularity, error status, quotas, time-rule codes, auth-off", () => {
    const text = zegoLedger.map((entry) => `${entry.rule} ${entry.switch ?? ""}`).join("\n");
    for (const needle of ["options.zego.stepMs", "HTTP 200", "30002", "now − 2 h", "10001", "Auth off", "100000012", "19-digit"]) {
      expect(text, needle).toContain(needle);
    }
  });
});
