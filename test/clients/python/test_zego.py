"""ZEGO GetRealtimeUsage, requested the way ZEGO's docs do it in Python (ZEGO ships no server SDK).

Signature: the docs' Python sample (SigningTheRequestEN.mdx), md5(AppId + SignatureNonce + ServerSecret +
Timestamp) with a secrets.token_hex(8) nonce and int(time.time()). The request: GET with every parameter
in the query, `Metrics[]` repeated (urlencode sends it as `Metrics%5B%5D`), StartTs/EndTs in milliseconds.
Errors are HTTP 200 with a non-zero Code.
"""

import hashlib
import json
import random
import secrets
import time
import urllib.parse
import urllib.request

import pytest

from conftest import ZEGO_APP_ID, ZEGO_SERVER_SECRET


# Signature=md5(AppId + SignatureNonce + ServerSecret + Timestamp), as in ZEGO's Python sample
def GenerateSignature(appId, signatureNonce, serverSecret, timestamp):
    str1 = str(appId) + signatureNonce + serverSecret + str(timestamp)
    hash = hashlib.md5()
    hash.update(str1.encode("utf8"))
    signature = hash.hexdigest()
    return signature


def get_realtime_usage(base_url, app_id, server_secret, metrics, timestamp=None, start_ts=None):
    signatureNonce = secrets.token_hex(8)
    timestamp = int(time.time()) if timestamp is None else timestamp
    now_ms = int(time.time() * 1000)
    params = [
        ("Action", "GetRealtimeUsage"),
        ("AppId", app_id),
        ("SignatureNonce", signatureNonce),
        ("Timestamp", timestamp),
        ("Signature", GenerateSignature(app_id, signatureNonce, server_secret, timestamp)),
        ("SignatureVersion", "2.0"),
        ("StartTs", now_ms - 30 * 60 * 1000 if start_ts is None else start_ts),
        ("EndTs", 0),
    ] + [("Metrics[]", m) for m in metrics]
    url = base_url + "/?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=10) as resp:
        assert resp.status == 200
        return json.loads(resp.read())


def new_app_id():
    # A fresh AppId per test: the quota is 3 calls per minute per AppId.
    return random.randint(2_000_000_000, 4_000_000_000)


def test_realtime_usage_succeeds(off_url):
    reply = get_realtime_usage(off_url, new_app_id(), "any-secret", ["publish_concurrent", "online_user"])
    assert reply["Code"] == 0, reply
    assert reply["RequestId"]
    series = reply["Data"]["Metrics"]
    assert [s["Metric"] for s in series] == ["publish_concurrent", "online_user"]
    for s in series:
        assert s["Values"], s["Metric"]
        stamps = [v["Timestamp"] for v in s["Values"]]
        assert stamps == sorted(stamps)
    assert all(p["Value"] <= u["Value"] for p, u in zip(series[0]["Values"], series[1]["Values"]))


def test_all_six_metrics(off_url):
    metrics = ["publish_concurrent", "play_concurrent", "room_concurrent", "online_user", "max_room_user", "mix_concurrent"]
    reply = get_realtime_usage(off_url, new_app_id(), "any-secret", metrics)
    assert reply["Code"] == 0, reply
    assert [s["Metric"] for s in reply["Data"]["Metrics"]] == metrics


def test_parameter_error(off_url):
    reply = get_realtime_usage(off_url, new_app_id(), "any-secret", ["no_such_metric"])
    assert reply["Code"] == 10002
    assert reply["RequestId"]


def test_throttling_30002_beyond_3_per_minute(off_url):
    app_id = new_app_id()
    codes = [get_realtime_usage(off_url, app_id, "any-secret", ["online_user"])["Code"] for _ in range(4)]
    # Four calls may straddle a minute boundary; then a fifth and sixth make the fourth of the new minute.
    if 30002 not in codes:
        codes += [get_realtime_usage(off_url, app_id, "any-secret", ["online_user"])["Code"] for _ in range(3)]
    assert 30002 in codes, codes
    assert codes[:3] == [0, 0, 0]


# --- verify mode (md5 signature checked against the demo AppId's ServerSecret) ---


def test_verify_valid_signature_accepted(verify_url):
    reply = get_realtime_usage(verify_url, ZEGO_APP_ID, ZEGO_SERVER_SECRET, ["online_user"])
    assert reply["Code"] == 0, reply


@pytest.mark.parametrize(
    "app_id, secret, skew, code",
    [
        (ZEGO_APP_ID, "ffffffffffffffffffffffffffffffff", 0, 100000005),  # wrong ServerSecret
        (987654321, ZEGO_SERVER_SECRET, 0, 100000010),  # AppId unknown to the server
        (ZEGO_APP_ID, ZEGO_SERVER_SECRET, -3600, 100000004),  # Timestamp an hour old
    ],
    ids=["wrong-secret", "unknown-appid", "expired-timestamp"],
)
def test_verify_refusals(verify_url, app_id, secret, skew, code):
    reply = get_realtime_usage(verify_url, app_id, secret, ["online_user"], timestamp=int(time.time()) + skew)
    assert reply["Code"] == code, reply
    assert reply["RequestId"]
