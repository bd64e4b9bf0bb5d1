"""Schemathesis checks that read the vendors' envelopes (loaded through SCHEMATHESIS_HOOKS).

ZEGO and Tencent answer errors with HTTP 200 and put the error in the body, so Schemathesis's
status-based `negative_data_rejection` cannot tell a rejection from an acceptance there. These checks
look at the envelope instead (test/clients/README.md, "Schemathesis").
"""

from __future__ import annotations

import json

import schemathesis
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import negative_data_rejection


def vendor_error(response: Response) -> str | None:
    """The error code in a vendor envelope, or None for a success reply (or a body that is neither)."""
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    metadata = body.get("ResponseMetadata")  # Volcengine
    if isinstance(metadata, dict) and isinstance(metadata.get("Error"), dict):
        return str(metadata["Error"].get("Code"))
    if "Code" in body and body.get("Code") != 0:  # ZEGO
        return str(body["Code"])
    tencent = body.get("Response")
    if isinstance(tencent, dict) and isinstance(tencent.get("Error"), dict):
        return str(tencent["Error"].get("Code"))
    return None


def with_status(response: Response, status: int) -> Response:
    """The same response with another HTTP status (what a status-based check should judge)."""
    return Response(
        status_code=status,
        headers=response.headers,
        content=response.content,
        request=response.request,
        elapsed=response.elapsed,
        verify=response.verify,
        message=response.message,
        http_version=response.http_version,
        encoding=response.encoding,
    )


@schemathesis.check
def vendor_error_on_bad_input(ctx, response, case):
    """Schema-violating input must get an error in the vendor's envelope, whatever the HTTP status.

    Delegates to the built-in negative_data_rejection (with its allowances for mutations that stay
    valid once serialized), judging an error envelope as 400 and anything else as 200.
    """
    return negative_data_rejection(ctx, with_status(response, 400 if vendor_error(response) else 200), case)


@schemathesis.check
def examples_succeed(ctx, response, case):
    """The documents' example requests (the examples phase) must get a success reply, not an error."""
    if ctx.phase == "examples":
        code = vendor_error(response)
        if code is not None:
            raise AssertionError(f"The example request got the vendor error {code}, not a success reply")
    return None
