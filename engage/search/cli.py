"""`flask engage reindex`: rebuild the search index from the features' own tables."""

import click

from engage.extensions import db


@click.command("reindex")
@click.option("--kind", "kinds", multiple=True, help="Only this kind (comment, proposal...).")
def reindex_command(kinds):
    """Rebuild the search index (after a restore, an import, or a change to what is indexed)."""
    from engage.search.service import reindex

    counts = reindex(kinds or None)
    db.session.commit()
    for kind, count in sorted(counts.items()):
        click.echo(f"{kind}: {count} indexed")
