"""The demo's logins, one per kind of person, listed on the sign-in page where the demo is loaded.

They are published already (README, `make run`'s output); someone trying the site in a browser
should not need the terminal to see it as a moderator or a young person does. Never shown in
production: demo_data_loaded() is False there.
"""

from engage.demo.banner import demo_data_loaded
from engage.demo.content import DEMO_USERS
from engage.i18n import _l

# The first demo account of each role, in the order people meet them.
_SHOWN = {
    "resident": _l("Resident"),
    "young": _l("Young person"),
    "moderator": _l("Moderator"),
    "safeguarding": _l("Safeguarding lead"),
    "officer": _l("Officer"),
    "admin": _l("Administrator"),
}


def demo_logins() -> list[dict]:
    """Who to sign in as, with what, where the demo is loaded and not in production; else []."""
    if not demo_data_loaded():
        return []
    logins = []
    for key, label in _SHOWN.items():
        person = DEMO_USERS[key]
        logins.append(
            {
                "who": label,
                "login": person.get("email") or person["username"],
                "password": person["password"],
            }
        )
    return logins
