import { describe, expect, it } from "vitest";
import { buildCases, uncoveredEndpoints } from "../../contracts/cases/index.js";
import { vendorContracts } from "../../contracts/vendors/index.js";
import { endpointById, endpoints } from "../../schemas/registry.js";

const cases = buildCases();

describe("the case list", () => {
  it("covers every endpoint of the registry", () => {
    expect(uncoveredEndpoints()).toEqual([]);
    expect(new Set(cases.map((c) => c.endpointId))).toEqual(new Set(endpoints.map((e) => e.id)));
  });

  it("gives each endpoint successes, errors, signature cases and a rate-limit burst", () => {
    for (const endpoint of endpoints) {
      const own = cases.filter((c) => c.endpointId === endpoint.id);
      const outcomes = own.flatMap((c) => c.steps.map((s) => s.expect.outcome));
      expect(outcomes, endpoint.id).toContain("success");
      expect(outcomes, endpoint.id).toContain("error");
      expect(own.filter((c) => c.auth).length, endpoint.id).toBe(4);
      expect(
        own.filter((c) => c.quota).map((c) => c.id),
        endpoint.id,
      ).toEqual([`${endpoint.id}/rate-limit`]);
    }
  });

  it("has unique ids under their endpoint, a title and a source for each", () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.id.startsWith(`${c.endpointId}/`), c.id).toBe(true);
      expect(c.title.length, c.id).toBeGreaterThan(5);
      expect(c.source.length, c.id).toBeGreaterThan(5);
      expect(c.steps.length, c.id).toBeGreaterThan(0);
    }
  });

  it("expects only error codes that are in the vendor's catalog", () => {
    for (const c of cases) {
      const vendor = endpointById(c.endpointId)!.vendor;
      for (const step of c.steps) {
        const codes =
          step.expect.outcome === "error" ? [step.expect.code] : step.expect.outcome === "success-or-error" ? step.expect.codes : [];
        for (const code of codes) expect(vendorContracts[vendor].errors[code], `${c.id}: ${code}`).toBeDefined();
      }
    }
  });

  it("sizes each burst to exceed the endpoint's shortest rate limit even across a window boundary", () => {
    for (const endpoint of endpoints) {
      const burst = cases.find((c) => c.id === `${endpoint.id}/rate-limit`)!;
      const shortest = [...endpoint.limits.rate].sort((a, b) => a.windowMs - b.windowMs)[0]!;
      expect(burst.steps.length).toBe(2 * shortest.limit + 1);
      expect(burst.burst).toBe(true);
    }
  });
});
