import type { EndpointDefinition } from "../schemas/common/endpoint.js";
import type { EndpointId } from "../schemas/registry.js";
import tencentStatistics from "../schemas/tencent/fixtures/describe-room-statistics.response.json" with { type: "json" };
import volcengineOperationData from "../schemas/volcengine/fixtures/list-operation-data.response.json" with { type: "json" };
import volcengineRealTimeOperationData from "../schemas/volcengine/fixtures/list-real-time-operation-data.response.json" with { type: "json" };
import volcengineRealTimeQuality from "../schemas/volcengine/fixtures/list-real-time-quality.response.json" with { type: "json" };
import volcengineSignatureError from "../schemas/volcengine/fixtures/error.signature-does-not-match.json" with { type: "json" };
import { getRealtimeUsageResponseExampleText } from "../schemas/zego/fixtures/get-realtime-usage-examples.js";

/**
 * The same doc example for the action's other generation: each Volcengine page shows one version
 * only, and the generations share the Result shape (schemas/volcengine/*.ts), so only the echoed
 * `ResponseMetadata.Version` is changed (assumed: the vendor publishes no example of the other).
 */
function atVersion(example: { ResponseMetadata: object }, version: string): unknown {
  return { ...example, ResponseMetadata: { ...example.ResponseMetadata, Version: version } };
}

/**
 * Every endpoint's success reply as its vendor's own document shows it, for the docs page's
 * "Example Value" (instead of the `"string"` / `additionalProp1` Swagger UI derives from a schema).
 * The Volcengine bodies whose published text is not JSON are the repaired copies (schemas/volcengine/
 * fixtures/README.md); ZEGO's bare 19-digit RequestId becomes the nearest double when parsed.
 */
export const replyExamples: { [Id in EndpointId]: unknown } = {
  // https://volcengine.com/docs/6348/1219551
  "volcengine.ListRealTimeOperationData": volcengineRealTimeOperationData,
  "volcengine.ListRealTimeOperationData@2020-12-01": atVersion(volcengineRealTimeOperationData, "2020-12-01"),
  // https://volcengine.com/docs/6348/1219547
  "volcengine.ListOperationData": volcengineOperationData,
  "volcengine.ListOperationData@2020-12-01": atVersion(volcengineOperationData, "2020-12-01"),
  // https://volcengine.com/docs/6348/124668
  "volcengine.ListRealTimeQuality": volcengineRealTimeQuality,
  "volcengine.ListRealTimeQuality@2023-11-01": atVersion(volcengineRealTimeQuality, "2023-11-01"),
  // https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage
  "zego.GetRealtimeUsage": JSON.parse(getRealtimeUsageResponseExampleText) as unknown,
  // https://www.tencentcloud.com/document/api/1168/52791
  "tencent.DescribeRoomStatistics": tencentStatistics,
};

/**
 * An endpoint's error reply as its vendor's documentation shows one, for the docs page's error
 * response. Only Volcengine publishes a whole error envelope (https://volcengine.com/docs/6348/1178322,
 * schemas/volcengine/fixtures/README.md); it echoes the operation's Action and Version here (assumed:
 * the page's example is one action's). ZEGO and Tencent describe their error envelope in prose only,
 * so theirs keeps the sample Swagger UI derives from the schema.
 */
export function errorReplyExample(endpoint: EndpointDefinition): unknown {
  if (endpoint.vendor !== "volcengine") return undefined;
  const metadata = { ...volcengineSignatureError.ResponseMetadata, Action: endpoint.action, Version: endpoint.version };
  return { ...volcengineSignatureError, ResponseMetadata: metadata };
}
