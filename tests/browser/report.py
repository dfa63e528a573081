"""Report how many page x locale x state combinations the browser suite checked.

Workers count in tests/browser/helpers.py `checked`; each worker hands its count to the
controller (pytest-xdist's workeroutput), which adds them up and prints the total at the end.
These hooks are imported into tests/conftest.py so the controller process sees them too.
"""

_totals = {"combinations": 0}


def pytest_sessionfinish(session):
    """On a worker, hand the count to the controller; alone, keep it for the summary."""
    from tests.browser.helpers import checked

    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["a11y_combinations"] = checked["combinations"]
    else:
        _totals["combinations"] += checked["combinations"]  # 0 on an xdist controller


def pytest_testnodedown(node, error):
    """On the controller, add up each worker's count as it finishes."""
    _totals["combinations"] += getattr(node, "workeroutput", {}).get("a11y_combinations", 0)


def pytest_terminal_summary(terminalreporter):
    """Print the total, when the accessibility matrix ran."""
    if _totals["combinations"]:
        terminalreporter.write_line(
            f"Accessibility: checked {_totals['combinations']} page x locale x state combinations "
            "with axe (WCAG 2.0/2.1/2.2 A and AA, serious best practice), for other-origin "
            "requests and for help links on young people's pages."
        )
