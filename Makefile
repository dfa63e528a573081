# Engage Luton: `make run` serves the demo site, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := wsgi.py
# `make run` and the demo are development: they start without BASE_URL (docs/security.md).
export ENGAGE_ENV ?= development
PYTEST_WORKERS ?= auto

.PHONY: run test lint install assets translations compile-translations migrate demo bench clean \
	lock lock-check bandit audit

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Exactly the versions in requirements.lock, each checked against its hash; then the app itself
# (no dependencies of its own: they are all in the lock, setuptools included for the build).
# pip itself first, at the lock's version (tools/lock_check.py says why).
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/activate
	$(BIN)/python tools/lock_check.py --pin pip > $(VENV)/pip.lock
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(VENV)/pip.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

ASSET_SOURCES := $(shell find assets scripts -type f 2>/dev/null)
engage/static/dist/manifest.json: node_modules/.installed $(ASSET_SOURCES)
	npm run --silent build

assets: engage/static/dist/manifest.json

# Extract, update and compile the interface catalogues (run after changing text). New strings
# arrive empty in every catalogue; tests/i18n fails until each language has them (docs/translating.md).
BABEL_DOMAINS := messages wtforms
WTFORMS_POT = $(shell $(BIN)/python -c 'import wtforms.i18n as w; print(w.messages_path())')/wtforms.pot

translations: install
	$(BIN)/pybabel --quiet extract -F babel.cfg -k _l -k ngettext:1,2 --add-comments=Translators: \
		--no-location --sort-output --project=engage-luton --ignore-dirs=".* node_modules instance" \
		-o translations/messages.pot .
	$(BIN)/pybabel --quiet update -i translations/messages.pot -d translations -D messages \
		--no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel --quiet update -i $(WTFORMS_POT) -d translations -D wtforms \
		--no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel --quiet compile -d translations -D "$(BABEL_DOMAINS)"

compile-translations: install
	@if ls translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel --quiet compile -d translations -D "$(BABEL_DOMAINS)"; fi

migrate: install
	$(BIN)/flask db upgrade

demo: migrate
	$(BIN)/flask engage seed-demo

# The job worker builds the links in emails from BASE_URL (it has no request to take them from):
# without it they would point at http://localhost/, not at the server `make run` starts.
DEV_BASE_URL := http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)

# The job worker (emails, digests, scheduled jobs) runs beside the site and stops with it.
run: install assets compile-translations demo
	BASE_URL=$${BASE_URL:-$(DEV_BASE_URL)} $(BIN)/flask engage worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT; \
		$(BIN)/flask run --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install assets compile-translations lint lock-check bandit
	@sh scripts/check-prereqs.sh
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q

# Supply chain. `make lock` (needs the package index) re-pins every dependency of pyproject.toml,
# with hashes, after any change to it; `make lock-check` (offline) fails when the two disagree.
lock: $(BIN)/activate
	$(BIN)/pip install --quiet 'pip-tools>=7.4,<8'
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --all-build-deps --extra test \
		--strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock pyproject.toml

lock-check: $(BIN)/activate
	$(BIN)/python tools/lock_check.py

# Static security checks of the app's own code (offline); findings are fixed or annotated
# `# nosec <id>` with the reason beside them.
bandit: install
	$(BIN)/bandit -q -r engage 2>&1 | grep -v "no failed test" ; exit $${PIPESTATUS[0]}

# Known vulnerabilities in the locked versions: asks the advisory database (needs the network).
audit: install bandit
	$(BIN)/pip-audit --require-hashes --disable-pip -r requirements.lock

bench: install assets compile-translations
	$(BIN)/python bench/run.py
	$(BIN)/python bench/moderation_checks.py
	$(BIN)/python bench/deep_pages.py
	$(BIN)/python bench/flat_costs.py

clean:
	rm -rf $(VENV) node_modules engage/static/dist instance .pytest_cache
