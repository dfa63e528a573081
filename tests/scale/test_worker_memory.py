"""What a web worker holds: the libraries only training, reports or the CLI need stay out of it.

Each of these cost every gunicorn worker megabytes from the start (docs/production.md, "Memory
per worker"): scikit-learn, SciPy and NLTK well over 100 MB, Alembic with Mako and Pygments 11 MB,
zxcvbn's word lists 11 MB. The app is built as gunicorn builds it (deploy/gunicorn.conf.py sets
ENGAGE_SERVING_WEB), warmed, and made to do what every worker does: check a comment, score a
reading age, render pages.
"""

import subprocess
import sys

HEAVY = {"sklearn", "scipy", "nltk", "textstat", "alembic", "flask_migrate", "mako", "zxcvbn"}

_SCRIPT = """
import sys
from engage import create_app
from engage.ops.warm import warm_up
app = create_app({{"SQLALCHEMY_DATABASE_URI": "sqlite:///{db}"}})
with app.app_context():
    from engage.extensions import db
    db.create_all()
    warm_up(app)
    from engage.moderation.checks import check_text
    check_text("add me on snap as jo_22, i dont want to be here anymore")
    from engage import readability
    readability.grade("We want to keep youth centres open later.")
client = app.test_client()
for path in ("/", "/surveys", "/account/sign-in", "/account/sign-up/adult", "/privacy"):
    assert client.get(path).status_code == 200, path
print(sorted({{m.split(".")[0] for m in sys.modules}} & {heavy!r}))
print("migrate" in app.extensions)
"""


def _imported(tmp_path, serving: str) -> tuple[str, str]:
    script = _SCRIPT.format(db=tmp_path / "worker.db", heavy=HEAVY)
    env = {"ENGAGE_ENV": "development", "ENGAGE_SERVING_WEB": serving, "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert out.returncode == 0, out.stderr[-3000:]
    heavy, migrate = out.stdout.strip().splitlines()[-2:]
    return heavy, migrate


def test_a_web_worker_imports_none_of_the_heavy_libraries(tmp_path):
    heavy, migrate = _imported(tmp_path, "1")
    assert heavy == "[]"
    assert migrate == "False"


def test_outside_the_web_server_the_database_commands_are_there(tmp_path):
    # `flask db upgrade` (make run, deploys) needs Flask-Migrate; only gunicorn leaves it out.
    heavy, migrate = _imported(tmp_path, "0")
    assert "alembic" in heavy
    assert migrate == "True"
