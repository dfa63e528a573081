"""Health of the services the site depends on."""

import sqlalchemy as sa
from flask import current_app

from engage.extensions import db


def health() -> tuple[bool, dict]:
    """Check the database (and Redis where configured); return (healthy, report)."""
    report: dict = {}
    healthy = True
    try:
        db.session.execute(sa.text("SELECT 1"))
        report["database"] = {"ok": True, "dialect": db.engine.dialect.name}
    except sa.exc.SQLAlchemyError as err:
        healthy = False
        report["database"] = {"ok": False, "error": err.__class__.__name__}
    url = current_app.config.get("REDIS_URL")
    if url:
        import redis

        try:
            redis.Redis.from_url(url, socket_timeout=1).ping()
            report["redis"] = {"ok": True}
        except redis.RedisError as err:
            healthy = False
            report["redis"] = {"ok": False, "error": err.__class__.__name__}
    return healthy, report
