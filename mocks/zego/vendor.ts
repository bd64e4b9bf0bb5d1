import { formatErrorMessage, type VendorErrorDefinition } from "../../schemas/common/errors.js";
import { zegoErrors } from "../../schemas/zego/errors.js";
import { zegoEndpoints } from "../../schemas/zego/index.js";
import { spliceBytes, textReply } from "../core/reply.js";
import type { VendorDefinition, VendorError } from "../core/vendor.js";
import { authenticateZego } from "./authenticate.js";
import { createZegoBackend, type ZegoBackend } from "./backend.js";
import { zegoRequestIdJson } from "./request-id.js";

const [getRealtimeUsage] = zegoEndpoints;
const catalog: Readonly<Record<string, VendorErrorDefinition>> = zegoErrors;
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

/**
 * Unified and regional hosts of the analytics API; a request to one of them is ZEGO's whatever its shape.
 * https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis
 */
export const zegoHosts = [
  "analytics-api.zego.im",
  "analytics-api-sha.zego.im",
  "analytics-api-hkg.zego.im",
  "analytics-api-fra.zego.im",
  "analytics-api-lax.zego.im",
  "analytics-api-bom.zego.im",
  "analytics-api-sgp.zego.im",
] as const;

/** The catalog message of an error: its own text, the template filled, or the template without its detail. */
function messageOf(definition: VendorErrorDefinition, error: VendorError): string {
  if (error.message !== undefined) return error.message;
  if (error.args !== undefined && error.args.length > 0) return formatErrorMessage(definition.message, error.args);
  return definition.message.replace(/: %s/g, "");
}

/** Names a fixed rate-limit window for the 30002 message. */
function windowName(windowMs: number): string {
  if (windowMs === 60_000) return "minute";
  if (windowMs === 86_400_000) return "day";
  return `${windowMs} ms`;
}

/**
 * ZEGO analytics: GET (or POST, options.zego.allowPost) `?Action=GetRealtimeUsage` with every
 * parameter in the query, the `{Code, Message, Data, RequestId}` envelope, coded errors as HTTP 200
 * (assumed) and md5 signature checks in verify mode.
 * https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
 */
export const zegoVendor: VendorDefinition<ZegoBackend> & { vendor: "zego" } = {
  vendor: "zego",
  hosts: zegoHosts,
  hostPatterns: [],
  errors: zegoErrors,

  // ZEGO's own query shapes: its action name, its signature parameters, or an AppId in the query
  // without a Version (Volcengine and Tencent carry AppIds in the body and always send a Version).
  // Any method, so a POST to GetRealtimeUsage still gets ZEGO's own error (assumed).
  claims(request) {
    const params = request.url.searchParams;
    return (
      params.get("Action") === getRealtimeUsage.action ||
      params.has("SignatureVersion") ||
      params.has("SignatureNonce") ||
      (params.has("AppId") && !params.has("Version"))
    );
  },

  route(request, ctx) {
    const action = request.url.searchParams.get("Action");
    if (action === null || action === "") return { error: { code: "100000006" } };
    // Action names are matched exactly, as sent (case-sensitive; assumed).
    const endpoint = zegoEndpoints.find((candidate) => candidate.action === action);
    if (endpoint === undefined) return { error: { code: "100000007", args: [action.slice(0, 64)] }, action };
    // The access page allows GET or POST for the server APIs; the gateway's answer to another
    // method is not documented (assumed 100000007).
    const { allowPost } = ctx.options.zego;
    if (request.method !== endpoint.method && !(allowPost && request.method === "POST")) {
      const allowed = allowPost ? "use GET or POST" : "use GET";
      return { error: { code: "100000007", args: [`${action} does not accept ${request.method.slice(0, 16)}, ${allowed}`] }, action };
    }
    return { id: endpoint.id };
  },

  authenticate: (request, _endpoint, ctx) => authenticateZego(request, ctx),

  // Key order of the doc examples: Code, Message, Data, RequestId.
  envelope(outcome, meta, ctx) {
    const requestId = zegoRequestIdJson(ctx.world, meta.requestSeq, ctx.options.zego.requestIdType);
    if ("result" in outcome) {
      return {
        status: 200,
        headers: { ...JSON_HEADERS },
        body: spliceBytes('{"Code":0,"Message":"success","Data":', outcome.result, `,"RequestId":${requestId}}`),
      };
    }
    const definition = catalog[outcome.error.code];
    // A fault rule may name a code outside the catalog; answer 500 and say so rather than invent a code.
    const [code, message, status] =
      definition === undefined
        ? [
            500,
            `interface error: fault code ${JSON.stringify(outcome.error.code)} is not in the ZEGO catalog`,
            zegoErrors["500"].httpStatus,
          ]
        : [definition.codeN ?? Number(definition.code), messageOf(definition, outcome.error), definition.httpStatus];
    const head = JSON.stringify({ Code: code, Message: message, Data: {} }).slice(0, -1);
    return textReply(status, { ...JSON_HEADERS }, `${head},"RequestId":${requestId}}`);
  },

  throttled(rule, retryAfterMs) {
    const retrySec = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return { code: "30002", args: [`at most ${rule.limit} calls per ${windowName(rule.windowMs)} per AppId, retry in ${retrySec} s`] };
  },
  capacityExceeded: () => ({ code: "30002", args: ["the fake server already tracks its maximum number of AppIds (maxTenants)"] }),
  transportError: (problem) => ({ code: "100000012", args: [problem] }),
  internalError: (message) => ({ code: "500", message }),
  createBackend: createZegoBackend,
};
