/**
 * Where the Tencent LCIC rules come from (see /work/shared/vendor-notes/tencent-zego.md, Part A).
 * Every catalog entry, limit and ledger rule of the Tencent area points at one of these.
 */
export const tencentSources = {
  /** DescribeRoomStatistics, English API page ("last updated 2024-04-01"). */
  describeRoomStatistics: "https://www.tencentcloud.com/document/api/1168/52791",
  /** DescribeRoomStatistics, Chinese API page. */
  describeRoomStatisticsZh: "https://cloud.tencent.com/document/product/1639/81545",
  /** DescribeCurrentMemberList (same MemberRecord type, extended example). */
  describeCurrentMemberList: "https://cloud.tencent.com/document/product/1639/86554",
  /** Node SDK models of LCIC 2022-08-17 (MemberRecord, enums, room lifecycle). */
  nodeSdkModels: "sdk:TencentCloud/tencentcloud-sdk-nodejs/tencentcloud/services/lcic/v20220817/lcic_models.d.ts",
  /** Node SDK client of LCIC ("仅可在房间结束后调用"). */
  nodeSdkClient: "sdk:TencentCloud/tencentcloud-sdk-nodejs/tencentcloud/services/lcic/v20220817/lcic_client.js",
  /** Node SDK response handling: a non-200 status is a transport error and the body is never read. */
  nodeSdkParseResponse: "sdk:TencentCloud/tencentcloud-sdk-nodejs/tencentcloud/common/abstract_client.js (parseResponse)",
  /** Node SDK signer: service = first dot-label of the endpoint, host = URL hostname without port. */
  nodeSdkSign: "sdk:TencentCloud/tencentcloud-sdk-nodejs/tencentcloud/common/sign.js (sign3) + abstract_client.js",
  /** Go SDK models (field types, Stage / SubGroupId nullability). */
  goSdkModels:
    "https://github.com/TencentCloud/tencentcloud-sdk-go/blob/0645e474b86ece882f19defedf12abd127b3c226/tencentcloud/lcic/v20220817/models.go",
  /** Go SDK LCIC error codes. */
  goSdkErrors:
    "https://github.com/TencentCloud/tencentcloud-sdk-go/blob/3dd224a9ad56a967996454169260703cec140f77/tencentcloud/lcic/v20220817/errors.go",
  /** International SDK models (English field descriptions, Device and Role enums). */
  intlSdkModels: "sdk:tencentcloud-sdk-nodejs-intl-en@3.0.1335/tencentcloud/lcic/v20220817/models.js",
  /** Ruby SDK MemberRecord (21 fields, CurrentState). */
  rubyMemberRecord: "https://www.rubydoc.info/gems/tencentcloud-sdk-lcic/TencentCloud/Lcic/V20220817/MemberRecord",
  /** Signature v3 (TC3-HMAC-SHA256), incl. the official test vector. */
  signatureV3: "https://tencentcloud.com/document/api/1150/49447",
  /** Signature v1 as the four official SDKs build it (string to sign, parameters, base64 HMAC). */
  signatureV1Sdks:
    "sdk:TencentCloud/tencentcloud-sdk-nodejs/tencentcloud/common/abstract_client.js (formatSignString), tencentcloud-sdk-go common/sign.go (getStringToSign), tencentcloud-sdk-python abstract_client.py (_format_sign_string), tencentcloud-sdk-java Sign.java (makeSignPlainText); ../shared/vendor-notes/clients.md §1.3",
  /** Common request parameters (X-TC-* headers, 5-minute timestamp window). */
  commonParams: "https://intl.cloud.tencent.com/document/api/238/32088",
  /** Common error codes. */
  commonErrors: "https://www.tencentcloud.com/document/product/213/33281#common-error-codes",
  /** Request structure: GET ≤ 32 KB, TC3 POST ≤ 10 MB, POST JSON needs TC3. */
  requestStructure: "https://cloud.tencent.com/document/product/1278/46710",
  /** Real RequestLimitExceeded message text. */
  rateLimitMessage: "https://github.com/cloud-barista/cb-spider/issues/654",
  /** Real AuthFailure.SecretIdNotFound message text. */
  secretIdNotFoundMessage: "https://github.com/starsunyzl/ddns-scripts-dnspod/issues/3",
  /** Real MissingParameter message text. */
  missingParameterMessage: "https://github.com/WeBankPartners/wecube-platform/issues/53",
  /** Real UnknownParameter message text. */
  unknownParameterMessage: "https://github.com/NewFuture/DDNS/issues/575",
} as const;

/**
 * Why coded errors are HTTP 200 (an inference, no Tencent page says it in words): every official
 * SDK treats any non-200 status as a transport failure and never reads the body — Node
 * `abstract_client.js parseResponse`, Python `_check_status` (ServerNetworkError), Go
 * `ClientError.HttpStatusCodeError` (CHANGELOG 3.0.81) — yet users receive coded errors such as
 * RequestLimitExceeded with a RequestId through those SDKs.
 */
export const tencentHttp200Evidence =
  "inference from SDK code: tencentcloud-sdk-nodejs abstract_client.js parseResponse (non-200 → exception without body), " +
  "tencentcloud-sdk-python abstract_client.py _check_status, tencentcloud-sdk-go CHANGELOG 3.0.81; " +
  "coded errors reach users through these SDKs (e.g. https://github.com/cloud-barista/cb-spider/issues/654)";
