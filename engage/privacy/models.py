"""The log of subject access requests compiled by staff."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from engage.clock import utcnow
from engage.extensions import db


class SubjectAccessLog(db.Model):
    """One compiled subject access request: who compiled it, for which account, when.

    People are referenced by id without a foreign key (like the audit record), so the log
    outlives the accounts. The email or username searched for is not kept: only the account found.
    """

    __tablename__ = "subject_access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[int | None] = mapped_column()
    subject_user_id: Mapped[int | None] = mapped_column()
    found: Mapped[bool] = mapped_column(default=False)
    # The council's own case reference for the request (e.g. from its information governance log).
    reference: Mapped[str | None] = mapped_column(sa.String(60))
