"""Property tests of the whole API against its own OpenAPI document, with schemathesis.

Every operation in /api/v1/openapi.json is called with generated arguments (valid and not) over
a world holding private things of every kind: no answer may be a server error, every status and
body must be the documented ones, and no private word may ever come back.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.api.world import SECRET, build_public_record

# Listed here so each is its own test; the first test proves the list is the whole document.
OPERATIONS = [
    "/api/v1/priorities",
    "/api/v1/priorities/{slug}",
    "/api/v1/boards",
    "/api/v1/proposals",
    "/api/v1/proposals/{proposal_id}",
    "/api/v1/proposals/{proposal_id}/votes",
    "/api/v1/proposals/{proposal_id}/comments",
    "/api/v1/comments",
    "/api/v1/comments/{comment_id}",
    "/api/v1/surveys",
    "/api/v1/surveys/{survey_id}",
    "/api/v1/surveys/{survey_id}/results",
    "/api/v1/oembed",
]


def test_every_operation_is_tested(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    documented = {(m, p) for p, item in spec["paths"].items() for m in item if m != "parameters"}
    assert documented == {("get", p) for p in OPERATIONS}


@pytest.mark.parametrize("path", OPERATIONS)
def test_operation_matches_the_document(app, path):
    build_public_record()
    operation = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        database=None,
    )
    def check(case):
        response = case.call_and_validate()
        assert SECRET.encode() not in response.content
        assert b"example.org" not in response.content

    check()
