import { formatErrorMessage, type VendorErrorDefinition } from "../../schemas/common/errors.js";
import { volcengineErrors } from "../../schemas/volcengine/errors.js";
import type { EngineContext } from "../engine-context.js";
import { piecesReply, textReply, type MockReply } from "../core/reply.js";
import { utf8Pieces } from "../utf8-bytes.js";
import type { Outcome, RenderMeta, VendorError } from "../core/vendor.js";
import { volcengineRequestId } from "./request-id.js";
import { stringifyWire } from "./wire-json.js";
import { resultBytes } from "./result-cache.js";

const catalog: Readonly<Record<string, VendorErrorDefinition>> = volcengineErrors;
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;
/** Echoed Action/Version are capped so a huge query value is not reflected in full. */
const ECHO_LIMIT = 256;

/** The catalog message filled with the error's arguments; an unfilled `%s` reads as "-". */
function messageOf(definition: VendorErrorDefinition, error: VendorError): string {
  if (error.message !== undefined) return error.message;
  return formatErrorMessage(definition.message, error.args ?? []).replace(/%s/g, "-");
}

/**
 * Wraps an outcome in the Volcengine envelope (https://volcengine.com/docs/6348/1178322):
 * `{ResponseMetadata:{RequestId, Action, Version, Service, Region}, Result}` on success; on failure
 * `Error {CodeN?, Code, Message}` inside ResponseMetadata, no Result, and the catalog's HTTP status
 * (the throttle status from `volcengine.throttleStatus`).
 */
export function renderVolcengine(outcome: Outcome, meta: RenderMeta, ctx: EngineContext): MockReply {
  const ResponseMetadata: Record<string, unknown> = {
    RequestId: volcengineRequestId(ctx.world, ctx.clock.now(), meta.requestSeq),
    Action: (meta.action ?? "").slice(0, ECHO_LIMIT),
    Version: (meta.version ?? "").slice(0, ECHO_LIMIT),
    Service: "rtc",
    Region: ctx.options.volcengine.region,
  };
  if ("result" in outcome) {
    // A cached result carries its UTF-8 JSON: splicing it in gives the same bytes as JSON.stringify.
    const result = resultBytes(outcome.result);
    if (result === undefined) return textReply(200, { ...JSON_HEADERS }, stringifyWire({ ResponseMetadata, Result: outcome.result }));
    return piecesReply(
      200,
      { ...JSON_HEADERS },
      utf8Pieces(`{"ResponseMetadata":${JSON.stringify(ResponseMetadata)},"Result":`, [result], "}"),
    );
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
  const status = definition.code === "FlowLimitExceeded.QPSOverLimit" ? ctx.options.volcengine.throttleStatus : definition.httpStatus;
  return textReply(status, { ...JSON_HEADERS }, JSON.stringify({ ResponseMetadata }));
}
