"""Shared helpers: where the fakes are, the demo credentials, the control API.

scripts/test-clients.ts starts two fakes for this suite and passes their base URLs:
RTC_MOCK_URL (auth off) and RTC_MOCK_VERIFY_URL (auth verify, demo credentials).
"""

import contextlib
import json
import os
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

import pytest

# Demo credentials of the fake (mocks/options.ts); verify mode accepts exactly these.
VOLC_AK = "AKLTdemo0000000000000000"
VOLC_SK = "demo-volcengine-secret-key"
TC_SECRET_ID = "AKIDdemo00000000000000000000000000"
TC_SECRET_KEY = "demo-tencent-secret-key"
ZEGO_APP_ID = 1234567890
ZEGO_SERVER_SECRET = "0123456789abcdef0123456789abcdef"

CST = timezone(timedelta(hours=8))


def _base(var):
    url = os.environ.get(var)
    if not url:
        pytest.skip(f"{var} is not set: run through `npm run test:clients`")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def off_url():
    return _base("RTC_MOCK_URL")


@pytest.fixture(scope="session")
def verify_url():
    return _base("RTC_MOCK_VERIFY_URL")


def host_port(base_url):
    """`127.0.0.1:PORT`, the form every SDK takes as its endpoint/host."""
    return urllib.parse.urlsplit(base_url).netloc


def control(base_url, method, path, body=None):
    """Calls the fake's control API (`/__mock/...`) and returns the decoded JSON (or None)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base_url + "/__mock/" + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=10) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else None


@contextlib.contextmanager
def clock_moved(base_url, advance):
    """Moves the fake's mock clock by `advance` (e.g. "1h") and back afterwards.

    The SDKs sign with the machine's real time, so a server clock one hour ahead makes every
    signature one hour old: the way to get an expired timestamp out of an unmodified SDK.
    """
    control(base_url, "POST", "clock", {"advance": advance})
    try:
        yield
    finally:
        control(base_url, "POST", "clock", {"advance": "-" + advance})


def rfc3339(delta, tz=CST):
    """Now + delta as RFC3339 with an offset, e.g. 2026-12-02T14:05:00+08:00."""
    return (datetime.now(tz) + delta).replace(microsecond=0).isoformat()
