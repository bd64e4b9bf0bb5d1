import { defineEndpoint } from "../common/endpoint.js";
import { VolcengineErrorResponse } from "./envelope.js";
import { listOperationDataLimits, listRealTimeOperationDataLimits, listRealTimeQualityLimits } from "./limits.js";
import { ListOperationDataRequest, ListOperationDataResponse, ListOperationDataResponse20201201 } from "./list-operation-data.js";
import {
  ListRealTimeOperationDataRequest,
  ListRealTimeOperationDataResponse,
  ListRealTimeOperationDataResponse20201201,
} from "./list-real-time-operation-data.js";
import { ListRealTimeQualityRequest, ListRealTimeQualityResponse, ListRealTimeQualityResponse20231101 } from "./list-real-time-quality.js";
import { volcengineSources } from "./sources.js";

/** Production host of the RTC OpenAPI. */
export const VOLCENGINE_RTC_HOST = "rtc.volcengineapi.com";

/** The three Volcengine RTC data endpoints: POST `https://rtc.volcengineapi.com/?Action=…&Version=…` with a JSON body. */
export const volcengineEndpoints = [
  defineEndpoint({
    id: "volcengine.ListRealTimeOperationData",
    vendor: "volcengine",
    action: "ListRealTimeOperationData",
    version: "2023-11-01",
    method: "POST",
    host: VOLCENGINE_RTC_HOST,
    actionCarrier: "query",
    docUrl: volcengineSources.listRealTimeOperationData,
    body: ListRealTimeOperationDataRequest,
    response: ListRealTimeOperationDataResponse,
    errorResponse: VolcengineErrorResponse,
    limits: listRealTimeOperationDataLimits,
  }),
  defineEndpoint({
    id: "volcengine.ListOperationData",
    vendor: "volcengine",
    action: "ListOperationData",
    version: "2023-11-01",
    method: "POST",
    host: VOLCENGINE_RTC_HOST,
    actionCarrier: "query",
    docUrl: volcengineSources.listOperationData,
    body: ListOperationDataRequest,
    response: ListOperationDataResponse,
    errorResponse: VolcengineErrorResponse,
    limits: listOperationDataLimits,
  }),
  defineEndpoint({
    id: "volcengine.ListRealTimeQuality",
    vendor: "volcengine",
    action: "ListRealTimeQuality",
    version: "2020-12-01",
    method: "POST",
    host: VOLCENGINE_RTC_HOST,
    actionCarrier: "query",
    docUrl: volcengineSources.listRealTimeQuality,
    body: ListRealTimeQualityRequest,
    response: ListRealTimeQualityResponse,
    errorResponse: VolcengineErrorResponse,
    limits: listRealTimeQualityLimits,
  }),
  // The other API generation of each action: the Go SDK's v20201201 and v20231101 packages send all
  // three at their own version, and 6348/1219548 recommends ListRealTimeQuality at 2023-11-01. The
  // request and reply shapes are the same (../shared/vendor-notes/clients.md §2.1), so they share the schemas.
  defineEndpoint({
    id: "volcengine.ListRealTimeOperationData@2020-12-01",
    vendor: "volcengine",
    action: "ListRealTimeOperationData",
    version: "2020-12-01",
    method: "POST",
    host: VOLCENGINE_RTC_HOST,
    actionCarrier: "query",
    docUrl: volcengineSources.listRealTimeOperationData20201201,
    body: ListRealTimeOperationDataRequest,
    response: ListRealTimeOperationDataResponse20201201,
    errorResponse: VolcengineErrorResponse,
    limits: listRealTimeOperationDataLimits,
  }),
  defineEndpoint({
    id: "volcengine.ListOperationData@2020-12-01",
    vendor: "volcengine",
    action: "ListOperationData",
    version: "2020-12-01",
    method: "POST",
    host: VOLCENGINE_RTC_HOST,
    actionCarrier: "query",
    docUrl: volcengineSources.listOperationData20201201,
    body: ListOperationDataRequest,
    response: ListOperationDataResponse20201201,
    errorResponse: VolcengineErrorResponse,
    limits: listOperationDataLimits,
  }),
  defineEndpoint({
    id: "volcengine.ListRealTimeQuality@2023-11-01",
    vendor: "volcengine",
    action: "ListRealTimeQuality",
    version: "2023-11-01",
    method: "POST",
    host: VOLCENGINE_RTC_HOST,
    actionCarrier: "query",
    docUrl: volcengineSources.listRealTimeQuality20231101,
    body: ListRealTimeQualityRequest,
    response: ListRealTimeQualityResponse20231101,
    errorResponse: VolcengineErrorResponse,
    limits: listRealTimeQualityLimits,
  }),
] as const;

export * from "./envelope.js";
export * from "./errors.js";
export * from "./indicator-series.js";
export * from "./indicators.js";
export * from "./limits.js";
export * from "./list-operation-data.js";
export * from "./list-real-time-operation-data.js";
export * from "./list-real-time-quality.js";
export * from "./rfc3339.js";
export * from "./signing.js";
export * from "./sources.js";
