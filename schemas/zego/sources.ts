/**
 * The ZEGO documents the contract was read from. Every documented rule in schemas/zego and
 * mocks/zego cites one of these.
 */
export const zegoSources = {
  /** GetRealtimeUsage page (current English copy: minute granularity, 2-point example). */
  getRealtimeUsage: "https://www.zegocloud.com/docs/analytics-dashboard-server/real-time-monitoring/get-real-time-usage",
  /** Older Chinese copy of the same page (the project seed): "返回数据粒度为秒". */
  getRealtimeUsageOld:
    "https://github.com/spreadingai/spreading-site-template-new/blob/main/public/analytics-dashboard-server/real-time-monitoring/get-real-time-usage.md",
  /** Common request parameters, envelope, GET/POST rules. */
  accessServerApis: "https://www.zegocloud.com/docs/analytics-dashboard-server/access-server-apis",
  /** Signature algorithm and the official test vector (shared snippet of the access page). */
  signing: "https://github.com/ZEGOCLOUD/docs_all/blob/main/snippets/Reuse/SigningTheRequestEN.mdx",
  /** Analytics return codes 0, 500, 10001, 10002, 30002. */
  returnCodes: "https://www.zegocloud.com/docs/analytics-dashboard-server/return-codes",
  /** Gateway common return codes 100000000–100000017 ("same meaning across all ZEGO products"). */
  gatewayReturnCodes: "https://www.zegocloud.com/docs/live-streaming-server/api-reference/return-codes",
  /** The ASR copy of the common codes, the one that lists 100000012 (failed to read HTTP body). */
  gatewayReturnCodesAsr:
    "https://github.com/ZEGOCLOUD/docs_all/blob/main/extended_services/cloud-realtime-asr/en/server/api-reference/return-codes.mdx",
  /** OpenAPI yaml of the page (declares only a 200 response; Code enumerates the errors). */
  openApiYaml:
    "https://github.com/ZEGOCLOUD/docs_all/blob/main/extended_services/analytics_dashboard/zh/server/real-time-monitoring/get-real-time-usage.yaml",
  /** Overview page listing the analytics APIs and their limits ("granularity is seconds"). */
  overview: "https://www.zegocloud.com/docs/analytics-dashboard-server/overview",
} as const;
