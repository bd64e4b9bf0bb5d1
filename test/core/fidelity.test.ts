import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { endpoints } from "../../schemas/registry.js";
import { plausibilityLedger } from "../../contracts/plausibility-ledger.js";
import { fidelityLedger, renderFidelityLedger } from "../../mocks/fidelity.js";
import { vendors } from "../../mocks/vendors.js";

const vendorProtocols = Object.values(vendors);

describe("fidelity ledger", () => {
  it("is committed up to date in docs/FIDELITY.md (run `npm run generate` when this fails)", async () => {
    const committed = await readFile(new URL("../../docs/FIDELITY.md", import.meta.url), "utf8");
    expect(committed).toBe(renderFidelityLedger(plausibilityLedger));
  });

  it("gives every rule a source or reason, and every vendor and endpoint at least one rule", () => {
    for (const entry of fidelityLedger) {
      expect(entry.source.trim().length, entry.rule).toBeGreaterThan(10);
      if (entry.fidelity === "documented") expect(entry.source, entry.rule).toMatch(/https?:\/\/|sdk:/);
    }
    for (const protocol of vendorProtocols) {
      expect(fidelityLedger.some((entry) => entry.vendor === protocol.vendor)).toBe(true);
    }
    for (const endpoint of endpoints) {
      expect(
        fidelityLedger.some(
          (entry) => entry.vendor === endpoint.vendor && (entry.action === undefined || entry.action === endpoint.action),
        ),
        endpoint.id,
      ).toBe(true);
    }
  });

  it("states the contract suite's plausibility rules, each naming the violation it raises, with its reasoning", () => {
    const text = renderFidelityLedger(plausibilityLedger);
    expect(text).toContain("## Contract suite: plausibility rules");
    for (const entry of plausibilityLedger) {
      expect(entry.rule, "names its violation rule").toMatch(/\(`(time\.unit|value\.scale|schema\.always-sent)`/);
      expect(entry.source, entry.rule).toMatch(/https?:\/\/|vendor-notes/);
      expect(text).toContain(entry.rule.replace(/\|/g, "\\|"));
    }
  });

  it("lists every catalog error with a status and a trigger, and every documented one with a source", () => {
    const text = renderFidelityLedger();
    for (const protocol of vendorProtocols) {
      for (const error of Object.values(protocol.errors)) {
        expect(error.trigger.trim(), `${protocol.vendor} ${error.code}`).not.toBe("");
        expect(error.httpStatus).toBeGreaterThanOrEqual(200);
        if (error.fidelity === "documented") expect(error.source, error.code).toMatch(/https?:\/\/|sdk:/);
        expect(text).toContain(`\`${error.code}\``);
      }
    }
  });
});
