"""The open data download: what goes in, what never does, its description, page and command."""

import csv
import json
import sqlite3

import pytest

from engage.opendata.builder import build_open_data
from tests.api.world import SECRET, build_public_record


@pytest.fixture
def w():
    return build_public_record()


@pytest.fixture
def built(w, tmp_path):
    out = tmp_path / "open-data"
    package = build_open_data(out)
    return out, package


def _rows(out, table):
    with (out / "csv" / f"{table}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_file_and_nothing_private(built):
    out, package = built
    assert (out / "engage-luton.db").exists()
    everything = [p.read_bytes() for p in out.rglob("*") if p.is_file()]
    for data in everything:
        assert SECRET.encode() not in data
        assert b"example.org" not in data  # no email address
        assert b"Lovelace" not in data  # no name
    names = [r["name"] for r in package["resources"]]
    assert names == [
        "priorities", "boards", "plans", "proposals", "outcomes", "comments", "vote-totals",
        "surveys", "survey-questions", "survey-results", "survey-text-answers",
    ]  # fmt: skip


def test_datapackage_describes_every_column_of_every_csv(built):
    out, _ = built
    package = json.loads((out / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "OGL-UK-3.0"
    assert package["created"]
    with sqlite3.connect(out / "engage-luton.db") as db:
        for resource in package["resources"]:
            fields = [f["name"] for f in resource["schema"]["fields"]]
            assert all(f["description"] for f in resource["schema"]["fields"])
            with (out / resource["path"]).open(encoding="utf-8") as f:
                assert next(csv.reader(f)) == fields
            table = resource["path"][4:-4]
            columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
            assert columns == fields
            count = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            assert count == resource["rows"]


def test_public_rows(built, w):
    out, _ = built
    assert {int(r["id"]) for r in _rows(out, "proposals")} == {w.open.id, w.closed.id, w.decided.id}
    assert [r["we_did"] for r in _rows(out, "outcomes")] == ["We will build two paths."]
    comments = _rows(out, "comments")
    assert [int(c["id"]) for c in comments] == [w.comment.id, w.reply.id]
    assert comments[1]["parent_id"] == str(w.comment.id)
    assert all(len(c["author_key"]) == 20 for c in comments)
    votes = {(int(v["proposal_id"]), v["group"]): v for v in _rows(out, "vote_totals")}
    assert votes[(w.open.id, "adults")]["agree"] == "1"
    assert votes[(w.open.id, "adults")]["unsure"] == "0"  # the unconfirmed address
    assert votes[(w.open.id, "young_people")]["disagree"] == "1"
    assert [t["text"] for t in _rows(out, "survey_text_answers")] == ["Friendly"] * 5


def test_small_numbers_suppressed(built, w):
    out, _ = built
    results = [r for r in _rows(out, "survey_results") if r["survey_id"] == str(w.survey.id)]
    options = {r["value"]: r for r in results if r["measure"] == "option"}
    assert options["no"]["count"] == "" and options["no"]["suppressed"] == "true"
    assert options["not_sure"]["count"] == "" and options["yes"]["count"] == "7"
    surveys = {int(s["id"]): s for s in _rows(out, "surveys")}
    assert surveys[w.survey.id]["responses"] == "9"
    assert surveys[w.unpublished.id]["responses"] == ""  # results not out
    assert w.draft_survey.id not in surveys


def test_author_keys_keyed_and_match_the_api(built, w, client, app):
    out, _ = built
    key = _rows(out, "comments")[0]["author_key"]
    assert client.get(f"/api/v1/comments/{w.comment.id}").get_json()["author_key"] == key
    from engage.api.public import author_key

    app.config["OPEN_DATA_KEY"] = "another key"
    try:
        assert author_key(w.resident.id) != key
    finally:
        app.config["OPEN_DATA_KEY"] = ""


def test_datasette_opens_it_as_is(built):
    # Datasette needs only a valid SQLite file with its tables; check the file is whole.
    out, _ = built
    with sqlite3.connect(out / "engage-luton.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        keys = db.execute('PRAGMA foreign_key_list("comments")').fetchall()
        assert any(k[2] == "proposals" for k in keys)


def test_rebuild_replaces_the_last_one(w, tmp_path):
    out = tmp_path / "open-data"
    build_open_data(out)
    (out / "stale.txt").write_text("old")
    build_open_data(out)
    assert not (out / "stale.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["open-data"]


def test_page_and_downloads(client, app, w, tmp_path):
    app.config["OPEN_DATA_DIR"] = str(tmp_path / "od")
    try:
        page = client.get("/open-data").get_data(as_text=True)
        assert "has not been built yet" in page
        assert client.get("/open-data/engage-luton.db").status_code == 404
        build_open_data(tmp_path / "od")
        page = client.get("/open-data").get_data(as_text=True)
        assert "Last built:" in page and "datasette engage-luton.db" in page
        db_file = client.get("/open-data/engage-luton.db")
        assert db_file.status_code == 200 and db_file.data.startswith(b"SQLite format 3")
        assert client.get("/open-data/datapackage.json").get_json()["name"] == "engage-luton"
        proposals = client.get("/open-data/csv/proposals.csv")
        assert proposals.status_code == 200 and proposals.mimetype == "text/csv"
        assert client.get("/open-data/csv/..%2Fdatapackage.csv").status_code == 404
        assert client.get("/open-data/csv/nothing.csv").status_code == 404
    finally:
        app.config["OPEN_DATA_DIR"] = str(tmp_path / "unused")


def test_command(app, w, tmp_path):
    # In a thread of its own, as cron or a job queue runs it: no request, no request context.
    import threading

    done = {}

    def run():
        done["result"] = app.test_cli_runner().invoke(
            args=["engage", "open-data", "--out", str(tmp_path / "cli")]
        )

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    result = done["result"]
    assert result.exit_code == 0, (result.output, result.exception)
    assert "survey-results: " in result.output
    assert "comments: 2 rows" in result.output
    assert (tmp_path / "cli" / "datapackage.json").exists()


@pytest.fixture
def tiny_batches(monkeypatch):
    # Batches of two: every table crosses batch boundaries, as a town's do at 1,000.
    from engage.opendata import tables

    monkeypatch.setattr(tables, "BATCH", 2)


def test_streamed_in_batches_the_same_rows_and_nothing_private(w, tmp_path, tiny_batches):
    from tests.factories import make_comment, make_proposal, make_user

    people = [make_user() for _ in range(3)]
    extra = [make_proposal(priority=w.priority, title=f"Grown {n}") for n in range(4)]
    grown = [make_comment(extra[n % 4], people[n % 3], body=f"Grown {n}") for n in range(7)]
    out = tmp_path / "open-data"
    package = build_open_data(out)
    for data in (p.read_bytes() for p in out.rglob("*") if p.is_file()):
        assert SECRET.encode() not in data and b"example.org" not in data
    comments = [int(c["id"]) for c in _rows(out, "comments")]
    assert comments == sorted([w.comment.id, w.reply.id, *(c.id for c in grown)])
    proposals = {int(r["id"]) for r in _rows(out, "proposals")}
    assert proposals == {w.open.id, w.closed.id, w.decided.id, *(p.id for p in extra)}
    votes = _rows(out, "vote_totals")
    assert len(votes) == 2 * len(proposals)  # adults and young people, for every proposal
    assert [r["we_did"] for r in _rows(out, "outcomes")] == ["We will build two paths."]
    rows = {r["name"]: r["rows"] for r in package["resources"]}
    assert rows["comments"] == len(comments) and rows["proposals"] == len(proposals)
    # Small numbers stay suppressed after streaming, and the totals follow the same rule.
    surveys = {int(s["id"]): s for s in _rows(out, "surveys")}
    assert surveys[w.survey.id]["responses"] == "9"
    assert surveys[w.unpublished.id]["responses"] == ""
    assert w.draft_survey.id not in surveys
    results = [r for r in _rows(out, "survey_results") if r["survey_id"] == str(w.survey.id)]
    options = {r["value"]: r for r in results if r["measure"] == "option"}
    assert options["no"]["count"] == "" and options["no"]["suppressed"] == "true"


def test_too_few_responses_are_not_counted_in_the_surveys_table(w, tmp_path):
    from tests.surveys.helpers import add_responses, make_survey

    few = make_survey(priority=w.priority, title="Few", results_published=True)
    add_responses(few, 3, values=["yes"])
    out = tmp_path / "open-data"
    build_open_data(out)
    surveys = {int(s["id"]): s for s in _rows(out, "surveys")}
    assert surveys[few.id]["responses"] == "" and surveys[few.id]["results_published"] == "true"


def test_the_export_reads_in_batches(w, tmp_path, tiny_batches):
    # Each table's rows come from queries of at most BATCH rows: more rows, more statements.
    import sqlalchemy as sa

    from engage.extensions import db

    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        build_open_data(tmp_path / "open-data")
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    comment_reads = [s for s in statements if "FROM comment" in s and "LIMIT" in s]
    assert len(comment_reads) == 2  # the two public comments: a full batch, then an empty one
