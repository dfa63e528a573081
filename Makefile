# Engage Luton: `make run` serves the demo site, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
export FLASK_APP := wsgi.py
PYTEST_WORKERS ?= auto

.PHONY: run test lint install assets translations compile-translations migrate demo bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
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

run: install assets compile-translations demo
	$(BIN)/flask run --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install assets compile-translations lint
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q

bench: install assets compile-translations
	$(BIN)/python bench/run.py
	$(BIN)/python bench/moderation_checks.py

clean:
	rm -rf $(VENV) node_modules engage/static/dist instance .pytest_cache
