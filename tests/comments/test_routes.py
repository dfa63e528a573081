"""Posting, replying, editing and deleting comments through the real pages."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import Proposal, ProposalStatus
from tests.accounts.helpers import input_value, page
from tests.factories import make_comment, make_proposal, make_user


def post(client, proposal, body, parent=None, data_token=None, **kwargs):
    data = {"body": body}
    if data_token is not None:
        data["token"] = data_token
    if parent is not None:
        data["parent_id"] = str(parent.id)
    return client.submit(f"/proposals/{proposal.id}/comments", data, **kwargs)


def comments(proposal) -> list[Comment]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(Comment).where(Comment.proposal_id == proposal.id).order_by(Comment.id)
        )
    )


def count(proposal) -> int:
    db.session.expire_all()
    return db.session.get(Proposal, proposal.id).comment_count


def comment_body(html: str) -> str:
    """The HTML of the first comment's text on a page."""
    return re.search(r'class="engage-comment__body"[^>]*>(.*?)</div>', html, re.S).group(1)


def reload(comment) -> Comment:
    db.session.expire_all()
    return db.session.get(Comment, comment.id)


# Posting ---------------------------------------------------------------------------------------


def test_resident_posts_a_comment_that_everyone_sees_at_once(login_as, client):
    proposal = make_proposal()
    author = make_user(display_name="Priya")

    response = post(login_as(author), proposal, "More buses on Sundays, please.")

    (comment,) = comments(proposal)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/proposals/{proposal.id}#c{comment.id}")
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.author_id == author.id
    assert count(proposal) == 1
    html = page(client.get(f"/proposals/{proposal.id}"))
    assert "More buses on Sundays, please." in html
    assert "Priya" in html
    assert "1 comment" in html


def test_anonymous_visitors_are_sent_to_sign_in_to_comment(client):
    proposal = make_proposal()

    response = post(client, proposal, "Hello")

    # What they wrote (a page left open after signing out elsewhere) is shown, with sign-in.
    assert response.status_code == 401
    assert '<a class="govuk-button" href="/account/sign-in' in page(response)
    assert ">Hello</textarea>" in page(response)
    assert comments(proposal) == []
    assert "Sign in to comment" in page(client.get(f"/proposals/{proposal.id}"))


def test_comment_without_csrf_token_is_rejected(login_as):
    proposal = make_proposal()
    client = login_as(make_user())

    response = client.post(f"/proposals/{proposal.id}/comments", data={"body": "Hello"})

    assert response.status_code == 400
    assert comments(proposal) == []


def test_comment_on_a_draft_is_404(login_as):
    draft = make_proposal(ProposalStatus.DRAFT)

    assert post(login_as(make_user()), draft, "Hello").status_code == 404
    assert comments(draft) == []


def test_empty_comment_is_refused(login_as):
    proposal = make_proposal()

    response = post(login_as(make_user()), proposal, "   ")

    html = page(response)
    assert response.status_code == 400
    assert "<title>Error: " in html
    assert "Write your comment" in html
    assert comments(proposal) == []


