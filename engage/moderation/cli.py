"""`flask engage check-text`: run the automatic checks on messages read as JSON lines."""

import json
import sys

import click

from engage.moderation.cases import run_checks

# The checks' category names -> the names this command prints.
CATEGORY_NAMES = {
    "personal_details": "personal_details",
    "risk": "safeguarding_risk",
    "abuse": "abuse",
}
ORDER = ("personal_details", "safeguarding_risk", "abuse")


def held_categories(text: str) -> list[str]:
    """Why an adult's comment with this text would be held, by category (empty: published)."""
    # The same call screen_item() makes for every new or edited comment: a comment is held
    # exactly when this returns any flag.
    names = {CATEGORY_NAMES[str(flag.category)] for flag in run_checks(text)}
    return [name for name in ORDER if name in names]


@click.command("check-text")
def check_text_command():
    """Read {"text": ...} JSON lines on standard input; print {"categories": [...]} for each."""
    failed = False
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            message = json.loads(line)
            text = message["text"]
            if not isinstance(text, str):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            failed = True
            click.echo(json.dumps({"error": f'line {number}: expected {{"text": "..."}}'}))
            continue
        click.echo(json.dumps({"categories": held_categories(text)}, ensure_ascii=False))
    if failed:
        sys.exit(1)
