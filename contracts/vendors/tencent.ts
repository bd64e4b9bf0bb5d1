import { tencentErrors } from "../../schemas/tencent/index.js";
import { isRecord, pick, type ObservedExchange } from "../observed.js";
import { violation, type Violation } from "../violation.js";
import type { ReplyError, VendorContract } from "./vendor-contract.js";

/**
 * Tencent Cloud API 3.0 envelope: `{Response:{...fields, RequestId}}`, or `{Response:{Error:{Code,Message}, RequestId}}`
 * for a failure, both with HTTP 200. https://www.tencentcloud.com/document/product/213/33281#common-error-codes
 */
export const tencentContract: VendorContract = {
  vendor: "tencent",
  errors: tencentErrors,
  errorOf(json: unknown): ReplyError | null {
    const error = pick(json, "Response", "Error");
    if (error === undefined) return null;
    const code = pick(error, "Code");
    const message = pick(error, "Message");
    return {
      code: typeof code === "string" ? code : String(code),
      path: "Response.Error.Code",
      ...(typeof message === "string" ? { message } : {}),
    };
  },
  envelope(x: ObservedExchange): Violation[] {
    const out: Violation[] = [];
    const response = pick(x.response.json, "Response");
    if (!isRecord(response)) return out;
    if (typeof response.RequestId !== "string" || response.RequestId === "") {
      out.push(violation("envelope.request-id", "Response.RequestId", "RequestId is missing or empty"));
    }
    if (x.response.status !== 200) {
      out.push(violation("envelope.status", "$", `HTTP ${x.response.status}: API 3.0 answers coded replies with HTTP 200`));
    }
    return out;
  },
  authHeaders: ["authorization", "x-tc-timestamp", "x-tc-token"],
  authQuery: [],
};
