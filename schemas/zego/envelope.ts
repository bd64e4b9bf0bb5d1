import { z } from "zod";

/**
 * `RequestId` of every ZEGO reply. The table types it String (and the OpenAPI yaml's example is the
 * string "1660645050860325000"), but the markdown examples show a bare 19-digit JSON number, which
 * JSON.parse cannot hold exactly. Tolerance: a contract check accepts either; the fake server
 * always emits a string so nothing is lost. Treat it as opaque text.
 * https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis
 */
export const ZegoRequestId = z
  .union([z.string(), z.number()])
  .meta({ description: "Request ID. Typed String; the doc examples show a bare 19-digit number. Compare as text." });

/** Return code: 0 is success, anything else is an error from the analytics or gateway catalog. */
export const ZegoCode = z.number().int().meta({ description: "Return code; 0 means success." });

/**
 * The ZEGO analytics envelope `{Code, Message, RequestId, Data}`, returned on every call, success or not.
 * `Data` is typed "Array" in the GetRealtimeUsage table but is an object (`{ Metrics: [...] }`) in
 * every example and in the OpenAPI yaml; the schema follows the examples (object).
 * https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis
 */
export function zegoSuccessEnvelope<Data extends z.ZodType>(data: Data) {
  return z.object({
    Code: z.literal(0).meta({ description: "0: success." }),
    Message: z.string().meta({ description: 'Operation result description ("success" in the examples).' }),
    RequestId: ZegoRequestId,
    Data: data,
  });
}

/**
 * An error reply: non-zero `Code` with its `Message`. What `Data` holds on errors is not documented
 * (the access page only says the common fields come back "whether successful or not"), so any value
 * or none is accepted; the fake server sends an empty object.
 * https://www.zegocloud.com/docs/analytics-dashboard-server/return-codes
 */
export const ZegoErrorResponse = z.object({
  Code: z.number().int().min(1).meta({ description: "Non-zero return code (analytics 500/10001/10002/30002 or gateway 1000000xx)." }),
  Message: z.string(),
  RequestId: ZegoRequestId,
  Data: z.unknown().optional().meta({ description: "Not documented for errors; the fake server sends {}." }),
});

/** An error reply as parsed. */
export type ZegoErrorResponse = z.infer<typeof ZegoErrorResponse>;
