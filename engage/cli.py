"""`flask engage ...` commands: staff accounts and demo data."""

import click
from flask import Flask, current_app, url_for
from sqlalchemy import func, select

from engage.extensions import db
from engage.ops.security_log import log_security_event
from engage.permissions import Role


def register_cli(app: Flask) -> None:
    """Attach the engage command group to the app."""

    @app.cli.group()
    def engage():
        """Engage Luton administration."""

    from engage.moderation.cli import check_text_command

    engage.add_command(check_text_command)
    from engage.search.cli import reindex_command

    engage.add_command(reindex_command)

    from engage.opendata.cli import open_data_command

    engage.add_command(open_data_command)

    from engage.votes.cli import recount_votes_command

    engage.add_command(recount_votes_command)

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
                verified=True,  # the administrator vouches for the address
            )
        except AccountError as err:
            raise click.ClickException(str(err)) from err
        db.session.commit()
        log_security_event("account.role_granted", None, target_user_id=user.id, role=role)
        click.echo(f"Created {role} account {user.email} (id {user.id}).")

    @engage.command("safeguarding-overdue")
    def safeguarding_overdue():
        """Email every safeguarding lead about items not opened in time (each item once per lead).

        Run it from cron, for example every 10 minutes.
        """
        from engage.moderation.safeguarding import notify_overdue_lead, safeguarding_leads

        sent = 0
        # Emails build their links (from BASE_URL) as a request would.
        with current_app.test_request_context(base_url=current_app.config["BASE_URL"] or None):
            for lead in safeguarding_leads():
                if notify_overdue_lead(lead):
                    sent += 1
                db.session.commit()  # each lead's alerts are kept once their email has gone
        click.echo(f"Emailed {sent} safeguarding lead(s).")

    @engage.command("worker")
    @click.option("--workers", type=int, default=None, help="Worker threads (JOBS_WORKERS).")
    @click.option("--no-periodic", is_flag=True, help="Leave the scheduled jobs to another worker.")
    def worker(workers, no_periodic):
        """Run the job queue's consumer: emails, digests and scheduled jobs (until stopped)."""
        from engage.jobs.queue import queue_for

        queue = queue_for()
        if queue.backend == "immediate":
            raise click.ClickException("JOBS_BACKEND is 'immediate': there is no queue to consume.")
        consumer = queue.huey.create_consumer(
            workers=workers or current_app.config["JOBS_WORKERS"],
            periodic=not no_periodic,
            worker_type="thread",
        )
        click.echo(f"Job worker on the {queue.backend} queue.")
        consumer.run()

    @engage.command("clear-survey-drafts")
    def clear_survey_drafts():
        """Delete survey answers in progress that expired or whose survey closed (run hourly)."""
        from engage.surveys.drafts import clear_drafts

        count = clear_drafts()
        db.session.commit()
        click.echo(f"Deleted {count} survey drafts.")

    def _echo_join_codes():
        from engage.demo.seed import DEMO_JOIN_CODES

        codes = DEMO_JOIN_CODES()
        if not codes:
            return
        # The addresses printed are the app's own (a test follows each of them). Outside a
        # request url_for needs SERVER_NAME, which `make run` does not set: build them as a
        # request to the site's root would.
        with current_app.test_request_context():
            click.echo(
                f"Demo join codes (young people type one at {url_for('surveys.code_entry')}, "
                "or open its address):"
            )
            for code, group, survey in codes:
                address = url_for("surveys.join", code=code)
                click.echo(f"  {code:<8} {address:<10} {group:<34} {survey}")

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
            click.echo("Demo logins (for this machine only; staff add the authenticator key):")
            for role, login, password, totp_secret in DEMO_LOGINS():
                click.echo(f"  {role:<18} {login:<28} {password:<24} {totp_secret}".rstrip())
            _echo_join_codes()

    @engage.command("generate")
    @click.option("--scale", type=float, default=1.0, show_default=True, help="Multiply all sizes.")
    @click.option("--proposals", type=int, default=None, help="Proposals (default 2,000).")
    @click.option("--comments", type=int, default=None, help="Comments (default 200,000).")
    @click.option("--votes", type=int, default=None, help="Votes (default 1,000,000).")
    @click.option("--accounts", type=int, default=None, help="Accounts (default 50,000).")
    @click.option(
        "--survey-responses", type=int, default=None, help="Survey responses (default 100,000)."
    )
    @click.option("--seed", type=int, default=2040, show_default=True, help="Random seed.")
    @click.option("--password", default=None, help="The one password every generated account has.")
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
    @click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
    def generate(
        scale, proposals, comments, votes, accounts, survey_responses, seed, password, as_json, yes
    ):  # noqa: E501
        """Fill the database with a town's worth of generated activity (benchmarks, load tests)."""
        import json
        from dataclasses import asdict

        from engage.ops.generate import DEFAULT_PASSWORD, Sizes
        from engage.ops.generate import generate as run

        sizes = Sizes().scaled(scale) if scale != 1.0 else Sizes()
        for name, value in [
            ("proposals", proposals),
            ("comments", comments),
            ("votes", votes),
            ("accounts", accounts),
            ("survey_responses", survey_responses),
        ]:
            if value is not None:
                setattr(sizes, name, value)
        if not yes:
            click.confirm(
                f"Add {sizes.accounts:,} generated accounts that all share one known password, "
                f"and {sizes.proposals:,} proposals, to {db.engine.url.render_as_string()}?",
                abort=True,
            )
        report = run(
            sizes,
            seed=seed,
            password=password or DEFAULT_PASSWORD,
            progress=None if as_json else click.echo,
        )
        if as_json:
            click.echo(json.dumps(asdict(report)))
        else:
            for note in report.notes:
                click.echo(f"Note: {note}")
            click.echo(f"Done in {report.total_seconds:.1f} s.")

    @engage.command("backup")
    @click.argument("destination", required=False, type=click.Path(dir_okay=False))
    def backup(destination):
        """Copy the SQLite database while the site runs (default: instance/backups/)."""
        from pathlib import Path

        from engage.ops.backup import BackupError, backup_sqlite

        try:
            path = backup_sqlite(
                db.engine.url.render_as_string(hide_password=False),
                Path(destination) if destination else None,
            )
        except BackupError as err:
            raise click.ClickException(str(err)) from err
        click.echo(f"Backed up to {path} ({path.stat().st_size:,} bytes, integrity check ok).")

    @engage.command("retention")
    @click.option("--dry-run", is_flag=True, help="List what would go; change nothing.")
    def retention(dry_run):
        """Remove what is past its retention period, keeping anonymous totals (run daily)."""
        from engage.privacy.retention import apply_retention, plan_retention, remove_backups

        if dry_run:
            plan = plan_retention()
            click.echo("Dry run: nothing changed. Due to go now:")
        else:
            plan = apply_retention()
            db.session.commit()
            remove_backups(plan.backups)
            click.echo("Retention done. Removed:")
        for line in plan.lines():
            click.echo(f"- {line}")
