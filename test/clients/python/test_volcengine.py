"""volcengine (volc-sdk-python) base Service, unmodified, against the fake.

The package's RtcService (volcengine/example/rtc/RtcService.py in 1.0.229) registers none of the three
data actions, so the caller registers them as ApiInfo entries with a Version, as the SDK intends
(clients.md §2.1). The Python SDK fixes no version, so each action is tried at both API generations;
a correct fake serves every action at 2020-12-01 and 2023-11-01 (clients.md §2.1).

Service.json() returns the body text for HTTP 200 and raises a plain Exception carrying the body bytes
for any other status; there are no retries.
"""

import json
import uuid
from datetime import timedelta

import pytest
from volcengine.ApiInfo import ApiInfo
from volcengine.base.Service import Service
from volcengine.Credentials import Credentials
from volcengine.ServiceInfo import ServiceInfo

from conftest import VOLC_AK, VOLC_SK, clock_moved, host_port, rfc3339

ACTIONS = ["ListRealTimeOperationData", "ListOperationData", "ListRealTimeQuality"]
VERSIONS = ["2020-12-01", "2023-11-01"]


def make_service(base_url, ak=VOLC_AK, sk=VOLC_SK, region="cn-north-1"):
    info = ServiceInfo(
        host_port(base_url),
        {"Accept": "application/json"},
        Credentials(ak, sk, "rtc", region),
        5,
        5,
        scheme="http",
    )
    api_info = {
        f"{action}@{version}": ApiInfo("POST", "/", {"Action": action, "Version": version}, {}, {})
        for action in ACTIONS
        for version in VERSIONS
    }
    service = Service(info, api_info)
    # Service() reads VOLC_ACCESSKEY/VOLC_SECRETKEY or ~/.volc/* over the ServiceInfo's keys: set them again.
    service.set_ak(ak)
    service.set_sk(sk)
    return service


def body_for(action, app_id):
    if action == "ListRealTimeOperationData":
        return {
            "AppId": app_id,
            "StartTime": rfc3339(timedelta(minutes=-5)),
            "EndTime": rfc3339(timedelta(minutes=-1)),
            "Indicator": ["online_user_count", "online_room_count"],
        }
    if action == "ListOperationData":
        return {
            "AppId": app_id,
            "StartTime": rfc3339(timedelta(days=-3)),
            "EndTime": rfc3339(timedelta(days=-1)),
            "Indicator": ["per_call_time", "avg_call_time"],
            "AggregateGranularity": "1d",
        }
    return {
        "AppId": app_id,
        "StartTime": rfc3339(timedelta(minutes=-6)),
        "EndTime": rfc3339(timedelta(minutes=-2)),
        "Indicator": ["stall_rate"],
    }


def call(service, action, version, app_id):
    text = service.json(f"{action}@{version}", {}, json.dumps(body_for(action, app_id)))
    return json.loads(text)


def error_of(exc):
    """The Volcengine error inside the plain Exception the SDK raises for a non-200 reply."""
    raw = exc.args[0]
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    return json.loads(raw)["ResponseMetadata"]


def new_app_id():
    return "py" + uuid.uuid4().hex[:16]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("action", ACTIONS)
def test_action_succeeds(off_url, action, version):
    reply = call(make_service(off_url), action, version, new_app_id())
    meta = reply["ResponseMetadata"]
    assert "Error" not in meta
    assert meta["Action"] == action
    assert meta["Version"] == version
    assert meta["Service"] == "rtc"
    assert meta["RequestId"]
    names = [series["Name"] for series in reply["Result"]["Indicators"]]
    if action == "ListRealTimeQuality":
        assert names == ["audio_stall_rate", "video_stall_rate"]
    else:
        assert names == body_for(action, "x")["Indicator"]
    for series in reply["Result"]["Indicators"]:
        assert series["Data"], series["Name"]


def test_region_is_echoed(off_url):
    reply = call(make_service(off_url, region="ap-singapore-1"), "ListRealTimeQuality", "2020-12-01", new_app_id())
    assert "Error" not in reply["ResponseMetadata"]
    assert reply["ResponseMetadata"]["Region"] == "ap-singapore-1"


def test_parameter_error_raises(off_url):
    service = make_service(off_url)
    bad = body_for("ListRealTimeQuality", new_app_id())
    bad["StartTime"], bad["EndTime"] = bad["EndTime"], bad["StartTime"]
    with pytest.raises(Exception) as info:
        service.json("ListRealTimeQuality@2020-12-01", {}, json.dumps(bad))
    meta = error_of(info.value)
    assert meta["Error"]["Code"] == "InvalidParameter.StartTimeAfterEndTime"
    assert meta["RequestId"]


def test_throttling_flow_limit_exceeded(off_url):
    # 2 req/s per action and AppId: 5 requests in well under a second put at least 3 into one window.
    service = make_service(off_url)
    app_id = new_app_id()
    for _ in range(5):
        try:
            call(service, "ListRealTimeQuality", "2020-12-01", app_id)
        except Exception as e:  # noqa: BLE001 - the SDK raises a plain Exception
            meta = error_of(e)
            assert meta["Error"]["Code"].startswith("FlowLimitExceeded")
            assert meta["RequestId"]
            return
    pytest.fail("5 requests in a burst were all answered: no FlowLimitExceeded")


# --- verify mode (HMAC-SHA256 checked against the demo credentials) ---


@pytest.mark.parametrize("action, version", [("ListRealTimeQuality", "2020-12-01"), ("ListRealTimeOperationData", "2023-11-01")])
def test_verify_valid_signature_accepted(verify_url, action, version):
    reply = call(make_service(verify_url), action, version, new_app_id())
    assert "Error" not in reply["ResponseMetadata"]


def verify_refusal(service, code):
    with pytest.raises(Exception) as info:
        call(service, "ListRealTimeQuality", "2020-12-01", new_app_id())
    meta = error_of(info.value)
    assert meta["Error"]["Code"] == code
    assert meta["RequestId"]


def test_verify_wrong_secret_refused(verify_url):
    verify_refusal(make_service(verify_url, sk="not-the-secret"), "SignatureDoesNotMatch")


def test_verify_unknown_access_key_refused(verify_url):
    verify_refusal(make_service(verify_url, ak="AKLTunknown0000000000000"), "InvalidAccessKey")


def test_verify_expired_timestamp_refused(verify_url):
    with clock_moved(verify_url, "1h"):
        verify_refusal(make_service(verify_url), "InvalidTimestamp")
