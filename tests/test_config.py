"""Settings read from the environment that shape the database connection (engage/config.py)."""

import pytest

from engage.config import engine_options, prepare_threshold


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, 5), ("5", 5), ("0", 0), ("12", 12), ("none", None), ("Off", None), ("", None)],
)
def test_prepare_threshold_reads_a_number_or_none(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("DB_PREPARE_THRESHOLD", raising=False)
    else:
        monkeypatch.setenv("DB_PREPARE_THRESHOLD", value)
    assert prepare_threshold() == expected


@pytest.mark.parametrize("value", ["-1", "five"])
def test_a_prepare_threshold_that_is_no_count_stops_the_app(monkeypatch, value):
    monkeypatch.setenv("DB_PREPARE_THRESHOLD", value)
    with pytest.raises(ValueError):
        prepare_threshold()


def test_only_postgresql_is_given_the_prepare_threshold(monkeypatch):
    monkeypatch.setenv("DB_PREPARE_THRESHOLD", "none")
    assert engine_options("postgresql+psycopg://db/engage")["connect_args"] == {
        "prepare_threshold": None
    }
    assert "prepare_threshold" not in engine_options("sqlite:///x.db")["connect_args"]
