"""Reading JSON request bodies with precise 400/415 errors instead of Flask's generic ones."""
from __future__ import annotations

import json
from typing import Any

from flask import request

from ..problems import Problem


def json_body() -> Any:
    """The request body parsed as JSON; raises a 400/415 problem that says what is wrong."""
    if not request.mimetype or not (request.mimetype == "application/json" or request.mimetype.endswith("+json")):
        raise Problem(415, "Send the body as 'Content-Type: application/json'.", title="Unsupported Media Type")
    raw = request.get_data(cache=True)  # raises 413 past MAX_CONTENT_LENGTH
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Problem(400, f"The body is not valid UTF-8 (byte {error.start}).", title="Bad Request") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise Problem(400, f"Malformed JSON: {error.msg} at line {error.lineno}, column {error.colno}.",
                      title="Bad Request") from None
    except RecursionError:
        raise Problem(400, "Malformed JSON: nested too deeply.", title="Bad Request") from None
