"""The privacy notice and accessibility statement show the settings: contacts and retention."""

import re

import pytest

from engage.ops.cache import bump_generation

SETTINGS = {
    "CONTROLLER_NAME": "Test Borough Council",
    "CONTROLLER_ADDRESS": "1 Test Street, Luton LU9 9ZZ",
    "ICO_REGISTRATION": "Z0000042",
    "DPO_EMAIL": "dpo.test@luton.example",
    "CONTACT_EMAIL": "access.test@luton.example",
    "CONTACT_PHONE": "01582 000111",
    "PROCESSORS": "Hosting: Example Cloud UK; Email: Example Mail Ltd",
    "RETENTION_COMMENT_DAYS": 111,
    "RETENTION_VOTE_DAYS": 112,
    "RETENTION_SURVEY_ANSWER_DAYS": 113,
    "RETENTION_MODERATION_CASE_DAYS": 414,
    "RETENTION_AUDIT_TEXT_DAYS": 415,
    "RETENTION_SAFEGUARDING_DAYS": 716,
    "RETENTION_SIGN_IN_LOG_DAYS": 87,
    "RETENTION_BACKUP_DAYS": 33,
}


@pytest.fixture
def settings(app):
    saved = {k: app.config[k] for k in SETTINGS}
    app.config.update(SETTINGS)
    bump_generation()  # pages cached with the old settings must not be served
    yield SETTINGS
    app.config.update(saved)
    bump_generation()


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


@pytest.mark.parametrize("lang", ["en", "pl", "ur", "ar"])
def test_the_privacy_notice_shows_the_settings_in_every_language(client, settings, lang):
    text = _text(client.get(f"/privacy?lang={lang}"))
    for key, value in settings.items():
        if key.startswith("CONTACT_"):
            continue  # the accessibility statement's contacts
        if key == "PROCESSORS":
            assert "Example Cloud UK" in text and "Example Mail Ltd" in text
        else:
            assert str(value) in text, key


def test_the_notice_says_what_is_kept_after_deleting_and_why(client):
    text = _text(client.get("/privacy"))
    assert "When you delete something, it is gone" in text
    assert "safeguarding lead" in text and "referral" in text
    assert "Article 9(2)(g)" in text and "Schedule 1, paragraph 18" in text
    assert "ico.org.uk/make-a-complaint" in text


def test_the_accessibility_statement_contacts_come_from_the_settings(client, settings):
    text = _text(client.get("/accessibility"))
    for key in ("CONTACT_EMAIL", "CONTACT_PHONE", "CONTROLLER_NAME"):
        assert settings[key] in text, key
