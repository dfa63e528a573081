"""The app `make bench` serves: Engage Luton as `wsgi:app` builds it, plus one route that returns
"ok" after asking who is reading, so the benchmark can show what any request costs before a page
does anything (the "floor" rows). Nothing else differs from production."""

from flask_login import current_user

from wsgi import app


@app.route("/_floor")
def floor():
    """Everything every request pays (session cookie, account read, security headers), no page."""
    return "ok" if current_user.is_authenticated else "ok."
