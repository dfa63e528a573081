"""`flask engage ...` commands: staff accounts and demo data."""

import click
from flask import Flask
from sqlalchemy import func, select

from engage.extensions import db
from engage.permissions import Role


def register_cli(app: Flask) -> None:
    """Attach the engage command group to the app."""

    @app.cli.group()
    def engage():
        """Engage Luton administration."""

    @engage.command("create-user")
    @click.option("--email", required=True, help="Sign-in email address.")
    @click.option(
        "--role",
        type=click.Choice([r.value for r in Role if r != Role.YOUNG_PERSON]),
        default=Role.OFFICER.value,
        show_default=True,
    )
    @click.option("--name", default=None, help="Name shown on their comments.")
    @click.password_option(help="Password (asked for when not given).")
    def create_user(email, role, name, password):
        """Make a staff (or adult resident) account."""
        from engage.accounts.models import AgeBand, Connection
        from engage.accounts.service import AccountError, register_resident

        try:
            user = register_resident(
                email=email,
                password=password,
                age_band=AgeBand.PREFER_NOT,
                connection=Connection.WORK,
                display_name=name,
                role=Role(role),
            )
        except AccountError as err:
            raise click.ClickException(str(err)) from err
        db.session.commit()
        click.echo(f"Created {role} account {user.email} (id {user.id}).")

    @engage.command("seed-demo")
    @click.option("--quiet", is_flag=True, help="Do not print the demo logins.")
    def seed_demo(quiet):
        """Load the Luton demo data into an empty database (running it again adds nothing)."""
        from engage.demo.seed import DEMO_LOGINS, load_demo
        from engage.proposals.models import Priority

        if db.session.scalar(select(func.count()).select_from(Priority)):
            click.echo("Demo data already present; nothing added.")
        else:
            load_demo()
            db.session.commit()
            click.echo("Loaded the Luton demo data.")
        if not quiet:
            click.echo("Demo logins (for this machine only):")
            for role, login, password in DEMO_LOGINS():
                click.echo(f"  {role:<18} {login:<28} {password}")
