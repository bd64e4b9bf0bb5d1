import type { z } from "zod";
import type { EndpointLimits } from "./limits.js";

/** The three vendors the kit speaks. */
export type Vendor = "volcengine" | "zego" | "tencent";

/**
 * One vendor endpoint, declared once. Routes, MSW handlers, OpenAPI documents, contract cases and
 * docs iterate the registry of these; adding an endpoint means adding one of these and a behaviour
 * (mocks/behaviours.ts; the recipe is in CONTRIBUTING.md).
 */
export interface EndpointDefinition<
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
  ErrorResponse extends z.ZodType = z.ZodType,
> {
  /** `vendor.Action`, unique across the registry. */
  id: `${Vendor}.${string}`;
  vendor: Vendor;
  action: string;
  /** API version the action is served at; ZEGO has none. */
  version: string | null;
  method: "GET" | "POST";
  /** Production host, e.g. `rtc.volcengineapi.com`. */
  host: string;
  /** Where the action (and version) are carried: `?Action=&Version=` or `X-TC-Action`/`X-TC-Version`. */
  actionCarrier: "query" | "header";
  /** Vendor documentation page of this action. */
  docUrl: string;
  /** Query parameters the action reads (for ZEGO also the common signing ones, which travel in the query). */
  query?: Query;
  /** JSON body. */
  body?: Body;
  /** Success reply, whole envelope. */
  response: Response;
  /** Error reply, whole envelope. */
  errorResponse: ErrorResponse;
  limits: EndpointLimits;
}

/** Keeps the id, version, limits and schema types of an endpoint literal while checking it against the common shape. */
export function defineEndpoint<
  const Id extends `${Vendor}.${string}`,
  const Version extends string | null,
  Limits extends EndpointLimits,
  Query extends z.ZodType,
  Body extends z.ZodType,
  Response extends z.ZodType,
  ErrorResponse extends z.ZodType,
>(definition: EndpointDefinition<Query, Body, Response, ErrorResponse> & { id: Id; version: Version; limits: Limits }) {
  return definition;
}