def test_over_long_comment_is_refused_and_the_text_is_kept(login_as, app):
    proposal = make_proposal()
    limit = app.config["COMMENT_MAX_LENGTH"]
    text = "I have a lot to say. " * (limit // 20) + "The end."
    assert len(text) > limit

    response = post(login_as(make_user()), proposal, text)

    html = page(response)
    assert response.status_code == 400
    assert "There is a problem" in html
    assert f"Your comment must be {limit} characters or fewer" in html
    assert input_value(html, "body") == text
    assert comments(proposal) == []


def test_comment_of_exactly_the_limit_is_accepted(login_as, app):
    proposal = make_proposal()
    limit = app.config["COMMENT_MAX_LENGTH"]

    response = post(login_as(make_user()), proposal, "a" * limit)

    assert response.status_code == 302
    assert len(comments(proposal)) == 1


def test_comments_are_plain_text_with_safe_links(login_as):
    proposal = make_proposal()
    author = login_as(make_user())

    post(
        author,
        proposal,
        "<b>Bold</b> <script>alert(1)</script>\nSee https://www.luton.gov.uk/buses for times.",
    )

    # The author's own view: the automatic checks may hold a comment with a link for a moderator.
    html = page(author.get(f"/proposals/{proposal.id}"))
    body = comment_body(html)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in body
    assert "<b>" not in body and "<script>" not in body
    assert "<br" in body  # the line break is kept
    link = body.split('href="https://www.luton.gov.uk/buses"', 1)[1].split(">", 1)[0]
    assert "nofollow" in link and "ugc" in link


def test_markdown_is_not_formatted_in_comments(login_as):
    proposal = make_proposal()
    author = login_as(make_user())

    post(author, proposal, "**not bold** and [a link](javascript:alert(1))")

    body = comment_body(page(author.get(f"/proposals/{proposal.id}")))
    assert "**not bold**" in body
    assert "<strong>" not in body
    assert "<a " not in body


# Young people's comments are held --------------------------------------------------------------


def test_young_persons_comment_waits_for_a_moderator_and_only_they_see_it(login_as, client):
    proposal = make_proposal()
    young = make_user(Role.YOUNG_PERSON)
    author = login_as(young)

    response = post(author, proposal, "Can we have a skate park?", follow_redirects=True)

    assert "A moderator will check your comment before others see it." in page(response)
    (comment,) = comments(proposal)
    assert comment.status == CommentStatus.HELD
    assert comment.by_young_person
    assert count(proposal) == 0

    own_view = page(author.get(f"/proposals/{proposal.id}"))
    assert "Can we have a skate park?" in own_view
    assert "Waiting for a moderator" in own_view
    assert young.pseudonym in own_view

    for viewer in (client, login_as(make_user()), login_as(make_user(Role.YOUNG_PERSON))):
        html = page(viewer.get(f"/proposals/{proposal.id}"))
        assert "Can we have a skate park?" not in html
        assert "Waiting for a moderator" not in html
        assert "0 comments" in html


def test_young_person_is_shown_by_pseudonym_never_a_real_name(login_as, client):
    proposal = make_proposal()
    young = make_user(Role.YOUNG_PERSON, display_name="Jane Smith")
    comment = make_comment(proposal, young, status=CommentStatus.PUBLISHED)

    html = page(client.get(f"/proposals/{proposal.id}"))

    assert young.pseudonym in html
    assert "Jane Smith" not in html
    assert comment.body in html


def test_nobody_can_reply_to_a_held_comment(login_as):
    proposal = make_proposal()
    held = make_comment(proposal, make_user(Role.YOUNG_PERSON), status=CommentStatus.HELD)

    response = post(login_as(make_user()), proposal, "Reply", parent=held)

    assert response.status_code == 403
    assert len(comments(proposal)) == 1


# Replies ---------------------------------------------------------------------------------------


def test_reply_attaches_to_the_comment(login_as, client):
    proposal = make_proposal()
    top = make_comment(proposal, make_user(), body="First thought.")

    response = post(login_as(make_user()), proposal, "I agree with you.", parent=top)

    assert response.status_code == 302
    reply = comments(proposal)[-1]
    assert reply.parent_id == top.id
    assert count(proposal) == 2
    html = page(client.get(f"/proposals/{proposal.id}"))
    replies = html.split('class="govuk-list engage-reply-list"', 1)[1]
    assert "I agree with you." in replies


def test_reply_is_written_on_its_own_page_under_the_comment_it_answers(login_as):
    proposal = make_proposal(title="Longer library hours")
    top = make_comment(proposal, make_user(display_name="Amira"), body="Open on Sundays too.")
    client = login_as(make_user())

    thread = page(client.get(f"/proposals/{proposal.id}"))
    html = page(client.get(f"/comments/{top.id}/reply"))

    assert f'href="/comments/{top.id}/reply"' in thread
    assert "<textarea" not in thread.split('id="comments"', 1)[1].split("Add your comment", 1)[0]
    assert "Reply to <bdi>Amira</bdi>" in html
    assert "Open on Sundays too." in html
    assert "Longer library hours" in html
    assert f'name="parent_id" value="{top.id}"' in html
    assert f'action="/proposals/{proposal.id}/comments"' in html


def test_signed_out_visitors_are_sent_to_sign_in_to_reply(client):
    top = make_comment(make_proposal(), make_user())

    response = client.get(f"/comments/{top.id}/reply")

    assert response.status_code == 302
    assert "/account/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("reason", ["held", "closed", "draft", "unknown"])
def test_no_reply_page_where_no_reply_can_be_posted(login_as, reason):
    proposal = make_proposal(
        status=ProposalStatus.CLOSED if reason == "closed" else ProposalStatus.OPEN
    )
    status = CommentStatus.HELD if reason == "held" else CommentStatus.PUBLISHED
    top = make_comment(proposal, make_user(Role.YOUNG_PERSON), status=status)
    if reason == "draft":
        proposal.status = ProposalStatus.DRAFT
        db.session.commit()
    comment_id = top.id + 1000 if reason == "unknown" else top.id

    response = login_as(make_user()).get(f"/comments/{comment_id}/reply")

    assert (
        response.status_code == {"held": 403, "closed": 403, "draft": 404, "unknown": 404}[reason]
    )


def test_replying_to_a_reply_attaches_to_the_top_level_comment(login_as):
    proposal = make_proposal()
    top = make_comment(proposal, make_user())
    reply = make_comment(proposal, make_user(), parent_id=top.id)

    response = post(login_as(make_user()), proposal, "Replying to the reply.", parent=reply)

    assert response.status_code == 302
    newest = comments(proposal)[-1]
    assert newest.body == "Replying to the reply."
    assert newest.parent_id == top.id


def test_reply_to_a_comment_on_another_proposal_is_refused(login_as):
    proposal = make_proposal()
    elsewhere = make_comment(make_proposal(), make_user())

    response = post(login_as(make_user()), proposal, "Sneaky reply", parent=elsewhere)

    assert response.status_code == 400
    assert "You can only reply to a published comment on this proposal." in page(response)
    assert comments(proposal) == []


@pytest.mark.parametrize(("parent_id", "status"), [("not-a-number", 400), ("999999", 404)])
def test_reply_to_a_bad_parent_is_refused(login_as, parent_id, status):
    proposal = make_proposal()
    client = login_as(make_user())

    response = client.submit(
        f"/proposals/{proposal.id}/comments", {"body": "Hello", "parent_id": parent_id}
    )

    assert response.status_code == status


def test_over_long_reply_keeps_its_text_in_the_reply_box(login_as, app):
    proposal = make_proposal()
    top = make_comment(proposal, make_user())
    text = "x" * (app.config["COMMENT_MAX_LENGTH"] + 1)

    response = post(login_as(make_user()), proposal, text, parent=top)

    html = page(response)
    assert response.status_code == 400
    assert input_value(html, "body") == text
    assert f'name="parent_id" value="{top.id}"' in html
    assert "Reply to" in html  # the reply page again, not the whole proposal


# Editing ---------------------------------------------------------------------------------------


def test_author_edits_their_comment_within_15_minutes(login_as, client):
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author, body="Original words.")
    signed = login_as(author)

    form = signed.get(f"/comments/{comment.id}/edit")
    assert form.status_code == 200
    assert input_value(page(form), "body") == "Original words."

    response = signed.submit(f"/comments/{comment.id}/edit", {"body": "Better words."})

    assert response.status_code == 302
    saved = reload(comment)
    assert saved.body == "Better words."
    assert saved.edited_at is not None
    html = page(client.get(f"/proposals/{proposal.id}"))
    assert "Better words." in html and "Original words." not in html
    assert "edited" in html


