"""Held, rejected, hidden, deleted, erased and safeguarding items are never found; drafts only
by staff. Each check looks at the page and at the index itself: erased words must not linger."""

import sqlalchemy as sa

from engage.comments.models import CommentStatus
from engage.comments.service import delete_comment, edit_comment
from engage.extensions import db
from engage.moderation.service import approve_item, handle_item, reject_item
from engage.permissions import Role
from engage.privacy.erasure import erase_contributions
from engage.proposals.models import ProposalStatus
from engage.proposals.service import update_proposal
from engage.search.models import SearchEntry
from engage.search.service import reindex, sync
from tests.factories import make_user
from tests.moderation.helpers import RISK_TEXT, held_comment, moderator
from tests.search.helpers import (
    comment,
    index_matches,
    indexed_words,
    marked,
    officer,
    proposal,
    proposal_data,
    search,
)

WORDS = "The zebra crossing by Wardown Park needs a lollipop warden."


def _found(client, word="lollipop") -> bool:
    return bool(marked(search(client, word)[1]))


def test_a_published_comment_is_found(client):
    c = comment(proposal(), WORDS)
    assert _found(client)
    assert "lollipop" in indexed_words("comment", c.id)


def test_a_young_persons_held_comment_is_not_found_until_approved(client):
    held, case = held_comment(WORDS)
    assert not _found(client)
    assert indexed_words("comment", held.id) is None

    approve_item(moderator(), case)
    db.session.commit()
    assert _found(client)


def test_a_rejected_comment_is_not_found(client):
    _held, case = held_comment(WORDS)
    reject_item(moderator(), case, "off_topic")
    db.session.commit()
    assert not _found(client)
    assert index_matches("lollipop") == 0


def test_a_comment_hidden_after_reports_leaves_the_index(client, app, login_as):
    c = comment(proposal(), WORDS)
    assert _found(client)
    for _ in range(app.config["REPORT_HIDE_THRESHOLD"]):
        reporter = login_as(make_user())
        response = reporter.submit(f"/comments/{c.id}/report", {"reason": "spam"})
        assert response.status_code == 302
    assert not _found(client)
    assert index_matches("lollipop") == 0


def test_a_comment_held_by_a_check_after_an_edit_leaves_the_index(client):
    c = comment(proposal(), WORDS)
    assert _found(client)
    edit_comment(c.author, c, "Actually, call me on 07700 900123 about the lollipop warden.")
    db.session.commit()
    assert not _found(client)


def test_an_edited_comment_is_found_by_its_new_words_only(client):
    c = comment(proposal(), WORDS)
    edit_comment(c.author, c, "The crossing needs a traffic island instead.")
    db.session.commit()
    assert not _found(client, "lollipop")
    assert _found(client, "island")
    assert index_matches("lollipop") == 0


def test_a_deleted_comment_leaves_the_index_at_once(client):
    c = comment(proposal(), WORDS)
    delete_comment(c.author, c)
    db.session.commit()
    assert not _found(client)
    assert indexed_words("comment", c.id) is None
    assert index_matches("lollipop") == 0


def test_erasing_a_persons_contributions_erases_their_words_from_the_index(client):
    author = make_user()
    on = proposal()
    comment(on, WORDS, author)
    comment(on, "A second comment about the lollipop lady.", author)
    other = comment(on, "Someone else's words about the lollipop warden.")

    erase_contributions(author)
    db.session.commit()

    assert marked(search(client, "lollipop")[1]) == ["lollipop"]  # only the other person's
    assert index_matches("zebra") == 0
    assert index_matches("lady") == 0
    assert indexed_words("comment", other.id) is not None


def test_safeguarding_items_are_never_found(client):
    held, case = held_comment(RISK_TEXT + " near the lollipop warden")
    assert case.safeguarding
    assert not _found(client)

    handle_item(make_user(Role.SAFEGUARDING_LEAD), case, "Called the school's safeguarding lead.")
    db.session.commit()
    assert not _found(client)
    assert indexed_words("comment", held.id) is None


def test_an_item_once_in_safeguarding_is_never_indexed_whatever_its_state(client):
    held, _case = held_comment(RISK_TEXT + " near the lollipop warden")
    # Whatever route might one day publish it, the index still leaves it out.
    held.status = CommentStatus.PUBLISHED
    sync("comment", [held.id])
    reindex(["comment"])
    db.session.commit()
    assert indexed_words("comment", held.id) is None
    assert not _found(client)


def test_comments_on_a_proposal_sent_back_to_draft_are_not_found(client):
    staff = officer()
    on = proposal(by=staff)
    comment(on, WORDS)
    update_proposal(staff, on, proposal_data(on.title, on.priority_id, ProposalStatus.DRAFT))
    db.session.commit()
    assert not _found(client)

    update_proposal(staff, on, proposal_data(on.title, on.priority_id, ProposalStatus.OPEN))
    db.session.commit()
    assert _found(client)


def test_a_draft_proposal_is_found_by_staff_only(client, login_as):
    staff = officer()
    proposal("Secret lollipop plan", status=ProposalStatus.DRAFT, by=staff)

    assert not _found(client)
    assert not _found(login_as(make_user()))
    assert not _found(login_as(make_user(Role.MODERATOR)))
    assert _found(login_as(staff))


def _entry(kind: str, item_id: int) -> tuple:
    columns = [SearchEntry.public, SearchEntry.title, SearchEntry.body]
    if db.engine.dialect.name == "postgresql":
        columns.append(sa.column("document"))
    return db.session.execute(
        sa.select(*columns)
        .select_from(SearchEntry)
        .where(SearchEntry.kind == kind, SearchEntry.item_id == item_id)
    ).one()


def test_a_new_comment_is_indexed_as_a_rebuild_indexes_it(client):
    # Posting indexes the comment from its words at hand (no read back, nothing replaced): the
    # entry must be the one the index's own reading of it makes, in its language too.
    on = proposal()
    posted = comment(on, "As bibliotecas deveriam abrir aos sábados e domingos, lollipop.")
    made = _entry("comment", posted.id)
    assert posted.language == "pt"
    reindex(["comment"])
    db.session.commit()
    assert _entry("comment", posted.id) == made
    assert _found(client)
