import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../mocks/core/engine.js";
import { volcengineErrors } from "../../schemas/volcengine/index.js";
import { frozenAt, handle, vendorRequest } from "../support/harness.js";

/** The gateway and RTC codes of clients.md §2.6 the catalog lacked before issue 12, with CodeN where known. */
const added: [keyof typeof volcengineErrors, number | undefined, number][] = [
  ["LackPolicy", 100012, 403],
  ["FailToConnect", 100015, 502],
  ["LackProjectPolicy", undefined, 403],
  ["InnerApiNeedAccountInfo", undefined, 400],
  ["AccountFlowLimitExceeded", 100027, 429],
  ["AccessDenied.ServiceNotEnabled", undefined, 403],
  ["InvalidParameter.EmptyAccountId", undefined, 400],
  ["InvalidParameter.AccountIdMismatch", undefined, 400],
  ["FlowLimitExceeded.TaskNumberOverLimit", undefined, 429],
];

describe("Volcengine gateway and RTC codes of clients.md §2.6", () => {
  it.each(added)("%s: CodeN %s, HTTP %s, answered by a fault", (code, codeN, status) => {
    const entry = volcengineErrors[code];
    expect("codeN" in entry ? entry.codeN : undefined).toBe(codeN);
    expect(entry.httpStatus).toBe(status);
    const engine = createMockEngine({ seed: 1, clock: frozenAt(), faults: [{ kind: "error", vendor: "volcengine", code }] });
    const reply = handle(engine, vendorRequest("volcengine.ListRealTimeQuality"));
    expect(reply.status).toBe(status);
    expect(reply.json.ResponseMetadata.Error).toEqual({
      ...(codeN !== undefined ? { CodeN: codeN } : {}),
      Code: code,
      Message: entry.message,
    });
  });

  it("InvalidSecretToken carries the documented message, its reason from the fault's args", () => {
    const fault = (args?: string[]) =>
      createMockEngine({
        seed: 1,
        clock: frozenAt(),
        faults: [{ kind: "error", vendor: "volcengine", code: "InvalidSecretToken", ...(args ? { args } : {}) }],
      });
    const message = (engine: ReturnType<typeof fault>) =>
      handle(engine, vendorRequest("volcengine.ListRealTimeQuality")).json.ResponseMetadata.Error;
    expect(message(fault(["token expired"]))).toEqual({ Code: "InvalidSecretToken", Message: "Invalid secret token, msg: token expired." });
    expect(message(fault()).Message).toBe("Invalid secret token, msg: -.");
  });

  it("InvalidParameter.AccountIdMismatch carries the documented message", () => {
    expect(volcengineErrors["InvalidParameter.AccountIdMismatch"].message).toBe("Check owner failed");
  });
});
