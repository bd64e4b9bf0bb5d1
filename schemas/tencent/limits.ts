import type { EndpointLimits, RateLimitRule } from "../common/limits.js";
import { assumed, documented, type SourcedValue } from "../common/sourced.js";
import { tencentSources as src } from "./sources.js";

/**
 * "A maximum of 20 requests can be initiated per second for this API." The page does not say what
 * shares the budget (account, key or IP); the fake counts per SecretId (assumed).
 * https://www.tencentcloud.com/document/api/1168/52791
 */
export const describeRoomStatisticsRate: RateLimitRule = {
  limit: 20,
  windowMs: 1_000,
  scope: "credential",
  fidelity: "documented",
  source: `${src.describeRoomStatistics}; ${src.describeRoomStatisticsZh}`,
  note: "20/s is documented; counting it per SecretId in fixed one-second windows is assumed (the scope is not documented)",
};

/** `Limit`: "Number of data entries to return per page. Maximum value: 1000". https://www.tencentcloud.com/document/api/1168/52791 */
export const describeRoomStatisticsMaxPageSize = documented(1_000, src.describeRoomStatistics);

/** `Page`: "Current page in pagination, which starts from 1". https://www.tencentcloud.com/document/api/1168/52791 */
export const describeRoomStatisticsFirstPage = documented(1, src.describeRoomStatistics);

/** Smallest accepted `Limit` (assumed: the docs give only the maximum; 0 items per page is meaningless). */
export const describeRoomStatisticsMinPageSize: SourcedValue<number> = assumed(
  1,
  "only the maximum (1000) is documented; a page of 0 entries is treated as an invalid value",
);

/** Allowed skew between X-TC-Timestamp and server time: more than 5 minutes → AuthFailure.SignatureExpire. */
export const tencentSignatureWindowSec = documented(300, `${src.commonParams}; ${src.signatureV3}`);

/** Largest GET request (query) Tencent accepts: 32 KB. https://cloud.tencent.com/document/product/1278/46710 */
export const tencentMaxGetBytes = documented(32 * 1024, src.requestStructure);

/** Largest TC3-signed POST body Tencent accepts: 10 MB. https://cloud.tencent.com/document/product/1278/46710 */
export const tencentMaxPostBytes = documented(10 * 1024 * 1024, src.requestStructure);

/** Limits of DescribeRoomStatistics. https://www.tencentcloud.com/document/api/1168/52791 */
export const describeRoomStatisticsLimits: EndpointLimits = {
  rate: [describeRoomStatisticsRate],
  maxPageSize: describeRoomStatisticsMaxPageSize,
};
