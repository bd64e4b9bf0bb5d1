import { formatErrorMessage } from "../../schemas/common/errors.js";
import { LCIC_HOST } from "../../schemas/tencent/describe-room-statistics.js";
import { tencentErrors } from "../../schemas/tencent/errors.js";
import { tencentEndpoints } from "../../schemas/tencent/index.js";
import { TC3_ALGORITHM } from "../../schemas/tencent/signing.js";
import { spliceBytes, textReply } from "../core/reply.js";
import type { Routed, VendorDefinition } from "../core/vendor.js";
import { verifyTc3, verifyTencentV1 } from "./authenticate.js";
import { createTencentBackend, type TencentBackend } from "./backend.js";
import { tencentRequestId } from "./request-id.js";
import { tencentV1Params } from "./v1-params.js";

const catalog: Readonly<Record<string, { message: string; httpStatus: number }>> = tencentErrors;

/**
 * Exactly `application/json`, as the API 3.0 gateway sends it: tencentcloud-sdk-python looks for
 * `Response.Error` only when the Content-Type is exactly that (or `text/plain`), so a charset would
 * turn every error into an empty success (TC-PY abstract_client.py; ../shared/vendor-notes/clients.md §1.4).
 */
const JSON_HEADERS = { "content-type": "application/json" } as const;
const OPEN_BRACE = 0x7b;

/**
 * Tencent Cloud API 3.0 for LCIC: requests carry `X-TC-Action`/`X-TC-Version` headers and a
 * TC3-HMAC-SHA256 Authorization, or (signature v1) Action, Version and the signature parameters in
 * the query or a form body; every answer is HTTP 200 with `{"Response":{…,"RequestId"}}`, errors
 * as `Response.Error`. https://www.tencentcloud.com/document/api/1168/52791
 */
export const tencentVendor: VendorDefinition<TencentBackend> & { vendor: "tencent" } = {
  vendor: "tencent",
  hosts: [LCIC_HOST],
  // lcic.intl.tencentcloudapi.com (the international SDK's default) and lcic.<region>[.intl].tencentcloudapi.com
  // (Tencent's regional host pattern, assumed for LCIC; clients.md §1.1).
  hostPatterns: [/^lcic(\.[a-z0-9-]+)?(\.intl)?\.tencentcloudapi\.com$/],
  errors: tencentErrors,

  claims(request) {
    return (
      request.headers["x-tc-action"] !== undefined ||
      (request.headers.authorization ?? "").startsWith(TC3_ALGORITHM) ||
      tencentV1Params(request) !== null
    );
  },

  // Action and Version from the X-TC-* headers (TC3), else from the v1 parameters.
  route(request): Routed {
    const v1 = request.headers["x-tc-action"] === undefined ? tencentV1Params(request) : null;
    const action = (v1 ? (v1.get("Action") ?? undefined) : request.headers["x-tc-action"])?.trim();
    if (request.method !== "GET" && request.method !== "POST") {
      return { error: { code: "UnsupportedProtocol", args: [request.method] }, ...(action ? { action } : {}) };
    }
    if (!action) return { error: { code: "MissingParameter", args: ["Action"] } };
    const endpoint = tencentEndpoints.find((candidate) => candidate.action === action);
    if (endpoint === undefined) return { error: { code: "InvalidAction", args: [action] }, action };
    const version = (v1 ? (v1.get("Version") ?? undefined) : request.headers["x-tc-version"])?.trim();
    if (!version) return { error: { code: "MissingParameter", args: ["Version"] }, action };
    if (version !== endpoint.version) return { error: { code: "NoSuchVersion", args: [version, action] }, action };
    return { id: endpoint.id };
  },

  // A request without Authorization that carries the v1 parameters is checked as signature v1.
  authenticate(request, _endpoint, ctx) {
    const v1 = request.headers.authorization === undefined ? tencentV1Params(request) : null;
    const { credentials } = ctx.options.auth;
    return v1
      ? verifyTencentV1(request, v1, credentials.tencent, ctx.clock.now(), ctx.options.hashing)
      : verifyTc3(request, credentials.tencent, ctx.clock.now(), ctx.options.hashing);
  },

  // `{"Response":{...result,"RequestId":…}}`: the result's fields, then the RequestId.
  envelope(outcome, meta, ctx) {
    const requestId = JSON.stringify(tencentRequestId(ctx.world, meta.requestSeq));
    if ("result" in outcome) {
      const fields = outcome.result.subarray(0, outcome.result.length - 1);
      const empty = fields.length === 1 && fields[0] === OPEN_BRACE;
      return {
        status: 200,
        headers: { ...JSON_HEADERS },
        body: spliceBytes('{"Response":', fields, `${empty ? "" : ","}"RequestId":${requestId}}}`),
      };
    }
    const entry = catalog[outcome.error.code];
    // A fault may name a code outside the catalog; it is sent as given, with the code as message.
    const message = outcome.error.message ?? (entry ? formatErrorMessage(entry.message, outcome.error.args) : outcome.error.code);
    return textReply(
      entry?.httpStatus ?? 200,
      { ...JSON_HEADERS },
      `{"Response":{"Error":${JSON.stringify({ Code: outcome.error.code, Message: message })},"RequestId":${requestId}}}`,
    );
  },

  // The limiter does not report the refused count; the first refused request is limit + 1.
  throttled: (rule) => ({ code: "RequestLimitExceeded", args: [String(rule.limit + 1), String(rule.limit)] }),
  capacityExceeded: () => ({ code: "LimitExceeded" }),
  transportError: (problem) =>
    problem === "body-too-large"
      ? { code: "RequestSizeLimitExceeded" }
      : { code: "InvalidParameter", message: "The request could not be read: malformed HTTP request." },
  internalError: (message) => ({ code: "InternalError", message }),
  createBackend: createTencentBackend,
};
