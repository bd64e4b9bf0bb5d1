import { z } from "zod";
import { Rfc3339Time } from "./rfc3339.js";

/**
 * The body fields every Volcengine series query shares: the app, the window (RFC 3339 with offset,
 * the bucket starting at EndTime included) and the indicators asked for; each action adds its own.
 * https://volcengine.com/docs/6348/1219551 · https://volcengine.com/docs/6348/1219547 · https://volcengine.com/docs/6348/124668
 */
export function seriesQueryFields(indicator: { description: string; examples: string[] }, appIdExample: string) {
  return {
    AppId: z.string().meta({ description: "RTC application id", examples: [appIdExample] }),
    StartTime: Rfc3339Time.meta({ description: "Query start, RFC3339 with offset" }),
    EndTime: Rfc3339Time.meta({ description: "Query end, RFC3339 with offset; the bucket starting at EndTime is included" }),
    Indicator: z
      .array(z.string())
      .min(1)
      .meta({ description: indicator.description, examples: [indicator.examples] }),
  };
}
