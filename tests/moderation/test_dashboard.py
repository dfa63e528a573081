"""The dashboard: queue sizes, median time to decision, overdue items and agreement with flags."""

import re

from engage.extensions import db
from engage.moderation import service
from engage.permissions import Role
from tests.factories import make_user
from tests.moderation.helpers import (
    ABUSE_TEXT,
    PHONE_TEXT,
    RISK_TEXT,
    age_case,
    held_comment,
    moderator,
    post,
)


def _cell(page: str, cell_id: str) -> str:
    match = re.search(rf'id="{cell_id}">(.*?)</dd>', page, re.S)
    return " ".join(match.group(1).split())


def test_dashboard_figures(login_as):
    mod = moderator()
    # Decided after 2 hours and after 6 hours: the median is 4 hours.
    a, a_case = held_comment("Alpha")
    b, b_case = held_comment(PHONE_TEXT)
    age_case(a_case, 2)
    age_case(b_case, 6)
    service.approve_item(mod, a_case)
    service.approve_redacted(mod, b_case, "Great idea, text me to help")  # agrees with its flag
    abusive = post(make_user(), body=ABUSE_TEXT)
    service.approve_item(mod, service.find_case("comment", abusive.id))  # disagrees with its flag
    db.session.commit()
    # Still waiting: one past the 24-hour limit, one risk past the 1-hour limit.
    c, c_case = held_comment("Charlie")
    age_case(c_case, 30)
    held_comment("Delta")
    r, r_case = held_comment(RISK_TEXT)
    age_case(r_case, 2)

    d = service.dashboard()
    assert (d.waiting, d.safeguarding, d.overdue, d.safeguarding_overdue) == (2, 1, 1, 1)
    assert d.decisions_7 == d.decisions_30 == 3
    assert d.median_7 == 2.0  # 2 h, 6 h and ~0 h: the median is 2 h
    assert (d.flags_agreed, d.flagged_decisions) == (1, 2)
    assert d.by_category == {"abuse": (0, 1), "personal_details": (1, 1)}

    page = login_as(mod).get("/manage/moderation/dashboard").get_data(as_text=True)
    assert _cell(page, "waiting") == "2"
    assert _cell(page, "safeguarding") == "1"
    assert _cell(page, "overdue") == "1"
    assert _cell(page, "safeguarding-overdue") == "1"
    assert _cell(page, "median-7").startswith("2 hours (3 decisions)")
    assert _cell(page, "agreed").startswith("1 of 2")


def test_median_leaves_out_decisions_older_than_the_window():
    mod = moderator()
    a, a_case = held_comment("Old decision")
    event = service.approve_item(mod, a_case)
    db.session.commit()
    from datetime import timedelta

    from engage.clock import utcnow

    later = utcnow() + timedelta(days=10)
    d = service.dashboard(now=later)
    assert d.decisions_7 == 0 and d.median_7 is None
    assert d.decisions_30 == 1
    assert event.waited_seconds is not None


def test_dashboard_is_for_moderators(login_as):
    assert login_as(moderator()).get("/manage/moderation/dashboard").status_code == 200
    for role in (Role.RESIDENT, Role.OFFICER):
        assert login_as(make_user(role)).get("/manage/moderation/dashboard").status_code == 403
