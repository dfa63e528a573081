"""Suggested themes: deterministic groups, and nothing tagged until an officer says so."""

from sqlalchemy import select

from engage.analysis.models import Suggestion, SuggestionState, Tag, Theme
from engage.analysis.suggest import suggest
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.analysis.helpers import comment_by, make_theme
from tests.factories import make_proposal, make_user

BUSES = [
    "the bus to the hospital is always late",
    "buses late every morning, bus timetable wrong",
    "more buses at night please, the bus stops too early",
    "bus fares are too high and the bus is late",
    "late buses make me late for school",
    "the night bus should run later",
    "bus station needs a better timetable",
]
PARKS = [
    "the park needs more trees and benches",
    "keep the park clean, more bins in the park",
    "Wardown park playground is broken",
    "plant trees in the park and fix the playground",
    "park toilets are closed all the time",
    "we need a bigger park with trees",
    "the park benches are broken",
]


def _sample():
    texts = BUSES + PARKS
    return [(i + 1, t) for i, t in enumerate(texts)]


def test_the_same_responses_always_give_the_same_groups():
    first = suggest(_sample(), groups=2)
    second = suggest(list(reversed(_sample())), groups=2)
    assert [(g.label, g.phrases, g.item_ids) for g in first] == [
        (g.label, g.phrases, g.item_ids) for g in second
    ]


def test_similar_responses_are_grouped_with_their_key_phrases():
    groups = suggest(_sample(), groups=2)
    assert len(groups) == 2
    bus_ids = set(range(1, len(BUSES) + 1))
    by_phrase = {("bus" in " ".join(g.phrases)): set(g.item_ids) for g in groups}
    assert len(by_phrase[True] & bus_ids) >= 6
    assert len(by_phrase[False] & bus_ids) <= 1
    assert any("park" in p for g in groups for p in g.phrases)


def test_too_few_responses_give_no_suggestion():
    assert suggest(_sample()[:5]) == []


def _proposal_with_suggestions(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    for text in BUSES + PARKS:
        comment_by(proposal, body=text)
    officer = make_user(Role.OFFICER)
    client = login_as(officer)
    url = f"/manage/analysis/proposal/{proposal.id}/suggestions"
    assert client.submit(url).status_code == 302
    db.session.expire_all()
    suggestions = list(db.session.scalars(select(Suggestion).order_by(Suggestion.id)))
    assert suggestions
    assert db.session.scalar(select(Tag)) is None  # suggesting tagged nothing
    return proposal, officer, client, url, suggestions


def test_accepting_under_a_new_name_tags_only_when_asked(login_as):
    proposal, officer, client, url, suggestions = _proposal_with_suggestions(login_as)
    first, second = suggestions[0], suggestions[1]
    page = client.get(url).get_data(as_text=True)
    assert first.label in page
    client.submit(f"{url}/{first.id}", {"action": "accept", f"s{first.id}-name": "Getting about"})
    db.session.expire_all()
    theme = db.session.scalar(select(Theme).where(Theme.name == "Getting about"))
    assert theme is not None and db.session.scalar(select(Tag)) is None
    assert db.session.get(Suggestion, first.id).state == SuggestionState.ACCEPTED
    assert db.session.get(Suggestion, first.id).decided_by_id == officer.id
    client.submit(
        f"{url}/{second.id}",
        {"action": "accept", f"s{second.id}-name": "Green spaces", f"s{second.id}-tag": "y"},
    )
    db.session.expire_all()
    green = db.session.scalar(select(Theme).where(Theme.name == "Green spaces"))
    tags = list(db.session.scalars(select(Tag).where(Tag.theme_id == green.id)))
    assert sorted(t.item_id for t in tags) == sorted(db.session.get(Suggestion, second.id).item_ids)
    assert {t.tagged_by_id for t in tags} == {officer.id}


def test_merging_and_discarding(login_as):
    proposal, officer, client, url, suggestions = _proposal_with_suggestions(login_as)
    theme = make_theme(proposal.id, "Existing")
    first, second = suggestions[0], suggestions[1]
    client.submit(
        f"{url}/{first.id}",
        {
            "action": "merge",
            "theme": str(theme.id),
            f"s{first.id}-tag": "y",
            f"s{first.id}-name": "x",
        },
    )
    client.submit(f"{url}/{second.id}", {"action": "discard", f"s{second.id}-name": "x"})
    db.session.expire_all()
    assert db.session.get(Suggestion, first.id).state == SuggestionState.MERGED
    assert db.session.get(Suggestion, first.id).theme_id == theme.id
    assert db.session.get(Suggestion, second.id).state == SuggestionState.DISCARDED
    tagged = set(db.session.scalars(select(Tag.item_id).where(Tag.theme_id == theme.id)))
    assert tagged == set(db.session.get(Suggestion, first.id).item_ids)
    # A decided suggestion cannot be decided again.
    client.submit(f"{url}/{second.id}", {"action": "accept", f"s{second.id}-name": "Again"})
    db.session.expire_all()
    assert db.session.scalar(select(Theme).where(Theme.name == "Again")) is None
