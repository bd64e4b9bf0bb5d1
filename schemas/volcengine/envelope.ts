import { z } from "zod";

/** `ResponseMetadata.Error`: present only on failure; `CodeN` only from the gateway (https://volcengine.com/docs/6348/1178322). */
export const VolcengineResponseError = z
  .looseObject({
    Code: z.string().meta({ description: "Error code, e.g. InvalidParameter.OutofTimeRange or SignatureDoesNotMatch" }),
    CodeN: z.number().int().optional().meta({ description: "Numeric gateway code (e.g. 100010); RTC business errors may omit it" }),
    Message: z.string(),
  })
  .meta({ description: "Error detail, inside ResponseMetadata" });

const metadataFields = {
  RequestId: z.string().meta({ description: "Unique id of the request" }),
  Action: z.string(),
  Version: z.string(),
  Service: z.string().meta({ description: "Always rtc for these actions" }),
  Region: z.string().meta({ description: "cn-north-1, ap-singapore-1 or us-east-1" }),
};

/** `ResponseMetadata` of any reply, `Error` optional (https://volcengine.com/docs/6348/1178322). */
export const VolcengineResponseMetadata = z.looseObject({ ...metadataFields, Error: VolcengineResponseError.optional() });

/** `ResponseMetadata` of a successful reply of one action: Action and Version are echoed, no `Error`. */
export function successMetadata<const A extends string, const V extends string>(action: A, version: V) {
  return z.looseObject({ ...metadataFields, Action: z.literal(action), Version: z.literal(version), Error: z.never().optional() });
}

/** Success envelope `{ ResponseMetadata, Result }` of one action (https://volcengine.com/docs/6348/1178322). */
export function successEnvelope<const A extends string, const V extends string, R extends z.ZodType>(action: A, version: V, result: R) {
  return z.looseObject({ ResponseMetadata: successMetadata(action, version), Result: result });
}

/**
 * Error envelope: `Error` sits inside `ResponseMetadata`; `Result` is documented as success-only, but one
 * RTC example returns `"Result": {}` next to the error (https://www.volcengine.com/theme/5610620-C-7-1),
 * so it may be absent or an object.
 */
export const VolcengineErrorResponse = z
  .looseObject({
    ResponseMetadata: z.looseObject({ ...metadataFields, Error: VolcengineResponseError }),
    Result: z.looseObject({}).optional(),
  })
  .meta({ description: "Volcengine error reply (HTTP 4xx/5xx, and possibly 200)" });

/** Type of a Volcengine error reply. */
export type VolcengineErrorResponse = z.infer<typeof VolcengineErrorResponse>;
