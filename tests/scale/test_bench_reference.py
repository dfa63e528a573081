"""`make bench`'s reference: each block of scenarios is compared with hello measured around it.

Hello is not run here: bench.run's `_hello` gives set figures, in the order the benchmark asks.
"""

import pytest

from bench import run as bench_run


def _figures(rps: float) -> dict:
    return {"rps": rps, "p50_ms": 1.0, "p99_ms": 2.0, "bad_status": 0}


@pytest.fixture
def hello(monkeypatch):
    """Make each measurement of hello give the next of these figures."""
    given: list[float] = []
    monkeypatch.setattr(bench_run, "_hello", lambda args: _figures(given.pop(0)))
    return given


def test_a_blocks_rows_use_the_mean_of_hello_before_and_after_it(hello):
    hello += [4000.0, 3000.0, 5000.0]
    reference = bench_run.Reference(args=None)
    reference.measure("at the start")
    results = {"scenarios": []}
    with reference.block(results, "sqlite, page cache on") as during:
        assert during == 4000.0  # what the lines printed while it runs use
        bench_run._record(results, "home", "page cache on", _figures(1400.0), None, during)
        bench_run._record(results, "priority", "page cache on", _figures(700.0), None, during)
    with reference.block(results, "sqlite, page cache off") as during:
        assert during == 3000.0
        bench_run._record(results, "home", "page cache off", _figures(400.0), None, during)

    first, second, third = results["scenarios"]
    assert (first["reference_rps"], first["ratio_to_reference"]) == (3500, 0.4)
    assert (second["reference_rps"], second["ratio_to_reference"]) == (3500, 0.2)
    assert (third["reference_rps"], third["ratio_to_reference"]) == (4000, 0.1)
    assert [m["when"] for m in reference.measured] == [
        "at the start",
        "after sqlite, page cache on",
        "after sqlite, page cache off",
    ]


def test_the_results_say_how_far_hello_moved_and_what_the_ratios_use(hello):
    hello += [4000.0, 3000.0]
    reference = bench_run.Reference(args=None)
    reference.measure("at the start")
    with reference.block({"scenarios": []}, "postgresql, two instances"):
        pass
    said = bench_run._drift({"references": reference.measured})
    assert "3000 after postgresql, two instances" in said
    assert "(3000–4000, 25 % apart)" in said
    assert "mean of hello just before and just after it" in said
    assert bench_run._drift({"references": reference.measured[:1]}) == ""
