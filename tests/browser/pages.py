"""The registry of pages the browser suite checks, and the data ("world") they are shown with.

To check a new page, add one `Page(...)` to PAGES (and, if it needs data, a builder to
WORLD_BUILDERS). Every page is then checked with axe in each locale, in its normal state and,
where it has a form, its error state; at 320 px; at 200% text; and for requests to other origins.

- `url(world)` returns the page's path (use `url_for`; the world holds the objects to link to).
- `role` is who must be signed in to see it (None: signed out).
- `error(page)` drives the loaded page into its error state (usually: submit the form empty);
  the page must then answer 400 and show the GOV.UK error summary.
- `youth` marks pages made for young people: they must show help links (Childline and others).
- `status` is the expected status of the normal state (404 for the not-found page, say).
- `prepare(page, world)` runs once after signing in, to reach a page that needs earlier steps
  (a survey question needs the age question answered first, say).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

from flask import url_for

from engage.accounts.models import TokenPurpose
from engage.clock import utcnow
from engage.comments import service as comment_service
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalDocument, ProposalStatus
from engage.surveys.models import Audience
from tests.conftest import PASSWORD
from tests.factories import (
    make_comment,
    make_plan,
    make_priority,
    make_proposal,
    make_user,
    make_vote,
)
from tests.surveys.helpers import make_code, make_survey


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[SimpleNamespace], str]
    role: Role | None = None
    error: Callable | None = None
    youth: bool = False
    status: int = 200
    prepare: Callable | None = None  # prepare(page, world): reach the state (e.g. answer a step)
    once: bool = False  # the page shows only once (a confirmation): prepare before every load

    def __str__(self) -> str:
        return self.name


# Error-state actions -----------------------------------------------------------------------


def submit_empty(form: str = "main form[method=post]", button: str | None = None):
    """An action that empties every text box of the form, then submits it with its button."""

    def action(page):
        target = page.locator(form).first
        for box in target.locator(
            "input[type=text], input[type=email], input[type=password], input[type=url], "
            "input:not([type]), textarea"
        ).all():
            if box.is_visible():
                box.fill("")
        submit = target.locator(button or "button[type=submit]").first
        with page.expect_navigation():
            submit.click()

    return action


def submit_form(form: str, fill: dict[str, str] | None = None):
    """An action that fills some fields (selector -> value) and submits the given form."""

    def action(page):
        target = page.locator(form).first
        for selector, value in (fill or {}).items():
            target.locator(selector).fill(value)
        with page.expect_navigation():
            target.locator("button[type=submit]").first.click()

    return action


def click_button(form: str = "main form[method=post]"):
    """An action that submits a form as it is (nothing chosen): for pages with radios only."""

    def action(page):
        with page.expect_navigation():
            page.locator(form).first.locator("button[type=submit]").first.click()

    return action


def _survey_answered_to(number: int):
    """prepare(): take the world's survey up to question `number` (0: just the age question)."""

    def prepare(page, w):
        page.goto(url_for("surveys.age", survey_id=w.survey.id))
        page.locator("input[name=age]").first.check()
        with page.expect_navigation():
            page.locator("button[name=action][value=continue]").click()
        if number > 1:
            page.locator("input[name=answer][value=yes]").check()
            with page.expect_navigation():
                page.locator("button[name=action][value=continue]").click()
        if number > 2:
            with page.expect_navigation():
                page.locator("button[name=action][value=skip]").click()

    return prepare


def _survey_sent(page, w):
    _survey_answered_to(3)(page, w)
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").first.click()


def _password_step(role):
    """prepare(): give a staff member's password, stopping at the second step."""

    def prepare(page, w, user=None):
        user = user or w.users[role]
        page.goto(url_for("accounts.sign_in"))
        page.fill("#login", user.email)
        page.fill("#password", PASSWORD)
        with page.expect_navigation():
            page.locator("main button[type=submit]").click()

    return prepare