def test_editing_is_refused_after_15_minutes(login_as):
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author, body="Original words.")
    comment.created_at -= timedelta(minutes=16)
    db.session.commit()
    signed = login_as(author)

    assert signed.get(f"/comments/{comment.id}/edit").status_code == 403
    response = signed.submit(f"/comments/{comment.id}/edit", {"body": "Too late."})

    assert response.status_code == 403
    assert reload(comment).body == "Original words."
    assert f"/comments/{comment.id}/edit" not in page(signed.get(f"/proposals/{proposal.id}"))


def test_editing_is_still_allowed_at_14_minutes(login_as):
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author)
    comment.created_at -= timedelta(minutes=14)
    db.session.commit()

    response = login_as(author).submit(f"/comments/{comment.id}/edit", {"body": "Just in time."})

    assert response.status_code == 302
    assert reload(comment).body == "Just in time."


def test_edit_to_an_over_long_text_is_refused_and_kept(login_as, app):
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author, body="Original words.")
    text = "y" * (app.config["COMMENT_MAX_LENGTH"] + 1)

    response = login_as(author).submit(f"/comments/{comment.id}/edit", {"body": text})

    assert response.status_code == 400
    assert "There is a problem" in page(response)
    assert input_value(page(response), "body") == text
    assert reload(comment).body == "Original words."


def test_nobody_edits_or_deletes_someone_elses_comment(login_as):
    proposal = make_proposal()
    comment = make_comment(proposal, make_user(), body="Mine, not yours.")

    for role in (Role.RESIDENT, Role.YOUNG_PERSON, Role.OFFICER, Role.MODERATOR, Role.ADMIN):
        other = login_as(make_user(role))
        assert other.get(f"/comments/{comment.id}/edit").status_code == 403, role
        assert other.submit(f"/comments/{comment.id}/edit", {"body": "Hacked"}).status_code == 403
        assert other.get(f"/comments/{comment.id}/delete").status_code == 403, role
        assert other.submit(f"/comments/{comment.id}/delete").status_code == 403, role

    saved = reload(comment)
    assert saved.body == "Mine, not yours."
    assert saved.status == CommentStatus.PUBLISHED


