"""Schemathesis hooks for Arbiter's contract run.

The API's rule is one Idempotency-Key per attempted action: a key sent again with a
different request is refused (422, `idempotency_key_reused`), as the document says.
Generated data repeats short keys across unrelated requests, so every *valid* key is
replaced with a fresh one before the call; invalid keys are left as generated, so the
negative tests still send them.
"""

import re
import uuid

import schemathesis

VALID_KEY = re.compile(r"^[!-~]{1,255}$")


@schemathesis.hook
def before_call(context, case, kwargs):
    headers = case.headers
    if not headers:
        return
    for name in list(headers):
        if name.lower() == "idempotency-key" and isinstance(headers[name], str) and VALID_KEY.match(headers[name]):
            headers[name] = f"contract-{uuid.uuid4()}"


# Debian 12's Python (3.11) can raise SystemError ("AST constructor recursion depth
# mismatch") when Hypothesis parses a large module to describe a filter lambda for its
# reports. The description is cosmetic: on that error, use the generic one.
from hypothesis.internal import lambda_sources  # noqa: E402

_describe_lambda = lambda_sources._lambda_description


def _describe_lambda_safely(f, *args, **kwargs):
    try:
        return _describe_lambda(f, *args, **kwargs)
    except SystemError:
        return "lambda: <unknown>"


lambda_sources._lambda_description = _describe_lambda_safely
