"""Each comment box posts once: Back then Post again lands on the first comment, no copy."""

from tests.accounts.helpers import input_value
from tests.comments.test_routes import comments, post
from tests.factories import make_comment, make_proposal, make_user


def test_posting_the_same_box_again_lands_on_the_first_comment(login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    html = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    token = input_value(html, "token")
    assert token and len(token) == 32

    first = post(client, proposal, "More buses on Sundays.", data_token=token)
    # The person presses Back (the browser keeps the box and its token) and posts again.
    again = post(client, proposal, "More buses on Sundays.", data_token=token)

    (comment,) = comments(proposal)
    assert first.headers["Location"] == again.headers["Location"]
    assert again.headers["Location"].endswith(f"#c{comment.id}")
    page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "You had already posted this. Here it is." in page


def test_each_box_gets_a_fresh_token_so_a_second_comment_still_posts(login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    first = input_value(client.get(f"/proposals/{proposal.id}").get_data(as_text=True), "token")
    post(client, proposal, "One.", data_token=first)
    second = input_value(client.get(f"/proposals/{proposal.id}").get_data(as_text=True), "token")
    assert second != first
    post(client, proposal, "Two.", data_token=second)
    assert [c.body for c in comments(proposal)] == ["One.", "Two."]


def test_tokens_are_per_person(login_as):
    proposal = make_proposal()
    token = "a" * 32
    post(login_as(make_user()), proposal, "Mine.", data_token=token)
    post(login_as(make_user()), proposal, "Yours.", data_token=token)
    assert [c.body for c in comments(proposal)] == ["Mine.", "Yours."]


def test_an_empty_reply_says_write_your_reply(login_as):
    proposal = make_proposal()
    parent = make_comment(proposal, make_user())
    client = login_as(make_user())
    for body in ("", "   "):
        response = post(client, proposal, body, parent=parent)
        html = response.get_data(as_text=True)
        assert response.status_code == 400
        assert "Write your reply" in html and "Write your comment" not in html


def test_back_after_deleting_says_the_comment_was_deleted(login_as):
    proposal = make_proposal()
    me = make_user()
    comment = make_comment(proposal, me, body="Gone soon")
    client = login_as(me)
    assert client.submit(f"/comments/{comment.id}/delete").status_code == 302
    for again in (client.get, client.submit):  # Back shows the page; Delete is pressed again
        response = again(f"/comments/{comment.id}/delete")
        assert response.status_code == 302
        html = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "This comment was deleted." in html and "You cannot do that" not in html
    # From "Your contributions" too.
    response = client.get(f"/me/comments/{comment.id}/delete")
    assert response.status_code == 302
    assert "This comment was deleted." in client.get(response.headers["Location"]).get_data(
        as_text=True
    )


def test_the_same_box_sent_twice_at_once_gives_the_first_comment_not_an_error(login_as):
    """The second request looked before the first was written: the unique index refuses the
    copy and the service answers with the first comment, counted once."""
    from engage.comments import service
    from engage.extensions import db
    from tests.comments.test_routes import count

    proposal, person = make_proposal(), make_user()
    first = service.submit_comment(person, proposal, "More buses on Sundays.", token="cd" * 16)
    db.session.commit()
    again = service.submit_comment(person, proposal, "More buses on Sundays.", token="cd" * 16)
    db.session.commit()
    assert again.id == first.id
    assert [c.id for c in comments(proposal)] == [first.id]
    assert count(proposal) == 1
