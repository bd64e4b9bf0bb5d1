"""tencentcloud-sdk-python (lcic v20220817 LcicClient), unmodified, against the fake.

The client is pointed at the fake with HttpProfile(endpoint="127.0.0.1:PORT", protocol="http").
The SDK raises TencentCloudSDKException(code, message, requestId) for a coded error, but only when
the reply's Content-Type is exactly `application/json` (or `text/plain`): see clients.md §1.4.
"""

import uuid

import pytest
from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.lcic.v20220817 import lcic_client, models

from conftest import TC_SECRET_ID, TC_SECRET_KEY, clock_moved, control, host_port


def make_client(base_url, secret_id=TC_SECRET_ID, secret_key=TC_SECRET_KEY, method="POST"):
    http_profile = HttpProfile(protocol="http", endpoint=host_port(base_url), reqMethod=method, reqTimeout=10)
    # No retryer (the default NoopRetryer) and no region breaker (off by default): one request per call.
    profile = ClientProfile(httpProfile=http_profile)
    return lcic_client.LcicClient(credential.Credential(secret_id, secret_key), "", profile)


def stats_request(room_id, page=1, limit=10):
    req = models.DescribeRoomStatisticsRequest()
    req.RoomId = room_id
    req.Page = page
    req.Limit = limit
    return req


@pytest.fixture()
def fresh_rooms(off_url):
    """Seeded rooms laid out anew around the current clock (10003 is 'computing' only for 150 s)."""
    control(off_url, "POST", "reset")


def test_ended_room_statistics(off_url):
    resp = make_client(off_url).DescribeRoomStatistics(stats_request(1, limit=5))
    assert resp.Total == 30
    assert len(resp.MemberRecords) == 5
    assert resp.MemberNumber <= resp.Total
    assert resp.PeakMemberNumber <= resp.MemberNumber
    assert resp.RealEndTime > resp.RealStartTime
    assert resp.MemberRecords[0].Role == 1  # the teacher comes first
    assert resp.RequestId


def test_ended_room_pagination_with_get(off_url):
    client = make_client(off_url, method="GET")
    page = client.DescribeRoomStatistics(stats_request(10004, page=2, limit=1000))
    assert page.Total == 1500
    assert len(page.MemberRecords) == 500
    assert {r.GroupId for r in page.MemberRecords} == {"class-2024-07"}


@pytest.mark.parametrize(
    "room_id, code",
    [
        (10001, "FailedOperation.RoomNotEnd"),  # not started
        (10002, "FailedOperation.RoomNotEnd"),  # live
        (10003, "ResourceUnavailable.RoomStatistics"),  # ended, statistics still computing
        (999999, "ResourceNotFound.Room"),
    ],
)
def test_room_errors_raise_sdk_exception(off_url, fresh_rooms, room_id, code):
    with pytest.raises(TencentCloudSDKException) as info:
        make_client(off_url).DescribeRoomStatistics(stats_request(room_id))
    assert info.value.code == code
    assert info.value.message
    assert info.value.requestId


def test_throttling_request_limit_exceeded(off_url):
    # A SecretId of its own: the 20 req/s budget is per SecretId. At most 60 requests, stop at the first refusal.
    client = make_client(off_url, secret_id="AKIDpythrottle" + uuid.uuid4().hex[:20])
    for _ in range(60):
        try:
            client.DescribeRoomStatistics(stats_request(1, limit=1))
        except TencentCloudSDKException as e:
            assert e.code == "RequestLimitExceeded"
            assert e.requestId
            return
    pytest.fail("60 requests in a burst were all answered: no RequestLimitExceeded")


# --- verify mode (TC3-HMAC-SHA256 checked against the demo credentials) ---


def test_verify_valid_signature_accepted(verify_url):
    resp = make_client(verify_url).DescribeRoomStatistics(stats_request(1, limit=1))
    assert resp.Total == 30


def test_verify_valid_signature_accepted_get(verify_url):
    resp = make_client(verify_url, method="GET").DescribeRoomStatistics(stats_request(1, limit=1))
    assert resp.Total == 30


def test_verify_wrong_secret_refused(verify_url):
    with pytest.raises(TencentCloudSDKException) as info:
        make_client(verify_url, secret_key="not-the-secret").DescribeRoomStatistics(stats_request(1))
    assert info.value.code == "AuthFailure.SignatureFailure"
    assert info.value.requestId


def test_verify_unknown_secret_id_refused(verify_url):
    with pytest.raises(TencentCloudSDKException) as info:
        make_client(verify_url, secret_id="AKIDunknown000000000000000000000000").DescribeRoomStatistics(stats_request(1))
    assert info.value.code == "AuthFailure.SecretIdNotFound"
    assert info.value.requestId


def test_verify_expired_timestamp_refused(verify_url):
    with clock_moved(verify_url, "1h"):
        with pytest.raises(TencentCloudSDKException) as info:
            make_client(verify_url).DescribeRoomStatistics(stats_request(1))
    assert info.value.code == "AuthFailure.SignatureExpire"
    assert info.value.requestId


# Signature v1 (ClientProfile(signMethod="HmacSHA1"/"HmacSHA256")): the SDK sends every parameter in
# the query (GET) or an application/x-www-form-urlencoded body (POST), no X-TC-Action, no
# Authorization (clients.md §1.3).


def make_v1_client(base_url, sign_method, method="POST", secret_id=TC_SECRET_ID, secret_key=TC_SECRET_KEY):
    http_profile = HttpProfile(protocol="http", endpoint=host_port(base_url), reqMethod=method, reqTimeout=10)
    profile = ClientProfile(signMethod=sign_method, httpProfile=http_profile)
    return lcic_client.LcicClient(credential.Credential(secret_id, secret_key), "", profile)


@pytest.mark.parametrize("method", ["POST", "GET"])
@pytest.mark.parametrize("sign_method", ["HmacSHA256", "HmacSHA1"])
def test_v1_signature_accepted(verify_url, sign_method, method):
    resp = make_v1_client(verify_url, sign_method, method).DescribeRoomStatistics(stats_request(1, limit=3))
    assert resp.Total == 30
    assert len(resp.MemberRecords) == 3
    assert resp.RequestId


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_v1_wrong_secret_refused(verify_url, method):
    with pytest.raises(TencentCloudSDKException) as info:
        make_v1_client(verify_url, "HmacSHA256", method, secret_key="not-the-secret").DescribeRoomStatistics(stats_request(1))
    assert info.value.code == "AuthFailure.SignatureFailure"
    assert info.value.requestId


def test_v1_unknown_secret_id_refused(verify_url):
    client = make_v1_client(verify_url, "HmacSHA256", secret_id="AKIDunknown000000000000000000000000")
    with pytest.raises(TencentCloudSDKException) as info:
        client.DescribeRoomStatistics(stats_request(1))
    assert info.value.code == "AuthFailure.SecretIdNotFound"


def test_v1_expired_timestamp_refused(verify_url):
    with clock_moved(verify_url, "1h"):
        with pytest.raises(TencentCloudSDKException) as info:
            make_v1_client(verify_url, "HmacSHA1", "GET").DescribeRoomStatistics(stats_request(1))
    assert info.value.code == "AuthFailure.SignatureExpire"


def test_v1_served_with_auth_off(off_url):
    resp = make_v1_client(off_url, "HmacSHA256", secret_key="anything").DescribeRoomStatistics(stats_request(1, limit=2))
    assert len(resp.MemberRecords) == 2