def _join_url(w) -> str:
    """A fresh, usable staff invitation link."""
    import hashlib
    import secrets

    from engage.staff.models import StaffInvite

    token = secrets.token_urlsafe(16)
    db.session.add(
        StaffInvite(
            email=f"invited-{token[:6].lower()}@luton.example",
            role=Role.OFFICER,
            token_hash=hashlib.sha256(token.encode()).hexdigest(),
            expires_at=utcnow() + timedelta(hours=1),
        )
    )
    db.session.commit()
    return url_for("staff.join", token=token)


# The world ---------------------------------------------------------------------------------

# Other features append functions that take the world and add what their pages need,
# e.g. `WORLD_BUILDERS.append(lambda w: setattr(w, "survey", make_survey()))`.
WORLD_BUILDERS: list[Callable[[SimpleNamespace], None]] = [
    # A colleague who has not set up two-step sign-in yet.
    lambda w: setattr(w, "new_staff", make_user(Role.OFFICER, mfa=False)),
]


def build_world() -> SimpleNamespace:
    """One of each role, priorities, proposals in every state, comments, replies and votes."""
    w = SimpleNamespace()
    w.users = {role: make_user(role) for role in Role}
    resident, young = w.users[Role.RESIDENT], w.users[Role.YOUNG_PERSON]
    w.priority = make_priority(
        title="Child friendly town",
        description="A town where children and young people are safe, heard and can do well.",
        youth_description="A town where you are safe, listened to and can do well.",
    )
    make_priority(title="Net zero town")
    plan = make_plan(name="Population and Wellbeing Strategy")
    w.proposal = make_proposal(
        priority=w.priority,
        plan_id=plan.id,
        title="Longer opening hours for youth centres",
        summary="Open the three youth centres until 9pm on weekdays, paid for by moving budget.",
        youth_summary="We want to keep youth centres open later, until 9pm on school days.",
        body="## Why\n\nYoung people asked for somewhere safe to go in the evening.\n\n"
        "## The options\n\n- Open later on weekdays\n- Open at weekends instead",
    )
    db.session.add(
        ProposalDocument(
            proposal_id=w.proposal.id, title="Youth survey results", url="/static/report.pdf"
        )
    )
    db.session.commit()
    w.comment = make_comment(w.proposal, resident, body="Good idea, my son would go.")
    w.reply = make_comment(
        w.proposal, w.users[Role.OFFICER], body="Thank you.", parent_id=w.comment.id
    )
    # Through the service, so moderation opens a case for it as it would for a real post.
    w.held = comment_service.submit_comment(young, w.proposal, "Can there be a music room?")
    db.session.commit()
    make_vote(w.proposal, resident)
    w.closed = make_proposal(ProposalStatus.CLOSED, priority=w.priority, title="New play parks")
    w.decided = make_proposal(
        ProposalStatus.DECIDED,
        priority=w.priority,
        title="Safer routes to school",
        outcome_you_said="Most of the 214 people who answered wanted 20 mph near schools.",
        outcome_we_did="We will bring in 20 mph zones near all schools by September.",
        outcome_why="It is what most people asked for and it cuts injuries.",
        decided_at=utcnow() - timedelta(days=2),
    )
    w.draft = make_proposal(ProposalStatus.DRAFT, priority=w.priority, title="A draft")
    w.survey = make_survey(
        priority=w.priority,
        audience=Audience.EVERYONE,
        title="Parks and play",
        questions=[
            {"kind": "yes_no", "text": "Do you go to a park?"},
            {"kind": "short_text", "text": "One word for Luton's parks", "required": False},
        ],
    )
    for build in WORLD_BUILDERS:
        build(w)
    return w


def _poster_url(w) -> str:
    # Made on first use (once per world): the page is loaded once per language.
    if not hasattr(w, "poster_code"):
        w.poster_code = make_code(w.survey, label="Year 8", code="P7Q2")
    return url_for("surveys.manage_code_poster", survey_id=w.survey.id, code_id=w.poster_code.id)


def _reset_url(w) -> str:
    return url_for("accounts.reset_password", token=_token(w, TokenPurpose.RESET_PASSWORD))


