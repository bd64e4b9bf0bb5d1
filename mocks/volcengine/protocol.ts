import type { EndpointDefinition } from "../../schemas/common/endpoint.js";
import { volcengineErrors } from "../../schemas/volcengine/errors.js";
import { VOLCENGINE_RTC_HOST, volcengineEndpoints } from "../../schemas/volcengine/index.js";
import type {
  listOperationDataLimits,
  listRealTimeOperationDataLimits,
  listRealTimeQualityLimits,
} from "../../schemas/volcengine/limits.js";
import type { EngineContext } from "../engine-context.js";
import { createParseCache, type ParseCache } from "../parse-cache.js";
import { bodyText } from "../core/reply.js";
import type { Parsed, Resolved, VendorProtocol } from "../core/vendor.js";
import { authenticateVolcengine } from "./authenticate.js";
import { parseListOperationData, resolveListOperationData, type ListOperationDataInput } from "./list-operation-data.js";
import {
  parseListRealTimeOperationData,
  resolveListRealTimeOperationData,
  type ListRealTimeOperationDataInput,
} from "./list-real-time-operation-data.js";
import { parseListRealTimeQuality, resolveListRealTimeQuality, type ListRealTimeQualityInput } from "./list-real-time-quality.js";
import { parseJsonBody } from "./parse-body.js";
import { renderVolcengine } from "./render.js";

const [realtimeOperation, offlineOperation, realtimeQuality] = volcengineEndpoints;
const byActionAndVersion = new Map<string, EndpointDefinition>(
  volcengineEndpoints.map((endpoint) => [`${endpoint.action}\n${endpoint.version}`, endpoint]),
);

/**
 * Successful parses, keyed by (endpoint, rejectUnknownFields, body text): the parse reads the body
 * text, the endpoint's schema and catalogs and that one option, nothing else (no clock, no state),
 * so the same key always gives the same input. Shared by every engine; cached inputs are never
 * mutated (resolvers only read them). Bounded (see parse-cache.ts).
 */
const bodyParses: ParseCache<Parsed> = createParseCache();

const isParsed = (parsed: Parsed): boolean => "input" in parsed;

/** Size of the body parse cache, for tests of its bounds. */
export function volcengineParseCacheSize(): { entries: number; keyChars: number } {
  return { entries: bodyParses.size, keyChars: bodyParses.weight };
}

/** Parses a body's text for one of the three actions. */
function parseBody(text: string, endpoint: EndpointDefinition, ctx: EngineContext): Parsed {
  const body = parseJsonBody(text);
  if ("error" in body) return body;
  switch (endpoint) {
    case realtimeOperation:
      return parseListRealTimeOperationData(body.json, ctx);
    case offlineOperation:
      return parseListOperationData(body.json, ctx);
    case realtimeQuality:
      return parseListRealTimeQuality(body.json, ctx);
    default:
      throw new Error(`volcengine: no parser for ${endpoint.id}`);
  }
}

/**
 * Volcengine RTC on the shared engine: `?Action=&Version=` routing, the gateway's and RTC's error
 * codes in `ResponseMetadata.Error`, HMAC-SHA256 verification in verify mode, JSON bodies checked
 * against the registry schemas, and the seeded RTC world. It also answers every request no other
 * vendor claims (MissingParameter for Action).
 */
export const volcengineProtocol: VendorProtocol = {
  vendor: "volcengine",
  hosts: [VOLCENGINE_RTC_HOST],
  errors: volcengineErrors,

  claims(request) {
    return request.url.searchParams.has("Action");
  },

  route(request) {
    const params = request.url.searchParams;
    const action = params.get("Action");
    if (action === null || action === "") return { error: { code: "MissingParameter", args: ["Action"] } };
    const version = params.get("Version");
    if (version === null || version === "") return { error: { code: "MissingParameter", args: ["Version"] }, action };
    const endpoint = byActionAndVersion.get(`${action}\n${version}`);
    const echo = (text: string) => text.slice(0, 128);
    if (endpoint === undefined) return { error: { code: "InvalidActionOrVersion", args: [echo(action), echo(version)] }, action };
    // Operations are registered per method (assumed): a GET on these POST actions is not found.
    if (request.method !== endpoint.method)
      return { error: { code: "InvalidActionOrVersion", args: [echo(action), echo(version)] }, action };
    return { endpoint };
  },

  authenticate(request, _endpoint, ctx) {
    return authenticateVolcengine(request, ctx);
  },

  parse(request, endpoint, ctx): Parsed {
    const text = request.rawBody.length === 0 ? "" : bodyText(request);
    const rejectUnknown = ctx.options.volcengine.rejectUnknownFields;
    return bodyParses.through(`${endpoint.id}\n${rejectUnknown ? 1 : 0}\n${text}`, () => parseBody(text, endpoint, ctx), isParsed);
  },

  resolve(endpoint, input, _tenant, ctx): Resolved {
    switch (endpoint) {
      case realtimeOperation:
        return resolveListRealTimeOperationData(
          input as ListRealTimeOperationDataInput,
          endpoint.limits as typeof listRealTimeOperationDataLimits,
          ctx,
        );
      case offlineOperation:
        return resolveListOperationData(input as ListOperationDataInput, endpoint.limits as typeof listOperationDataLimits, ctx);
      case realtimeQuality:
        return resolveListRealTimeQuality(input as ListRealTimeQualityInput, endpoint.limits as typeof listRealTimeQualityLimits, ctx);
      default:
        throw new Error(`volcengine: no resolver for ${endpoint.id}`);
    }
  },

  render: renderVolcengine,

  throttled() {
    return { code: "FlowLimitExceeded.QPSOverLimit" };
  },

  capacityExceeded() {
    return { code: "FlowLimitExceeded" };
  },

  transportError(problem) {
    return problem === "body-too-large"
      ? { code: "InvalidParameter", args: ["the request body is larger than the server accepts"] }
      : { code: "InvalidParameter.Unmarshal", args: ["the request could not be read"] };
  },
};
