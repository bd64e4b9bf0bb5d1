import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { tencentErrors } from "../../schemas/tencent/index.js";
import { errorCodeOf, frozenAt, handle, vendorRequest } from "../support/harness.js";

/** The API 3.0 common codes of clients.md §1.5 that the catalog lacked before issue 12. */
const commonCodes = [
  "AuthFailure.InvalidSecretId",
  "AuthFailure.MFAFailure",
  "AuthFailure.TokenFailure",
  "AuthFailure.UnauthorizedOperation",
  "UnauthorizedOperation",
  "RequestLimitExceeded.UinLimitExceeded",
  "RequestLimitExceeded.IPLimitExceeded",
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
  "ServiceUnavailable",
  "ActionOffline",
  "NoSuchProduct",
  "UnsupportedRegion",
  "UnsupportedOperation",
  "IpInBlacklist",
  "IpNotInWhitelist",
  "InvalidRequest",
  "ResponseSizeLimitExceeded",
  "DryRunOperation",
  "ResourceInUse",
  "ResourceInsufficient",
  "ResourceNotFound",
  "ResourceUnavailable",
  "ResourcesSoldOut",
] as const;

describe("Tencent API 3.0 common error codes", () => {
  it.each(commonCodes)("%s: catalogued with its documented message and answered by a fault", (code) => {
    const entry = tencentErrors[code];
    expect(entry.code).toBe(code);
    expect(entry.httpStatus).toBe(200);
    expect(entry.fidelity).toBe("documented");
    expect(entry.source).toMatch(/213\/33281/);
    expect(entry.message.length).toBeGreaterThan(5);
    const engine = createMockEngine({ seed: 1, clock: frozenAt(), faults: [{ kind: "error", vendor: "tencent", code }] });
    const reply = handle(engine, vendorRequest("tencent.DescribeRoomStatistics"));
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/json");
    expect(errorCodeOf(reply)).toBe(code);
    expect(reply.json.Response.Error.Message).toBe(entry.message);
  });

  it("a signature v1 request gets the fault's code too", () => {
    const engine = createMockEngine({ seed: 1, clock: frozenAt(), faults: [{ kind: "error", vendor: "tencent", code: "IpInBlacklist" }] });
    const query = new URLSearchParams({
      Action: "DescribeRoomStatistics",
      Version: "2022-08-17",
      RoomId: "10004",
      Page: "1",
      Limit: "1",
      Signature: "x",
      SecretId: "AKIDx",
      Nonce: "1",
      Timestamp: "1",
    });
    expect(errorCodeOf(handle(engine, { method: "GET", path: `/?${query}`, headers: {} }))).toBe("IpInBlacklist");
  });
});
