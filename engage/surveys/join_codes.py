"""Join codes: how a class or group reaches a survey, with its responsible adult."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from engage.clock import today, utcnow
from engage.extensions import db
from engage.i18n import _
from engage.proposals.service import end_of_day
from engage.surveys.models import (
    JoinCode,
    Survey,
    new_code,
)
from engage.surveys.service import SurveyError


@dataclass
class ResponsibleAdult:
    """A group's responsible adult (for a school, its designated safeguarding lead)."""

    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None


def create_join_code(
    user, survey: Survey, label: str, expires_on: date | None, adult: ResponsibleAdult
) -> JoinCode:
    """Make a short code for one group, with the adult to contact if an answer shows a risk."""
    if expires_on and expires_on < today():
        raise SurveyError(_("The expiry date must be today or in the future"), "expires_on")
    if not (adult.name or "").strip():
        raise SurveyError(_("Enter the name of the group's responsible adult"), "adult_name")
    if not (adult.email or adult.phone):
        raise SurveyError(
            _("Give an email address or a phone number for the responsible adult"), "adult_email"
        )
    taken = set(db.session.scalars(select(JoinCode.code)))
    for _attempt in range(50):
        code = new_code()
        if code not in taken:
            break
    else:  # pragma: no cover - 24**4 codes; only reached when nearly all are used
        raise SurveyError(_("No join code is free. Expire some old codes first."))
    join_code = JoinCode(
        survey_id=survey.id,
        code=code,
        label=label,
        expires_at=end_of_day(expires_on),
        adult_name=adult.name.strip(),
        adult_role=adult.role or None,
        adult_email=adult.email or None,
        adult_phone=adult.phone or None,
    )
    db.session.add(join_code)
    db.session.flush()
    return join_code


def expire_join_code(user, join_code: JoinCode) -> None:
    """Stop a code working from now on; responses keep their group."""
    join_code.expires_at = utcnow() - timedelta(seconds=1)
    db.session.flush()


def find_join_code(code: str) -> JoinCode | None:
    """The join code typed or followed (case and spaces do not matter)."""
    code = "".join((code or "").split()).upper()
    if not code:
        return None
    return db.session.scalar(select(JoinCode).where(JoinCode.code == code))
