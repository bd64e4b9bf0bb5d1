import { defineEndpoint } from "../common/endpoint.js";
import { VolcengineErrorResponse } from "./envelope.js";
import { listOperationDataLimits, listRealTimeOperationDataLimits, listRealTimeQualityLimits } from "./limits.js";
import { ListOperationDataRequest, ListOperationDataResponse } from "./list-operation-data.js";
import { ListRealTimeOperationDataRequest, ListRealTimeOperationDataResponse } from "./list-real-time-operation-data.js";
import { ListRealTimeQualityRequest, ListRealTimeQualityResponse } from "./list-real-time-quality.js";
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
