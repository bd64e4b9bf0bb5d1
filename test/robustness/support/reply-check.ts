import type { MockEngine } from "../../../mocks/core/engine.js";
import { replyText, type MockReply, type MockRequest } from "../../../mocks/core/reply.js";
import type { Vendor } from "../../../schemas/common/endpoint.js";
import { endpointById, endpoints } from "../../../schemas/registry.js";

/** What a reply turned out to be. */
export type ReplyKind = { kind: "success"; endpointId: string } | { kind: "error"; vendor: Vendor; code: string };

/** The vendor error code a parsed reply body carries, `null` for a success envelope, `undefined` if it is neither. */
function errorCodeOf(vendor: Vendor, body: unknown): string | null | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  switch (vendor) {
    case "volcengine": {
      const meta = record.ResponseMetadata as Record<string, unknown> | undefined;
      if (typeof meta !== "object" || meta === null) return undefined;
      const error = meta.Error as Record<string, unknown> | undefined;
      if (error === undefined) return "Result" in record ? null : undefined;
      return typeof error?.Code === "string" ? error.Code : undefined;
    }
    case "zego":
      if (typeof record.Code !== "number") return undefined;
      return record.Code === 0 ? null : String(record.Code);
    case "tencent": {
      const response = record.Response as Record<string, unknown> | undefined;
      if (typeof response !== "object" || response === null) return undefined;
      const error = response.Error as Record<string, unknown> | undefined;
      if (error === undefined) return null;
      return typeof error?.Code === "string" ? error.Code : undefined;
    }
  }
}

/**
 * Checks the robustness contract for one reply: a vendor envelope with a code from that vendor's
 * catalog (with the catalog's HTTP status), or a success that parses with the registry's response
 * schema; never a 5xx or a dropped connection unless `faulted` (a fault rule shaped the reply).
 * Throws an Error describing the violation; returns what the reply was.
 */
export function checkReply(engine: MockEngine, request: MockRequest, reply: MockReply, faulted = false): ReplyKind | { kind: "fault" } {
  const text = replyText(reply);
  const describe = () => `${request.method} ${request.url.href} → ${reply.status} ${text.slice(0, 400)}`;
  if (faulted) return { kind: "fault" };
  if (reply.drop) throw new Error(`connection dropped without a fault: ${describe()}`);
  if (reply.status >= 500) throw new Error(`5xx without a fault: ${describe()}`);
  const protocol = engine.vendorOf(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`reply is not JSON: ${describe()}`);
  }
  const code = errorCodeOf(protocol.vendor, body);
  if (code === undefined) throw new Error(`reply is not a ${protocol.vendor} envelope: ${describe()}`);
  const routed = protocol.route(request, { clock: engine.clock, world: engine.world, options: engine.options });
  const endpoint = "id" in routed ? endpointById(routed.id) : undefined;
  if (code === null) {
    if (endpoint === undefined) throw new Error(`success for a request that does not route: ${describe()}`);
    if (reply.status !== 200) throw new Error(`success with HTTP ${reply.status}: ${describe()}`);
    const parsed = endpoint.response.safeParse(body);
    if (!parsed.success)
      throw new Error(`success does not match ${endpoint.id}'s response schema: ${parsed.error.message.slice(0, 600)}; ${describe()}`);
    return { kind: "success", endpointId: endpoint.id };
  }
  const definition = protocol.errors[code];
  if (definition === undefined) throw new Error(`code ${code} is not in the ${protocol.vendor} catalog: ${describe()}`);
  const allowedStatus = new Set([definition.httpStatus]);
  // Volcengine's throttle status is a switch (options.volcengine.throttleStatus).
  const rule = endpoint?.limits.rate[0];
  if (protocol.vendor === "volcengine" && rule !== undefined && protocol.throttled(rule, 1_000).code === code) {
    allowedStatus.add(engine.options.volcengine.throttleStatus);
  }
  if (!allowedStatus.has(reply.status))
    throw new Error(`code ${code} came with HTTP ${reply.status}, the catalog says ${definition.httpStatus}: ${describe()}`);
  const errorSchema = (endpoint ?? endpoints.find((e) => e.vendor === protocol.vendor))?.errorResponse;
  const parsed = errorSchema?.safeParse(body);
  if (parsed && !parsed.success)
    throw new Error(`error does not match the ${protocol.vendor} error envelope: ${parsed.error.message.slice(0, 600)}; ${describe()}`);
  return { kind: "error", vendor: protocol.vendor, code };
}
