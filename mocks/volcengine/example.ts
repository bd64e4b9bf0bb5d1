import type { ExampleRequest } from "../core/behaviour.js";
import { formatRfc3339 } from "./rfc3339-time.js";

/** A Volcengine data request as the SDKs send it: POST `/?Action=&Version=` with a JSON body. */
export function volcengineExample(action: string, version: string, body: Record<string, unknown>): ExampleRequest {
  return {
    method: "POST",
    path: `/?Action=${action}&Version=${version}`,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  };
}

/** RFC 3339 in +08:00, the offset of every Volcengine doc example; whole seconds. */
export function beijingTime(ms: number): string {
  return formatRfc3339(Math.floor(ms / 1000) * 1000, 480, "+08:00");
}

/** The AppId of the doc examples. */
export const EXAMPLE_APP_ID = "661e****543cf";
