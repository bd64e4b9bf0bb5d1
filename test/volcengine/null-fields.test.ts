import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { errorCodeOf, frozenAt, handle, vendorRequest } from "../support/harness.js";

const quality = (fields: Record<string, unknown>) => vendorRequest("volcengine.ListRealTimeQuality", { fields });

describe("Volcengine body fields sent as JSON null (volcengine.nullAsAbsent)", () => {
  it("reads an optional field sent as null as absent, by default", () => {
    const engine = createMockEngine({ clock: frozenAt() });
    const withNulls = handle(engine, quality({ RoomId: null, UserId: null, ProductType: null }));
    expect(withNulls.status).toBe(200);
    expect(errorCodeOf(withNulls)).toBeUndefined();
    engine.reset();
    expect(withNulls.json.Result).toEqual(handle(engine, quality({})).json.Result);
  });

  it("still reports a required field sent as null as missing", () => {
    const reply = handle(createMockEngine({ clock: frozenAt() }), quality({ AppId: null }));
    expect(errorCodeOf(reply)).toBe("InvalidParameter");
    expect(reply.json.ResponseMetadata.Error.Message).toContain("AppId is required");
  });

  it("with the switch off, null is a wrong type", () => {
    const reply = handle(createMockEngine({ clock: frozenAt(), volcengine: { nullAsAbsent: false } }), quality({ RoomId: null }));
    expect(errorCodeOf(reply)).toBe("InvalidParameter");
    expect(reply.json.ResponseMetadata.Error.Message).toContain("RoomId");
  });
});
