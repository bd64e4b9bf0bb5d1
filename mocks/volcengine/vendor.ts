import { formatErrorMessage, type VendorErrorDefinition } from "../../schemas/common/errors.js";
import { volcengineErrors } from "../../schemas/volcengine/errors.js";
import { VOLCENGINE_RTC_HOST, volcengineEndpoints } from "../../schemas/volcengine/index.js";
import type { EndpointId } from "../../schemas/registry.js";
import { parseAuthorization } from "../../schemas/volcengine/signing.js";
import { spliceBytes, textReply, type MockRequest } from "../core/reply.js";
import type { VendorDefinition, VendorError } from "../core/vendor.js";
import { authenticateVolcengine } from "./authenticate.js";
import { createVolcengineBackend, type VolcengineBackend } from "./backend.js";
import { volcengineRequestId } from "./request-id.js";

const catalog: Readonly<Record<string, VendorErrorDefinition>> = volcengineErrors;
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;
/** Echoed Action/Version are capped so a huge query value is not reflected in full. */
const ECHO_LIMIT = 256;
const byActionAndVersion = new Map<string, { id: EndpointId; method: string }>(
  volcengineEndpoints.map((endpoint) => [`${endpoint.action}\n${endpoint.version}`, endpoint]),
);

/** A region name as the SDKs send it (cn-north-1, ap-singapore-1 …); anything else is not echoed. */
const REGION = /^[a-z]{2,}(-[a-z0-9]+){1,3}$/;

/**
 * The region of the request's Credential scope (`AK/date/region/service/request`), which the
 * gateway answers in (assumed: the SDKs sign for the region of their endpoint); null when unsigned.
 */
function signedRegionOf(request: MockRequest): string | null {
  const credential = parseAuthorization(request.headers.authorization ?? "").credential;
  const region = credential?.split("/")[2];
  return region !== undefined && REGION.test(region) ? region : null;
}

/** The catalog message filled with the error's arguments; an unfilled `%s` reads as "-". */
function messageOf(definition: VendorErrorDefinition, error: VendorError): string {
  if (error.message !== undefined) return error.message;
  return formatErrorMessage(definition.message, error.args ?? []).replace(/%s/g, "-");
}

/**
 * Volcengine RTC: `?Action=&Version=` routing from the registry, the gateway's and RTC's error codes
 * in `ResponseMetadata.Error`, HMAC-SHA256 verification in verify mode, and the envelope
 * (https://volcengine.com/docs/6348/1178322). It also answers every request no other vendor claims
 * (MissingParameter for Action).
 */
export const volcengineVendor: VendorDefinition<VolcengineBackend> & { vendor: "volcengine" } = {
  vendor: "volcengine",
  hosts: [VOLCENGINE_RTC_HOST],
  // The SDKs' default gateway and its regional hosts: @volcengine/openapi and the Python and Java SDKs
  // default to open.volcengineapi.com, the Go SDK's ap-singapore-1 uses open-ap-singapore-1 (clients.md §2.1).
  hostPatterns: [/^open(-[a-z0-9-]+)?\.volcengineapi\.com$/],
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
    // Operations are registered per method (assumed): a GET on these POST actions is not found.
    if (endpoint === undefined || request.method !== endpoint.method) {
      return { error: { code: "InvalidActionOrVersion", args: [echo(action), echo(version)] }, action };
    }
    return { id: endpoint.id };
  },

  authenticate: (request, _endpoint, ctx) => authenticateVolcengine(request, ctx),

  /**
   * `{ResponseMetadata:{RequestId, Action, Version, Service, Region}, Result}` on success; on failure
   * `Error {CodeN?, Code, Message}` inside ResponseMetadata, no Result, and the catalog's HTTP status
   * (the throttle status from `volcengine.throttleStatus`).
   */
  envelope(outcome, meta, ctx) {
    const ResponseMetadata: Record<string, unknown> = {
      RequestId: volcengineRequestId(ctx.world, ctx.clock.now(), meta.requestSeq),
      Action: (meta.action ?? "").slice(0, ECHO_LIMIT),
      Version: (meta.request.url.searchParams.get("Version") ?? "").slice(0, ECHO_LIMIT),
      Service: "rtc",
      Region: signedRegionOf(meta.request) ?? ctx.options.volcengine.region,
    };
    if ("result" in outcome) {
      return {
        status: 200,
        headers: { ...JSON_HEADERS },
        body: spliceBytes(`{"ResponseMetadata":${JSON.stringify(ResponseMetadata)},"Result":`, outcome.result, "}"),
      };
    }
    const definition = catalog[outcome.error.code];
    if (definition === undefined) {
      // A fault rule may name a code outside the catalog: answer it as an internal error that says so.
      const internal = volcengineErrors.InternalError;
      ResponseMetadata["Error"] = {
        CodeN: internal.codeN,
        Code: internal.code,
        Message: `Fault code ${JSON.stringify(outcome.error.code.slice(0, 64))} is not in the Volcengine catalog.`,
      };
      return textReply(internal.httpStatus, { ...JSON_HEADERS }, JSON.stringify({ ResponseMetadata }));
    }
    ResponseMetadata["Error"] =
      definition.codeN === undefined
        ? { Code: definition.code, Message: messageOf(definition, outcome.error) }
        : { CodeN: definition.codeN, Code: definition.code, Message: messageOf(definition, outcome.error) };
    const status =
      definition.code === "FlowLimitExceeded.QPSOverLimit"
        ? ctx.options.volcengine.throttleStatus
        : definition.code === "InvalidTimestamp"
          ? ctx.options.volcengine.invalidTimestampStatus
          : definition.httpStatus;
    return textReply(status, { ...JSON_HEADERS }, JSON.stringify({ ResponseMetadata }));
  },

  throttled: () => ({ code: "FlowLimitExceeded.QPSOverLimit" }),
  capacityExceeded: () => ({ code: "FlowLimitExceeded" }),
  transportError: (problem) =>
    problem === "body-too-large"
      ? { code: "InvalidParameter", args: ["the request body is larger than the server accepts"] }
      : { code: "InvalidParameter.Unmarshal", args: ["the request could not be read"] },
  internalError: (message) => ({ code: "InternalError", message }),
  createBackend: createVolcengineBackend,
};