def _verify_url(w) -> str:
    return url_for("accounts.verify_email", token=_token(w, TokenPurpose.VERIFY_EMAIL))


def _token(w, purpose) -> str:
    """A fresh emailed-link secret for the world's resident (links are single-use)."""
    from engage.accounts.tokens import issue_token

    secret = issue_token(w.users[Role.RESIDENT], purpose)
    db.session.commit()
    return secret


# The registry ------------------------------------------------------------------------------

PAGES: list[Page] = [
    # Public pages
    Page("home", lambda w: url_for("proposals.home")),
    Page("home (young person)", lambda w: url_for("proposals.home"), Role.YOUNG_PERSON, youth=True),
    Page("priority", lambda w: url_for("proposals.priority", slug=w.priority.slug)),
    Page(
        "proposal (signed out)", lambda w: url_for("proposals.proposal", proposal_id=w.proposal.id)
    ),
    Page(
        "proposal",
        lambda w: url_for("proposals.proposal", proposal_id=w.proposal.id),
        Role.RESIDENT,
        error=submit_empty("form[action$='/comments']:not(:has(input[name=parent_id]))"),
    ),
    Page(
        "proposal (young person)",
        lambda w: url_for("proposals.proposal", proposal_id=w.proposal.id),
        Role.YOUNG_PERSON,
        error=submit_form("form[action$='/vote']"),
        youth=True,
    ),
    Page("proposal (decided)", lambda w: url_for("proposals.proposal", proposal_id=w.decided.id)),
    Page("help", lambda w: url_for("main.help_page"), youth=True),
    Page("house rules", lambda w: url_for("main.house_rules"), youth=True),
    Page("privacy notice", lambda w: url_for("main.privacy"), youth=True),
    Page("accessibility statement", lambda w: url_for("main.accessibility")),
    Page("page not found", lambda w: "/no-such-page", status=404),
    Page("forbidden", lambda w: url_for("proposals.manage_proposals"), Role.RESIDENT, status=403),
    # Accounts
    Page("sign in", lambda w: url_for("accounts.sign_in"), error=submit_empty()),
    Page("create an account", lambda w: url_for("accounts.sign_up")),
    Page("sign up (adult)", lambda w: url_for("accounts.sign_up_adult"), error=submit_empty()),
    Page(
        "sign up (young person)",
        lambda w: url_for("accounts.sign_up_young"),
        error=submit_empty(),
        youth=True,
    ),
    Page("forgot password", lambda w: url_for("accounts.forgot_password"), error=submit_empty()),
    Page("reset password", _reset_url, error=submit_empty()),
    Page("recover with code", lambda w: url_for("accounts.recover"), error=submit_empty()),
    Page("your account", lambda w: url_for("accounts.account"), Role.RESIDENT),
    Page("your account (staff)", lambda w: url_for("accounts.account"), Role.OFFICER),
    Page(
        "sign in: code step",
        lambda w: url_for("accounts.two_factor"),
        error=submit_empty(),
        prepare=_password_step(Role.ADMIN),
    ),
    Page(
        "sign in: set up two-step sign-in",
        lambda w: url_for("accounts.two_factor_setup"),
        error=submit_empty(),
        prepare=lambda page, w: _password_step(None)(page, w, w.new_staff),
    ),
    Page("manage: staff", lambda w: url_for("staff.manage_staff"), Role.ADMIN),
    Page(
        "manage: invite staff",
        lambda w: url_for("staff.manage_staff_invite"),
        Role.ADMIN,
        error=submit_empty(),
    ),
    Page(
        "manage: staff member",
        lambda w: url_for("staff.manage_staff_member", user_id=w.users[Role.OFFICER].id),
        Role.ADMIN,
        error=submit_empty(),
    ),
    Page("staff: join from an invitation", _join_url, error=submit_empty()),
    Page("staff: invitation link not working", lambda w: "/staff/join/not-a-token", status=400),
    Page(
        "your details",
        lambda w: url_for("accounts.details"),
        Role.RESIDENT,
        error=submit_form("main form[method=post]", {"input[name=postcode_district]": "LU1 3JH"}),
    ),
    Page(
        "your details (young person)",
        lambda w: url_for("accounts.details"),
        Role.YOUNG_PERSON,
        error=submit_form("main form[method=post]", {"input[name=postcode_district]": "LU1 3JH"}),
        youth=True,
    ),
    Page(
        "change email address",
        lambda w: url_for("accounts.change_email"),
        Role.RESIDENT,
        error=submit_empty(),
    ),
    Page("confirm email address", _verify_url),
    Page("confirmation link that does not work", lambda w: "/account/verify/x", status=400),
    Page(
        "change password",
        lambda w: url_for("accounts.change_password"),
        Role.RESIDENT,
        error=submit_empty(),
    ),
    # Comments
    Page(
        "change a comment",
        lambda w: url_for("comments.edit", comment_id=w.comment.id),
        Role.RESIDENT,
        error=submit_empty(),
    ),
    Page(
        "delete a comment",
        lambda w: url_for("comments.delete", comment_id=w.comment.id),
        Role.RESIDENT,
    ),
    Page(
        "reply to a comment",
        lambda w: url_for("comments.reply", comment_id=w.comment.id),
        Role.RESIDENT,
        error=submit_empty(),
    ),
    Page(
        "reply to a comment (young person)",
        lambda w: url_for("comments.reply", comment_id=w.comment.id),
        Role.YOUNG_PERSON,
        error=submit_empty(),
        youth=True,
    ),
    # Me: one's own contributions
    Page("your contributions", lambda w: url_for("me.contributions"), Role.RESIDENT),
    Page(
        "your contributions (young person)",
        lambda w: url_for("me.contributions"),
        Role.YOUNG_PERSON,
        youth=True,
    ),
    Page(
        "me: delete a comment",
        lambda w: url_for("me.delete_comment", comment_id=w.comment.id),
        Role.RESIDENT,
    ),
    Page("me: delete everything", lambda w: url_for("me.delete_everything"), Role.RESIDENT),
    Page("me: delete account", lambda w: url_for("me.delete_account"), Role.RESIDENT),
    Page("me: account deleted", lambda w: url_for("me.account_deleted")),
    # Surveys
    Page("surveys", lambda w: url_for("surveys.surveys")),
    Page("survey", lambda w: url_for("surveys.survey", survey_id=w.survey.id)),
    Page(
        "survey: age question",
        lambda w: url_for("surveys.age", survey_id=w.survey.id),
        error=click_button(),
    ),
    Page(
        "survey: question",
        lambda w: url_for("surveys.question", survey_id=w.survey.id, number=1),
        error=click_button(),
        prepare=_survey_answered_to(1),
    ),
    Page(
        "survey: check answers",
        lambda w: url_for("surveys.check", survey_id=w.survey.id),
        prepare=_survey_answered_to(3),
    ),
    Page(
        "survey: done",
        lambda w: url_for("surveys.done", survey_id=w.survey.id),
        prepare=_survey_sent,
        once=True,
    ),
    Page("survey: enter a code", lambda w: url_for("surveys.code_entry")),
    Page(
        "survey (young person)",
        lambda w: url_for("surveys.survey", survey_id=w.survey.id),
        Role.YOUNG_PERSON,
        youth=True,
    ),
    # Moderation and reports
    Page(
        "report a comment",
        lambda w: url_for("moderation.report_comment", comment_id=w.comment.id),
        Role.YOUNG_PERSON,
        error=click_button(),
        youth=True,
    ),
    Page("notifications", lambda w: url_for("moderation.notifications"), Role.YOUNG_PERSON),
    Page("manage: moderation queue", lambda w: url_for("moderation.manage_queue"), Role.MODERATOR),
    Page(
        "manage: moderate an item",
        lambda w: url_for("moderation.manage_item", source="comment", item_id=w.held.id),
        Role.MODERATOR,
        error=submit_form("form[action$='/reject']"),
    ),
    Page(
        "manage: safeguarding queue",
        lambda w: url_for("moderation.manage_safeguarding"),
        Role.SAFEGUARDING_LEAD,
    ),
    Page("manage: audit log", lambda w: url_for("moderation.manage_audit"), Role.MODERATOR),
    Page(
        "manage: subject access",
        lambda w: url_for("privacy.manage_subject_access"),
        Role.ADMIN,
        error=submit_empty(),
    ),
    Page(
        "manage: moderation dashboard",
        lambda w: url_for("moderation.manage_dashboard"),
        Role.MODERATOR,
    ),
    Page(
        "manage: a person's history",
        lambda w: url_for("moderation.manage_person", user_id=w.users[Role.YOUNG_PERSON].id),
        Role.MODERATOR,
    ),
    # Translations
    Page(
        "manage: translations", lambda w: url_for("translations.manage_translations"), Role.OFFICER
    ),
    Page(
        "manage: translate a proposal",
        lambda w: url_for(
            "translations.manage_translation_edit",
            entity="proposal",
            entity_id=w.proposal.id,
            locale="ur",
        ),
        Role.OFFICER,
    ),
    # Staff pages
    Page("manage proposals", lambda w: url_for("proposals.manage_proposals"), Role.OFFICER),
    Page(
        "manage: new proposal",
        lambda w: url_for("proposals.manage_proposal_new"),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "manage: edit proposal",
        lambda w: url_for("proposals.manage_proposal_edit", proposal_id=w.proposal.id),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "manage: outcome",
        lambda w: url_for("proposals.manage_proposal_outcome", proposal_id=w.closed.id),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page("manage priorities", lambda w: url_for("proposals.manage_priorities"), Role.OFFICER),
    Page(
        "manage: edit priority",
        lambda w: url_for("proposals.manage_priority_edit", priority_id=w.priority.id),
        Role.OFFICER,
        error=submit_empty(),
    ),
]

# Officers' survey pages
PAGES += [
    Page("manage surveys", lambda w: url_for("surveys.manage_surveys"), Role.OFFICER),
    Page(
        "manage: new survey",
        lambda w: url_for("surveys.manage_survey_new"),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "manage: a survey",
        lambda w: url_for("surveys.manage_survey", survey_id=w.survey.id),
        Role.OFFICER,
    ),
    Page(
        "manage: edit survey",
        lambda w: url_for("surveys.manage_survey_edit", survey_id=w.survey.id),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "manage: new question",
        lambda w: url_for("surveys.manage_question_new", survey_id=w.survey.id),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "manage: edit question",
        lambda w: url_for(
            "surveys.manage_question_edit",
            survey_id=w.survey.id,
            question_id=w.survey.questions[0].id,
        ),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "manage: delete question",
        lambda w: url_for(
            "surveys.manage_question_delete",
            survey_id=w.survey.id,
            question_id=w.survey.questions[1].id,
        ),
        Role.OFFICER,
    ),
    Page(
        "manage: join codes",
        lambda w: url_for("surveys.manage_codes", survey_id=w.survey.id),
        Role.OFFICER,
        error=submit_empty("main form[method=post]:not(.engage-inline-form)"),
    ),
    Page(
        "manage: join code poster",
        lambda w: _poster_url(w),
        Role.OFFICER,
    ),
    Page(
        "manage: survey results",
        lambda w: url_for("surveys.manage_results", survey_id=w.survey.id),
        Role.OFFICER,
    ),
]


def _feature_pages() -> None:
    """Add each feature's pages from `tests/browser/pages_<feature>.py` (PAGES and WORLD_BUILDERS).

    A feature keeps its browser pages in its own module, so features never edit the same list.
    """
    import importlib
    import pkgutil

    import tests.browser as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("pages_"):
            module = importlib.import_module(f"tests.browser.{info.name}")
            PAGES.extend(getattr(module, "PAGES", []))
            WORLD_BUILDERS.extend(getattr(module, "WORLD_BUILDERS", []))


_feature_pages()
