import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { formatErrorMessage } from "../../schemas/common/errors.js";
import { DESCRIBE_ROOM_STATISTICS, LCIC_HOST, type DescribeRoomStatisticsRequest } from "../../schemas/tencent/describe-room-statistics.js";
import { tencentErrors } from "../../schemas/tencent/errors.js";
import { tencentEndpoints } from "../../schemas/tencent/index.js";
import { TC3_ALGORITHM } from "../../schemas/tencent/signing.js";
import type { EngineContext } from "../engine-context.js";
import { piecesReply, textReply, type MockReply } from "../core/reply.js";
import type { Outcome, RenderMeta, Resolved, Routed, VendorError, VendorProtocol } from "../core/vendor.js";
import { verifyTc3 } from "./authenticate.js";
import { parseDescribeRoomStatistics, tenantOf } from "./parse-request.js";
import { tencentRequestId } from "./request-id.js";
import { responseBytes } from "./statistics.js";

const catalog: Readonly<Record<string, { message: string; httpStatus: number }>> = tencentErrors;

const endpointsByAction = new Map<string, EndpointDefinition>(tencentEndpoints.map((endpoint) => [endpoint.action, endpoint]));

// fastify adds the charset to JSON text anyway; sending it from the engine keeps MSW and HTTP headers identical.
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

/** DescribeRoomStatistics: the room's lifecycle decides between statistics and the documented errors. */
function describeRoomStatistics(input: DescribeRoomStatisticsRequest, ctx: EngineContext): Resolved {
  const found = ctx.rooms.statistics(input.RoomId, input.Page, input.Limit);
  switch (found.kind) {
    case "ok":
      return { result: found.result };
    case "not-found":
      return { error: { code: "ResourceNotFound.Room" } };
    case "not-ended":
      return { error: { code: "FailedOperation.RoomNotEnd" } };
    case "computing":
      return { error: { code: "ResourceUnavailable.RoomStatistics" } };
  }
}

/**
 * Tencent Cloud API 3.0 for LCIC: requests carry `X-TC-Action`/`X-TC-Version` headers and a
 * TC3-HMAC-SHA256 Authorization; every answer is HTTP 200 with `{"Response":{…,"RequestId"}}`, errors
 * as `Response.Error`. https://www.tencentcloud.com/document/api/1168/52791
 */
export const tencentProtocol: VendorProtocol = {
  vendor: "tencent",
  hosts: [LCIC_HOST],
  errors: tencentErrors,

  claims(request) {
    return request.headers["x-tc-action"] !== undefined || (request.headers.authorization ?? "").startsWith(TC3_ALGORITHM);
  },

  route(request): Routed {
    const action = request.headers["x-tc-action"]?.trim();
    if (request.method !== "GET" && request.method !== "POST") {
      return { error: { code: "UnsupportedProtocol", args: [request.method] }, ...(action ? { action } : {}) };
    }
    if (!action) return { error: { code: "MissingParameter", args: ["Action"] } };
    const endpoint = endpointsByAction.get(action);
    if (endpoint === undefined) return { error: { code: "InvalidAction", args: [action] }, action };
    const version = request.headers["x-tc-version"]?.trim();
    if (!version) return { error: { code: "MissingParameter", args: ["Version"] }, action };
    if (version !== endpoint.version) return { error: { code: "NoSuchVersion", args: [version, action] }, action };
    return { endpoint };
  },

  authenticate(request, _endpoint, ctx) {
    return verifyTc3(request, ctx.options.auth.credentials.tencent, ctx.clock.now(), ctx.options.hashing);
  },

  parse(request, endpoint) {
    if (endpoint.action !== DESCRIBE_ROOM_STATISTICS) throw new Error(`tencent: no parser for ${endpoint.action}`);
    const parsed = parseDescribeRoomStatistics(request);
    return "error" in parsed ? parsed : { input: parsed.input, tenant: tenantOf(request) };
  },

  resolve(endpoint, input, _tenant, ctx) {
    if (endpoint.action !== DESCRIBE_ROOM_STATISTICS) throw new Error(`tencent: no resolver for ${endpoint.action}`);
    return describeRoomStatistics(input as DescribeRoomStatisticsRequest, ctx);
  },

  render(outcome: Outcome, meta: RenderMeta, ctx): MockReply {
    const requestId = tencentRequestId(ctx.world, meta.requestSeq);
    if ("result" in outcome) return piecesReply(200, { ...JSON_HEADERS }, responseBytes(outcome.result, requestId));
    const entry = catalog[outcome.error.code];
    // A fault may name a code outside the catalog; it is sent as given, with the code as message.
    const message = outcome.error.message ?? (entry ? formatErrorMessage(entry.message, outcome.error.args) : outcome.error.code);
    return textReply(
      entry?.httpStatus ?? 200,
      { ...JSON_HEADERS },
      JSON.stringify({ Response: { Error: { Code: outcome.error.code, Message: message }, RequestId: requestId } }),
    );
  },

  throttled(rule): VendorError {
    // The limiter does not report the refused count; the first refused request is limit + 1.
    return { code: "RequestLimitExceeded", args: [String(rule.limit + 1), String(rule.limit)] };
  },

  capacityExceeded(): VendorError {
    return { code: "LimitExceeded" };
  },

  transportError(problem): VendorError {
    return problem === "body-too-large"
      ? { code: "RequestSizeLimitExceeded" }
      : { code: "InvalidParameter", message: "The request could not be read: malformed HTTP request." };
  },
};
