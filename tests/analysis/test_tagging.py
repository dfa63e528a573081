"""The codebook and tagging through the pages: each tag records who and when."""

from sqlalchemy import select

from engage.analysis.models import Tag, Theme
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.analysis.helpers import comment_by, make_theme, safeguard
from tests.factories import make_proposal, make_user


def _tags(theme):
    db.session.expire_all()
    return list(db.session.scalars(select(Tag).where(Tag.theme_id == theme.id)))


def test_an_officer_builds_the_codebook(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    client = login_as(make_user(Role.OFFICER))
    url = f"/manage/analysis/proposal/{proposal.id}/themes"
    response = client.submit(url, {"name": "  Road   safety ", "description": "Cars, crossings"})
    assert response.status_code == 302
    theme = db.session.scalar(select(Theme))
    assert theme.name == "Road safety" and theme.description == "Cars, crossings"
    # The same name again is refused, with the words kept.
    again = client.submit(url, {"name": "road safety", "description": "typed words"})
    assert again.status_code == 400
    page = again.get_data(as_text=True)
    assert "There is already a theme called road safety" in page and "typed words" in page
    empty = client.submit(url, {"name": ""})
    assert empty.status_code == 400 and "Enter a name for the theme" in empty.get_data(as_text=True)


def test_tagging_selected_responses_records_who_and_when(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    a = comment_by(proposal, body="More buses")
    b = comment_by(proposal, body="Cheaper buses")
    officer = make_user(Role.OFFICER, display_name="Olu Officer")
    theme = make_theme(proposal.id, "Buses")
    client = login_as(officer)
    url = f"/manage/analysis/proposal/{proposal.id}/responses"
    response = client.submit(url, {"tag_theme": str(theme.id), "action": "tag", "item": [a.id]})
    assert response.status_code == 302
    (tag,) = _tags(theme)
    assert (tag.item_id, tag.source, tag.tagged_by_id) == (a.id, "comment", officer.id)
    assert tag.tagged_at is not None
    record = client.get(f"/manage/analysis/proposal/{proposal.id}/themes/{theme.id}")
    assert "Olu Officer" in record.get_data(as_text=True)
    # Removing takes the tag off that response only.
    client.submit(url, {"tag_theme": str(theme.id), "action": "tag", "item": [b.id]})
    client.submit(url, {"tag_theme": str(theme.id), "action": "untag", "item": [a.id]})
    assert [t.item_id for t in _tags(theme)] == [b.id]


def test_bulk_tagging_tags_exactly_the_filtered_list(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    buses = [comment_by(proposal, body=f"buses number {n}") for n in range(3)]
    other = comment_by(proposal, body="parks and trees")
    theme = make_theme(proposal.id, "Buses")
    client = login_as(make_user(Role.OFFICER))
    url = f"/manage/analysis/proposal/{proposal.id}/responses?q=buses"
    response = client.submit(url, {"tag_theme": str(theme.id), "action": "tag_all"})
    assert response.status_code == 302
    assert sorted(t.item_id for t in _tags(theme)) == sorted(c.id for c in buses)
    assert other.id not in {t.item_id for t in _tags(theme)}


def test_only_this_proposals_safe_responses_can_be_tagged(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    elsewhere = comment_by(make_proposal(ProposalStatus.CLOSED), body="another proposal")
    risky = comment_by(proposal, body="risky words")
    safeguard("comment", risky.id)
    theme = make_theme(proposal.id, "Anything")
    client = login_as(make_user(Role.OFFICER))
    url = f"/manage/analysis/proposal/{proposal.id}/responses"
    client.submit(
        url, {"tag_theme": str(theme.id), "action": "tag", "item": [elsewhere.id, risky.id]}
    )
    assert _tags(theme) == []


def test_a_theme_of_another_consultation_cannot_be_used(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    comment = comment_by(proposal, body="hello")
    foreign = make_theme(make_proposal(ProposalStatus.CLOSED).id, "Foreign")
    client = login_as(make_user(Role.OFFICER))
    url = f"/manage/analysis/proposal/{proposal.id}/responses"
    response = client.submit(
        url, {"tag_theme": str(foreign.id), "action": "tag", "item": [comment.id]}
    )
    assert response.status_code == 302
    assert _tags(foreign) == []
    page = client.get(f"/manage/analysis/proposal/{proposal.id}/themes/{foreign.id}")
    assert page.status_code == 404


def test_deleting_a_theme_removes_its_tags(login_as):
    from engage.analysis import service

    proposal = make_proposal(ProposalStatus.CLOSED)
    comment = comment_by(proposal, body="hello")
    officer = make_user(Role.OFFICER)
    theme = make_theme(proposal.id, "Gone")
    theme_id = theme.id
    service.tag_items(officer, theme, [comment.id])
    db.session.commit()
    client = login_as(officer)
    response = client.submit(f"/manage/analysis/proposal/{proposal.id}/themes/{theme_id}/delete")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(Tag)) is None
    assert db.session.get(Theme, theme_id) is None
