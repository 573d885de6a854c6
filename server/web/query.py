"""Query-string parameters that are whole numbers: each one's bounds, its check and its OpenAPI description."""
from __future__ import annotations

from dataclasses import dataclass

from flask import request

from ..problems import Problem


@dataclass(frozen=True)
class WholeNumber:
    """A query parameter that must be a whole number from ``minimum`` to ``maximum``."""

    name: str
    maximum: int
    minimum: int = 1

    def read(self, default: int | None = None) -> int | None:
        """The parameter's value in this request, ``default`` when it is absent or empty (a form's blank
        field); a 400 problem when it is invalid."""
        raw = request.args.get(self.name, "")
        if not raw:
            return default
        if not raw.isdigit() or not self.minimum <= int(raw) <= self.maximum:
            raise Problem(400, f"Query parameter '{self.name}' must be a whole number from {self.minimum} to "
                          f"{self.maximum}.", title="Bad Request", parameter=self.name)
        return int(raw)

    def parameter(self) -> dict:
        """The OpenAPI description of this parameter."""
        return {"name": self.name, "in": "query",
                "schema": {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}}
