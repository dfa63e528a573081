"""`flask engage recount-votes`: rebuild the vote totals' counters from the votes themselves."""

import click

from engage.extensions import db


@click.command("recount-votes")
def recount_votes_command():
    """Rebuild the vote counters from the votes (after a restore, an import or a repair)."""
    from engage.votes.counters import recount_votes

    written = recount_votes()
    db.session.commit()
    click.echo(f"Vote counters rebuilt: {written} counters.")
