"""Sign-in attempts are rate limited (on an app with rate limiting switched on)."""

from tests.accounts.helpers import page, rate_limited_app
from tests.conftest import PASSWORD
from tests.factories import make_user


def test_sign_in_is_refused_with_429_after_the_limit(app):
    user = make_user()

    with rate_limited_app(app, LOGIN_RATE_LIMIT="3 per minute") as limited:
        client = limited.test_client()
        for _ in range(3):
            wrong = client.submit("/account/sign-in", {"login": user.email, "password": "nope"})
            assert wrong.status_code == 400
        blocked = client.submit("/account/sign-in", {"login": user.email, "password": PASSWORD})

        assert blocked.status_code == 429
        assert "Too many tries" in page(blocked)
        # Reading the sign-in page is not limited, only attempts.
        assert client.get("/account/sign-in").status_code == 200
        assert client.get("/account/").status_code == 302


def test_the_test_app_itself_is_not_rate_limited(app, client):
    user = make_user()
    with rate_limited_app(app, LOGIN_RATE_LIMIT="1 per minute"):
        pass

    for _ in range(4):
        response = client.submit("/account/sign-in", {"login": user.email, "password": "nope"})
        assert response.status_code == 400