def test_anonymous_visitors_cannot_edit_or_delete(client):
    comment = make_comment(make_proposal(), make_user())

    for url in (f"/comments/{comment.id}/edit", f"/comments/{comment.id}/delete"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/account/sign-in" in response.headers["Location"]


def test_edit_and_delete_links_show_only_to_the_author(login_as, client):
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author)

    own = page(login_as(author).get(f"/proposals/{proposal.id}"))
    other = page(login_as(make_user()).get(f"/proposals/{proposal.id}"))

    assert f"/comments/{comment.id}/edit" in own and f"/comments/{comment.id}/delete" in own
    assert f"/comments/{comment.id}/edit" not in other
    assert f"/comments/{comment.id}/delete" not in other


# Deleting --------------------------------------------------------------------------------------


def test_author_deletes_their_comment_and_the_replies_stay(login_as, client):
    proposal = make_proposal()
    author = make_user()
    top = make_comment(proposal, author, body="Words to remove.")
    make_comment(proposal, make_user(), parent_id=top.id, body="A reply that stays.")
    signed = login_as(author)

    assert signed.get(f"/comments/{top.id}/delete").status_code == 200
    response = signed.submit(f"/comments/{top.id}/delete")

    assert response.status_code == 302
    saved = reload(top)
    assert saved.status == CommentStatus.DELETED
    assert saved.body == ""
    assert count(proposal) == 1
    html = page(client.get(f"/proposals/{proposal.id}"))
    assert "Words to remove." not in html
    assert "This comment was deleted by its author." in html
    assert "A reply that stays." in html


def test_deleted_comment_without_replies_disappears(login_as, client):
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author, body="Gone soon.")

    login_as(author).submit(f"/comments/{comment.id}/delete")

    html = page(client.get(f"/proposals/{proposal.id}"))
    assert "Gone soon." not in html
    assert "This comment was deleted" not in html
    assert "No comments yet." in html


def test_deleting_twice_changes_nothing_and_says_it_was_deleted(login_as):
    author = make_user()
    comment = make_comment(make_proposal(), author)
    signed = login_as(author)
    signed.submit(f"/comments/{comment.id}/delete")

    response = signed.submit(f"/comments/{comment.id}/delete")
    assert response.status_code == 302
    assert "This comment was deleted." in signed.get(response.headers["Location"]).get_data(
        as_text=True
    )
    assert reload(comment).status == CommentStatus.DELETED


def test_delete_needs_a_csrf_token(login_as):
    author = make_user()
    comment = make_comment(make_proposal(), author)

    assert login_as(author).post(f"/comments/{comment.id}/delete").status_code == 400
    assert reload(comment).status == CommentStatus.PUBLISHED


def test_unknown_comment_is_404(login_as):
    client = login_as(make_user())

    assert client.get("/comments/999999/edit").status_code == 404
    assert client.get("/comments/999999/delete").status_code == 404


# Closed consultations --------------------------------------------------------------------------


@pytest.mark.parametrize("status", [ProposalStatus.CLOSED, ProposalStatus.DECIDED])
def test_comments_close_when_the_consultation_closes(login_as, status):
    proposal = make_proposal(status)
    top = make_comment(proposal, make_user())
    client = login_as(make_user())

    assert post(client, proposal, "Too late").status_code == 403
    assert post(client, proposal, "Too late", parent=top).status_code == 403
    html = page(client.get(f"/proposals/{proposal.id}"))
    assert "Comments have closed." in html
    assert f'action="/proposals/{proposal.id}/comments"' not in html
    assert len(comments(proposal)) == 1


def test_open_proposal_past_its_closing_date_takes_no_comments(login_as):
    from engage.clock import utcnow

    proposal = make_proposal(closes_at=utcnow() - timedelta(minutes=1))
    client = login_as(make_user())

    assert post(client, proposal, "Too late").status_code == 403
    assert "Comments have closed." in page(client.get(f"/proposals/{proposal.id}"))


def test_own_comment_cannot_be_edited_once_the_consultation_closes(login_as):
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author)
    proposal.status = ProposalStatus.CLOSED
    db.session.commit()

    response = login_as(author).submit(f"/comments/{comment.id}/edit", {"body": "Changed"})

    assert response.status_code == 403
    assert reload(comment).body != "Changed"


def test_staff_comments_are_marked_as_the_council(login_as, client):
    proposal = make_proposal()
    post(login_as(make_user(Role.OFFICER, display_name="Officer Dan")), proposal, "We read all.")

    html = page(client.get(f"/proposals/{proposal.id}"))

    assert "Officer Dan" in html
    assert ">Council</span>" in html
