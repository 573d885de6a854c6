"""The OpenAPI document matches the service: schemathesis generates requests from it, against the real app."""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import ignored_auth, positive_data_acceptance

from tests.conftest import TOKEN


def test_every_operation_conforms(make_app):
    """No 5xx, and every answer matches the documented status codes, media types and schemas."""
    app = make_app(TTS_ENGINES="espeak", RATELIMIT_ENABLED=False)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            # Articles are also checked beyond their schema (a body that is empty once sanitized is refused),
            # so a schema-valid request may rightly get a 422: that check alone is left out.
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                                   excluded_checks=[positive_data_acceptance, ignored_auth])

        check()


def test_document_lists_every_public_route(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    documented = {path.replace("{", "<").replace("}", ">") for path in spec["paths"]}
    for rule in app.url_map.iter_rules():
        if (rule.endpoint == "static" or rule.rule in ("/", "/articles/<slug>", "/embed", "/embed/preview")
                or rule.rule.startswith("/static")):
            continue
        assert rule.rule in documented, rule.rule
