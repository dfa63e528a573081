"""Scale tests: `pytest -m scale` runs only the load and crash tests."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "scale: load and crash tests through gunicorn (run alone with -m scale)"
    )
