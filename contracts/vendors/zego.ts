import { zegoErrors } from "../../schemas/zego/index.js";
import { isRecord, pick, type ObservedExchange } from "../observed.js";
import { violation, type Violation } from "../violation.js";
import type { ReplyError, VendorContract } from "./vendor-contract.js";

/**
 * ZEGO's envelope `{Code, Message, RequestId, Data}` on every call; `Code` 0 is success.
 * https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis
 */
export const zegoContract: VendorContract = {
  vendor: "zego",
  errors: zegoErrors,
  errorOf(json: unknown): ReplyError | null {
    const code = pick(json, "Code");
    // "0" as text still means success for the outcome; envelope() reports the type drift.
    if (code === 0 || code === "0") return null;
    const message = pick(json, "Message");
    // A Code that is neither a number nor text is no code of the catalog: say what came instead of "error undefined".
    const text =
      typeof code === "number" || typeof code === "string"
        ? String(code)
        : code === undefined
          ? "(no Code)"
          : `(Code ${JSON.stringify(code)})`;
    return { code: text, path: "Code", ...(typeof message === "string" ? { message } : {}) };
  },
  envelope(x: ObservedExchange): Violation[] {
    const out: Violation[] = [];
    const json = x.response.json;
    if (!isRecord(json)) return out;
    // Code as text is envelope drift even when it reads as the right code: a client comparing Code === 0 computes otherwise.
    if (typeof json.Code === "string")
      out.push(
        violation(
          "envelope.code-type",
          "Code",
          `Code is a string (${JSON.stringify(json.Code)}), not a number${json.Code === "0" ? ": a client comparing Code === 0 reads this success as an error" : ""}`,
        ),
      );
    const requestId = json.RequestId;
    if (!((typeof requestId === "string" && requestId !== "") || typeof requestId === "number")) {
      out.push(violation("envelope.request-id", "RequestId", "RequestId is missing or empty"));
    }
    return out;
  },
  authHeaders: [],
  authQuery: ["Signature", "SignatureNonce"],
};
