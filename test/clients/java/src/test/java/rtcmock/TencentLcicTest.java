package rtcmock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.lcic.v20220817.LcicClient;
import com.tencentcloudapi.lcic.v20220817.models.DescribeRoomStatisticsRequest;
import com.tencentcloudapi.lcic.v20220817.models.DescribeRoomStatisticsResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tencentcloud-sdk-java (LcicClient, API 2022-08-17), unmodified, against the fake. Pointed at it with
 * HttpProfile.setEndpoint("127.0.0.1:PORT") and setProtocol(HttpProfile.REQ_HTTP). A coded error
 * (HTTP 200 + Response.Error) is thrown as TencentCloudSDKException with the code and RequestId; the
 * Java SDK never retries DescribeRoomStatistics.
 */
class TencentLcicTest {
  static final String SECRET_ID = "AKIDdemo00000000000000000000000000";
  static final String SECRET_KEY = "demo-tencent-secret-key";

  static String base(String var) {
    String url = System.getenv(var);
    assumeTrue(url != null && !url.isEmpty(), var + " is not set: run through `npm run test:clients`");
    return url.replaceAll("/+$", "");
  }

  static String offUrl() {
    return base("RTC_MOCK_URL");
  }

  static String verifyUrl() {
    return base("RTC_MOCK_VERIFY_URL");
  }

  static LcicClient client(String baseUrl, String secretId, String secretKey, String method) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint(URI.create(baseUrl).getAuthority());
    http.setProtocol(HttpProfile.REQ_HTTP);
    http.setReqMethod(method);
    http.setConnTimeout(10);
    http.setReadTimeout(10);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new LcicClient(new Credential(secretId, secretKey), "", profile);
  }

  static LcicClient client(String baseUrl) {
    return client(baseUrl, SECRET_ID, SECRET_KEY, HttpProfile.REQ_POST);
  }

  static DescribeRoomStatisticsRequest request(long roomId, long page, long limit) {
    DescribeRoomStatisticsRequest req = new DescribeRoomStatisticsRequest();
    req.setRoomId(roomId);
    req.setPage(page);
    req.setLimit(limit);
    return req;
  }

  static void control(String baseUrl, String path, String json) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(baseUrl + "/__mock/" + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> resp = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertTrue(resp.statusCode() < 300, "control " + path + ": HTTP " + resp.statusCode());
  }

  static void assertSdkError(String code, TencentCloudSDKException e) {
    assertEquals(code, e.getErrorCode(), e.getMessage());
    assertNotNull(e.getRequestId(), code + " without RequestId");
    assertFalse(e.getRequestId().isEmpty(), code + " without RequestId");
  }

  @ParameterizedTest
  @ValueSource(strings = {HttpProfile.REQ_POST, HttpProfile.REQ_GET})
  void endedRoomStatistics(String method) throws Exception {
    DescribeRoomStatisticsResponse resp =
        client(offUrl(), SECRET_ID, SECRET_KEY, method).DescribeRoomStatistics(request(1, 1, 5));
    assertEquals(30L, resp.getTotal());
    assertEquals(5, resp.getMemberRecords().length);
    assertTrue(resp.getMemberNumber() <= resp.getTotal());
    assertTrue(resp.getPeakMemberNumber() <= resp.getMemberNumber());
    assertTrue(resp.getRealEndTime() > resp.getRealStartTime());
    assertEquals(1L, resp.getMemberRecords()[0].getRole());
    assertNotNull(resp.getRequestId());
  }

  @Test
  void pagination() throws Exception {
    DescribeRoomStatisticsResponse resp = client(offUrl()).DescribeRoomStatistics(request(10004, 2, 1000));
    assertEquals(1500L, resp.getTotal());
    assertEquals(500, resp.getMemberRecords().length);
    assertEquals("class-2024-07", resp.getMemberRecords()[0].getGroupId());
  }

  @ParameterizedTest
  @CsvSource({
    "10001, FailedOperation.RoomNotEnd",
    "10002, FailedOperation.RoomNotEnd",
    "10003, ResourceUnavailable.RoomStatistics",
    "999999, ResourceNotFound.Room"
  })
  void roomErrors(long roomId, String code) throws Exception {
    String base = offUrl();
    control(base, "reset", "{}"); // seeded rooms laid out anew: 10003 is 'computing' for 150 s
    TencentCloudSDKException e =
        assertThrows(TencentCloudSDKException.class, () -> client(base).DescribeRoomStatistics(request(roomId, 1, 10)));
    assertSdkError(code, e);
  }

  @Test
  void throttling() {
    // A SecretId of its own (the budget is 20 req/s per SecretId); at most 60 requests.
    LcicClient c =
        client(offUrl(), "AKIDjvthrottle" + UUID.randomUUID().toString().replace("-", ""), "any-secret", HttpProfile.REQ_POST);
    for (int i = 0; i < 60; i++) {
      try {
        c.DescribeRoomStatistics(request(1, 1, 1));
      } catch (TencentCloudSDKException e) {
        assertSdkError("RequestLimitExceeded", e);
        return;
      }
    }
    fail("60 requests in a burst were all answered: no RequestLimitExceeded");
  }

  @ParameterizedTest
  @ValueSource(strings = {HttpProfile.REQ_POST, HttpProfile.REQ_GET})
  void verifyValidSignatureAccepted(String method) throws Exception {
    DescribeRoomStatisticsResponse resp =
        client(verifyUrl(), SECRET_ID, SECRET_KEY, method).DescribeRoomStatistics(request(1, 1, 1));
    assertEquals(30L, resp.getTotal());
  }

  @Test
  void verifyWrongSecretRefused() {
    LcicClient c = client(verifyUrl(), SECRET_ID, "not-the-secret", HttpProfile.REQ_POST);
    assertSdkError(
        "AuthFailure.SignatureFailure",
        assertThrows(TencentCloudSDKException.class, () -> c.DescribeRoomStatistics(request(1, 1, 1))));
  }

  @Test
  void verifyUnknownSecretIdRefused() {
    LcicClient c = client(verifyUrl(), "AKIDunknown000000000000000000000000", SECRET_KEY, HttpProfile.REQ_POST);
    assertSdkError(
        "AuthFailure.SecretIdNotFound",
        assertThrows(TencentCloudSDKException.class, () -> c.DescribeRoomStatistics(request(1, 1, 1))));
  }

  @Test
  void verifyExpiredTimestampRefused() throws Exception {
    String base = verifyUrl();
    // The SDK signs with real time: a server clock an hour ahead makes the signature an hour old.
    control(base, "clock", "{\"advance\":\"1h\"}");
    try {
      assertSdkError(
          "AuthFailure.SignatureExpire",
          assertThrows(TencentCloudSDKException.class, () -> client(base).DescribeRoomStatistics(request(1, 1, 1))));
    } finally {
      control(base, "clock", "{\"advance\":\"-1h\"}");
    }
  }
}
