"""One queue: every source, oldest first, filters, context, time limits and the header count."""

import re

from engage.extensions import db
from engage.moderation.service import find_case
from engage.permissions import Role
from tests.factories import make_priority, make_proposal, make_user
from tests.moderation.helpers import (
    ABUSE_TEXT,
    PHONE_TEXT,
    age_case,
    held_comment,
    moderator,
    post,
)


def _order(page: str, words: list[str]) -> list[str]:
    return sorted(words, key=lambda w: page.index(w) if w in page else 10**9)


def test_queue_lists_held_items_oldest_first(login_as):
    newer, newer_case = held_comment("Second words")
    older, older_case = held_comment("First words")
    age_case(older_case, 5)
    page = login_as(moderator()).get("/manage/moderation").get_data(as_text=True)
    assert _order(page, ["Second words", "First words"]) == ["First words", "Second words"]
    assert "2 items are waiting" in page


def test_queue_shows_context_author_history_and_why_held(login_as):
    proposal = make_proposal(title="New skate park at Wardown")
    parent = post(make_user(), proposal, "The park needs lights first")
    young = make_user(Role.YOUNG_PERSON)
    # Past posts and a rejection for this author.
    earlier, earlier_case = held_comment("Old post", proposal, young)
    mod = moderator()
    from engage.moderation.service import reject_item

    reject_item(mod, earlier_case, "off_topic")
    db.session.commit()
    reply = post(young, proposal, "Lights and a skate park!", parent)
    page = login_as(mod).get("/manage/moderation").get_data(as_text=True)
    assert "New skate park at Wardown" in page
    assert "The park needs lights first" in page  # the parent comment
    assert "13 to 15" in page  # the author's age band
    assert "1 past post" in page and "1 rejection" in page
    assert "Written by a young person" in page
    assert find_case("comment", reply.id) is not None


def test_flagged_items_say_which_check_held_them(login_as):
    held_comment(PHONE_TEXT)
    post(make_user(), body=ABUSE_TEXT)
    page = login_as(moderator()).get("/manage/moderation").get_data(as_text=True)
    assert "Personal details" in page and "Abusive language" in page
    assert "Flagged by an automatic check" in page


def test_filter_by_source_priority_language_flag_and_waiting(login_as):
    p1, p2 = make_priority(title="Net zero town"), make_priority(title="Inclusive economy")
    a, a_case = held_comment("Solar panels on schools", make_proposal(priority=p1))
    b, b_case = held_comment(PHONE_TEXT, make_proposal(priority=p2))
    a_case.language, b_case.language = "en", "pl"
    db.session.commit()
    age_case(a_case, 30)
    mod = login_as(moderator())

    def shown(**args):
        page = mod.get("/manage/moderation", query_string=args).get_data(as_text=True)
        return {w for w in ("Solar panels", "07700") if w in page}

    assert shown() == {"Solar panels", "07700"}
    assert shown(source="comment") == {"Solar panels", "07700"}
    assert shown(source="survey_answer") == set()
    assert shown(priority=p1.id) == {"Solar panels"}
    assert shown(priority=p2.id) == {"07700"}
    assert shown(language="pl") == {"07700"}
    assert shown(flag="personal_details") == {"07700"}
    assert shown(flag="none") == {"Solar panels"}
    assert shown(waiting="overdue") == {"Solar panels"}
    assert shown(waiting="1h") == {"Solar panels"}
    assert shown(waiting="3d") == set()


def test_items_past_the_time_limit_stand_out(login_as, app):
    fresh, fresh_case = held_comment("Fresh")
    old, old_case = held_comment("Stale")
    age_case(old_case, 25)
    page = login_as(moderator()).get("/manage/moderation").get_data(as_text=True)
    assert page.count("Past time limit") == 1
    # The target is configurable.
    app.config["MODERATION_TARGET_HOURS"] = 48
    try:
        page = login_as(moderator()).get("/manage/moderation").get_data(as_text=True)
        assert "Past time limit" not in page
    finally:
        app.config["MODERATION_TARGET_HOURS"] = 24


def test_safeguarding_queue_has_its_own_one_hour_limit(login_as):
    from tests.moderation.helpers import RISK_TEXT

    comment, case = held_comment(RISK_TEXT)
    age_case(case, 2)
    page = login_as(make_user(Role.SAFEGUARDING_LEAD)).get("/manage/safeguarding")
    assert "Past time limit" in page.get_data(as_text=True)


def test_header_shows_queue_size_to_moderators_only(login_as):
    held_comment("One")
    held_comment("Two")
    page = login_as(moderator()).get("/").get_data(as_text=True)
    assert re.search(r"Moderation \(2\)", page)
    for role in (Role.RESIDENT, Role.YOUNG_PERSON, Role.OFFICER):
        page = login_as(make_user(role)).get("/").get_data(as_text=True)
        assert "Moderation (" not in page


def test_header_shows_unread_notifications(login_as):
    young = make_user(Role.YOUNG_PERSON)
    comment, case = held_comment("Hello", author=young)
    from engage.moderation.service import approve_item

    approve_item(moderator(), case)
    db.session.commit()
    client = login_as(young)
    assert "Notifications (1)" in client.get("/").get_data(as_text=True)
    client.get("/notifications")
    page = client.get("/").get_data(as_text=True)
    assert "Notifications (1)" not in page and "Notifications" in page


def test_queue_is_keyboard_usable_native_controls_only(login_as):
    held_comment("Check me")
    page = login_as(moderator()).get("/manage/moderation").get_data(as_text=True)
    # Every checkbox has a label; actions are real buttons in a real form; no script handlers.
    boxes = re.findall(r'<input class="govuk-checkboxes__input" id="([^"]+)"', page)
    assert boxes and all(f'for="{b}"' in page for b in boxes)
    assert 'name="action" value="approve"' in page and 'name="action" value="reject"' in page
    assert "onclick" not in page and 'tabindex="-1"' not in page


def test_header_shows_the_safeguarding_queue_size_to_leads_only(login_as):
    from tests.moderation.helpers import RISK_TEXT

    held_comment(RISK_TEXT)
    held_comment("Three benches please")
    for role in (Role.SAFEGUARDING_LEAD, Role.ADMIN):
        page = login_as(make_user(role)).get("/").get_data(as_text=True)
        assert re.search(r"Safeguarding \(1\)", page), role
    page = login_as(moderator()).get("/").get_data(as_text=True)
    assert "Safeguarding (" not in page and re.search(r"Moderation \(1\)", page)
