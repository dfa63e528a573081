"""Every page renders in every shipped language, for visitors and for staff."""

import re

import pytest
from flask import current_app

from engage.i18n import LOCALES
from engage.permissions import Role
from tests.factories import make_comment, make_plan, make_priority, make_proposal, make_user

SKIP = {"static", "main.healthz"}


def _fill(rule, objects) -> str | None:
    """A real URL for a GET rule, with its arguments taken from test data; None if we cannot."""
    values = {}
    for arg in rule.arguments:
        if arg not in objects:
            return None
        values[arg] = objects[arg]
    from flask import url_for

    return url_for(rule.endpoint, **values)


def _pages(objects) -> list[str]:
    urls = []
    for rule in current_app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in SKIP:
            continue
        url = _fill(rule, objects)
        if url:
            urls.append(url)
    return sorted(set(urls))


@pytest.fixture
def content():
    priority = make_priority(title="Child friendly town")
    plan = make_plan()
    proposal = make_proposal(priority=priority, plan_id=plan.id, title="Play streets")
    decided = make_proposal(
        "decided", priority=priority, outcome_you_said="More play.", outcome_we_did="Two streets."
    )
    author = make_user()
    comment = make_comment(proposal, author, body="Dobry pomysł, popieram.", language="pl")
    from tests.surveys.helpers import make_code, make_survey

    survey = make_survey(priority=priority, anonymous=False, audience="everyone")
    code = make_code(survey)
    return {
        "survey_id": survey.id,
        "number": 1,
        "question_id": survey.questions[0].id,
        "code": code.code,
        "fmt": "csv",
        "slug": priority.slug,
        "priority_id": priority.id,
        "proposal_id": proposal.id,
        "comment_id": comment.id,
        "entity": "proposal",
        "entity_id": decided.id,
        "locale": "ur",
        "token": "not-a-token",
        "author": author,
    }


@pytest.mark.parametrize("code", list(LOCALES))
def test_every_page_renders_in_every_locale(code, content, login_as, client):
    admin = login_as(make_user(Role.ADMIN))
    author = login_as(content["author"])
    failures = []
    for who, browser in (("visitor", client), ("admin", admin), ("author", author)):
        for url in _pages(content):
            sep = "&" if "?" in url else "?"
            response = browser.get(f"{url}{sep}lang={code}")
            if response.status_code >= 500:
                failures.append(f"{who} {url}: {response.status_code}")
                continue
            if response.status_code == 200 and response.mimetype == "text/html":
                html = re.search(r"<html [^>]*>", response.get_data(as_text=True)).group(0)
                if f'lang="{code}"' not in html or f'dir="{LOCALES[code].direction}"' not in html:
                    failures.append(f"{who} {url}: {html}")
    assert not failures, "\n".join(failures)
