/**
 * Vendor pages and SDK files the Volcengine contract is read from (see shared/vendor-notes/volcengine.md).
 * Every rule in schemas/volcengine and mocks/volcengine cites one of these.
 */
export const volcengineSources = {
  /** ListRealTimeOperationData 2023-11-01. */
  listRealTimeOperationData: "https://volcengine.com/docs/6348/1219551",
  /** ListOperationData 2023-11-01. */
  listOperationData: "https://volcengine.com/docs/6348/1219547",
  /** ListRealTimeQuality 2020-12-01 (the seed's page). */
  listRealTimeQuality: "https://volcengine.com/docs/6348/124668",
  /** ListRealTimeOperationData 2020-12-01 (the older generation; same body and reply). */
  listRealTimeOperationData20201201: "https://volcengine.com/docs/6348/128971",
  /** ListOperationData 2020-12-01 (the older generation; same body and reply). */
  listOperationData20201201: "https://volcengine.com/docs/6348/128967",
  /** The SDK packages that send each generation: v20201201 and v20231101 send all three actions at their version. */
  goSdkConfig: "sdk:volcengine/volc-sdk-golang/service/rtc/v20231101/config.go; service/rtc/v20201201/config.go",
  /** ListRealTimeQuality 2023-11-01 (same limits and body, plus ProductType). */
  listRealTimeQuality20231101: "https://volcengine.com/docs/6348/1219548",
  /** Indicator tables ("数据结构"): #realtime, #indicator, #listquality. */
  indicators: "https://volcengine.com/docs/6348/1167931",
  /** ListOperationDistribution: defines user_count. */
  listOperationDistribution: "https://volcengine.com/docs/6348/1219545",
  /** Response structure ("返回结构"): envelope, Error inside ResponseMetadata, CodeN. */
  responseStructure: "https://volcengine.com/docs/6348/1178322",
  /** RTC OpenAPI error codes (InvalidParameter.*, FlowLimitExceeded.QPSOverLimit, ...). */
  rtcErrors: "https://volcengine.com/docs/6348/70426",
  /** Gateway (common) error codes with CodeN and HTTP status. */
  gatewayErrors: "https://volcengine.com/docs/6720/108305",
  /** Gateway error table with InvalidTimestamp as 400 (and the same CodeN values). */
  gatewayErrorsAlt: "https://volcengine.com/docs/6369/68677",
  /** Gateway errors without CodeN: InvalidAuthorization, InvalidCredential, InvalidSecretToken. */
  gatewayErrorsAuth: "https://volcengine.com/docs/6396/70462",
  /** Gateway error table with LackPolicy, FailToConnect and LackProjectPolicy. */
  gatewayErrorsPolicy: "https://volcengine.com/docs/6408/78947",
  /** Gateway error table with InnerApiNeedAccountInfo and the InvalidSecretToken message. */
  gatewayErrorsInner: "https://volcengine.com/docs/6396/1253687",
  /** 2023-11-01 return structure; its example has InvalidParameter.AccountIdMismatch, "Check owner failed". */
  returnStructure20231101: "https://volcengine.com/docs/6752/1398941",
  /** Example of InvalidCredential with CodeN 100025. */
  invalidCredentialExample: "https://volcengine.com/docs/6511/1167943",
  /** Signing spec (HMAC-SHA256, canonical request, signing key). */
  signing: "https://www.volcengine.com/docs/6469/1121980",
  /** Common request headers (X-Date, X-Content-Sha256, Authorization, X-Security-Token). */
  commonParameters: "https://www.volcengine.com/docs/6752/1398939",
  /** OpenAPI guide inside the RTC docs: quotas are per account. */
  rtcOpenApiGuide: "https://volcengine.com/docs/6348/412251",
  /** Business error example with `"Result": {}` next to Error. */
  errorWithEmptyResult: "https://www.volcengine.com/theme/5610620-C-7-1",
  /** Node SDK signer: signs every header it sets except a fixed list, so not `host`. */
  nodeSdkSigner: "sdk:volcengine/volc-sdk-nodejs/lib/base/sign.js",
  /** Go SDK signer: signs content-type, host, x-content-sha256, x-date. */
  goSdkSigner: "sdk:volcengine/volc-sdk-golang/base/sign.go",
  /** Go SDK models for 2020-12-01 (ProductType, RoomId/UserId omitempty, overview). */
  goSdkModel20201201: "sdk:volcengine/volc-sdk-golang/service/rtc/v20201201/model.go",
  /** Go SDK models for 2023-11-01 (Unit, overview, StreamId). */
  goSdkModel20231101: "sdk:volcengine/volc-sdk-golang/service/rtc/v20231101/model.go",
} as const;
