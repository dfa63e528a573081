"""The responses list: every filter, the search, and what never appears."""

from datetime import timedelta

from engage.accounts.models import AgeBand, Connection
from engage.clock import utcnow
from engage.comments.models import CommentStatus
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.translations.models import ContentTranslation
from tests.analysis.helpers import comment_by, make_theme, person, safeguard
from tests.factories import make_comment, make_proposal, make_user


def _page(client, proposal, **args):
    response = client.get(f"/manage/analysis/proposal/{proposal.id}/responses", query_string=args)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _world():
    proposal = make_proposal(ProposalStatus.CLOSED)
    comments = {
        "old": comment_by(
            proposal,
            body="Buses are too slow at night",
            vote="disagree",
            age_band=AgeBand.B65_PLUS,
            connection=Connection.WORK,
            postcode_district="LU2",
        ),
        "young": comment_by(
            proposal,
            body="We need a skate park please",
            vote="agree",
            role=Role.YOUNG_PERSON,
            postcode_district="LU4",
        ),
        "polish": comment_by(
            proposal,
            body="Autobusy są za wolne",
            age_band=AgeBand.B25_44,
            connection=Connection.LIVE,
            postcode_district="LU1",
        ),
    }
    comments["polish"].language = "pl"
    comments["old"].created_at = utcnow() - timedelta(days=20)
    db.session.commit()
    return proposal, comments


def test_every_filter_narrows_the_list(login_as):
    proposal, c = _world()
    client = login_as(make_user(Role.OFFICER))
    everything = _page(client, proposal)
    for body in ("Buses are too slow", "skate park", "Autobusy"):
        assert body in everything
    cases = {
        "age": ({"age": "65+"}, "old"),
        "young": ({"young": "young"}, "young"),
        "connection": ({"connection": "work"}, "old"),
        "district": ({"district": "lu1"}, "polish"),
        "language": ({"language": "pl"}, "polish"),
        "vote": ({"vote": "agree"}, "young"),
        "search": ({"q": "SKATE park"}, "young"),
        "until": ({"until": (utcnow() - timedelta(days=10)).date().isoformat()}, "old"),
    }
    for name, (args, expected) in cases.items():
        page = _page(client, proposal, **args)
        for key, comment in c.items():
            assert (comment.body in page) == (key == expected), (name, key)
    no_vote = _page(client, proposal, vote="none")
    assert "Autobusy" in no_vote and "skate" not in no_vote
    adults = _page(client, proposal, young="adult")
    assert "skate" not in adults and "Buses" in adults
    since = _page(client, proposal, since=(utcnow() - timedelta(days=10)).date().isoformat())
    assert "Buses" not in since and "skate" in since


def test_held_hidden_and_safeguarding_comments_never_appear(login_as):
    proposal, c = _world()
    author = person()
    make_comment(proposal, author, body="Held words here", status=CommentStatus.HELD)
    make_comment(proposal, author, body="Hidden words here", status=CommentStatus.HIDDEN)
    risky = make_comment(proposal, author, body="Safeguarding words here")
    safeguard("comment", risky.id)
    for role in (Role.OFFICER, Role.ADMIN):
        page = _page(login_as(make_user(role)), proposal)
        assert "Buses" in page
        for words in ("Held words", "Hidden words", "Safeguarding words"):
            assert words not in page


def test_an_english_reading_is_shown_beside_the_original(login_as):
    proposal, c = _world()
    db.session.add(
        ContentTranslation(
            entity="comment",
            entity_id=c["polish"].id,
            field="body",
            locale="en",
            text="The buses are too slow",
        )
    )
    db.session.commit()
    page = _page(login_as(make_user(Role.OFFICER)), proposal)
    assert "Autobusy są za wolne" in page
    assert "The buses are too slow" in page


def test_filter_by_theme_and_untagged(login_as):
    from engage.analysis import service

    proposal, c = _world()
    officer = make_user(Role.OFFICER)
    theme = make_theme(proposal.id, "Transport")
    service.tag_items(officer, theme, [c["old"].id])
    db.session.commit()
    client = login_as(officer)
    tagged = _page(client, proposal, theme=str(theme.id))
    assert "Buses" in tagged and "skate" not in tagged
    untagged = _page(client, proposal, theme="0")
    assert "Buses are too slow" not in untagged and "skate" in untagged


def test_a_draft_or_unknown_proposal_is_not_found(login_as):
    client = login_as(make_user(Role.OFFICER))
    draft = make_proposal(ProposalStatus.DRAFT)
    assert client.get(f"/manage/analysis/proposal/{draft.id}/responses").status_code == 404
    assert client.get("/manage/analysis/proposal/999999/responses").status_code == 404
