"""Work a server process does once, before its first request, so that no visitor waits for it."""

from flask import Flask

from engage.extensions import db


def warm_up(app: Flask) -> None:
    """Compile every template, build the moderation checks' patterns and load their model, and
    load the language detection models comments are tagged with."""
    from engage.i18n import preload_language_models
    from engage.moderation.checks import check_text

    # First: anything below that tags a text's language would load the models lazily instead.
    preload_language_models()
    for name in app.jinja_env.list_templates(extensions=["html"]):
        app.jinja_env.get_template(name)
    # Also loads the learned model's weights (engage/moderation/model.py), once per process.
    check_text("warm up the word lists")


def forget_connections(app: Flask) -> None:
    """In a process just forked: drop pooled connections inherited from the parent, unclosed."""
    # Closing them would close the parent's sockets too; dispose(close=False) just lets them go.
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
