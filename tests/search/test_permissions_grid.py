"""Who finds what, for every role, through real HTTP requests.

Everyone may search. Published things are found by everyone; drafts (proposals and surveys)
only by the staff who may see them; held items by nobody, staff included (moderators have the
queue). The table is written out in full on purpose.
"""

import pytest

from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.surveys.building import SurveyData, create_survey
from engage.surveys.models import Audience, SurveyStatus
from tests.factories import make_user
from tests.moderation.helpers import held_comment
from tests.search.helpers import comment, marked, officer, proposal, search

ROLES = (
    "anonymous",
    "resident",
    "young_person",
    "moderator",
    "safeguarding_lead",
    "officer",
    "admin",
)
FOUND, NOT_FOUND = True, False

# what -> role -> found?
EXPECTED = {
    "open proposal":     dict.fromkeys(ROLES, FOUND),
    "published comment": dict.fromkeys(ROLES, FOUND),
    "held comment":      dict.fromkeys(ROLES, NOT_FOUND),
    "draft proposal": {
        "anonymous": NOT_FOUND, "resident": NOT_FOUND, "young_person": NOT_FOUND,
        "moderator": NOT_FOUND, "safeguarding_lead": NOT_FOUND, "officer": FOUND, "admin": FOUND,
    },
    "draft survey": {
        "anonymous": NOT_FOUND, "resident": NOT_FOUND, "young_person": NOT_FOUND,
        "moderator": NOT_FOUND, "safeguarding_lead": NOT_FOUND, "officer": FOUND, "admin": FOUND,
    },
}  # fmt: skip

WORD = {
    "open proposal": "aardvark",
    "published comment": "bandicoot",
    "held comment": "chinchilla",
    "draft proposal": "dugong",
    "draft survey": "echidna",
}


def _world(staff):
    on = proposal("The aardvark proposal", by=staff)
    comment(on, "A bandicoot was seen here.")
    held_comment("A chinchilla was seen here.", on)
    proposal("The dugong proposal", status=ProposalStatus.DRAFT, by=staff)
    create_survey(
        staff,
        SurveyData(
            title="The echidna survey",
            introduction="",
            audience=Audience.EVERYONE,
            min_age_band=None,
            max_age_band=None,
            anonymous=True,
            priority_id=on.priority_id,
            proposal_id=None,
            opens_on=None,
            closes_on=None,
            results_due=None,
            what_next="",
            status=SurveyStatus.DRAFT,
        ),
    )
    db.session.commit()


@pytest.mark.parametrize("role", ROLES)
def test_who_finds_what(client, login_as, role):
    staff = officer()
    _world(staff)
    if role == "anonymous":
        browser = client
    elif role == "officer":
        browser = login_as(staff)
    else:
        browser = login_as(make_user(Role(role)))

    for what, word in WORD.items():
        status, html = search(browser, word)
        assert status == 200
        assert bool(marked(html)) == EXPECTED[what][role], (what, role)
