# The commands people run. `make run` and `make test` set everything up from a fresh clone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Seconds between two runs of publish_scheduled beside the development server (`make run`).
SCHEDULER_INTERVAL ?= 60
PYTEST_ARGS ?=
TEST_WORKERS ?= auto
LIGHTHOUSE_PORT ?= 8090
LIGHTHOUSE_ARGS ?=

.PHONY: run test lint format install install-dev browser captures lighthouse clean prod-local prod-local-check loadtest backup restore

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

## Our French for Wagtail's admin (locale/, see LOCALE_PATHS): each .po is compiled to its .mo with
## Babel's pybabel (pinned in requirements.txt), so no system gettext is needed. The .mo files are
## build products, not in git; every target that installs compiles them.
LOCALE_MO := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | $(VENV)/.runtime-installed
	$(PY) -m babel.messages.frontend compile --statistics -i $< -o $@

install: $(VENV)/.runtime-installed $(LOCALE_MO)

install-dev: $(VENV)/.dev-installed $(LOCALE_MO)

## Browser for the accessibility and end-to-end tests: Debian's Chromium (never a download).
browser:
	@bash tests/browser/ensure-chromium.sh

## Retake the admin screenshots of the editors' guide into docs/captures/ (then commit them): the
## browser test of the review loop takes them; without UPDATE_DOC_CAPTURES it keeps them aside.
captures: install-dev browser
	UPDATE_DOC_CAPTURES=1 $(PY) -m pytest tests/browser/test_review_loop.py -m browser -q -p no:cacheprovider

## Install, migrate, load the demo content and serve http://127.0.0.1:8000 (login admin / admin).
## The scheduler (publish_scheduled every SCHEDULER_INTERVAL seconds) runs beside the server and
## stops with it (Ctrl-C).
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_local_admin
	@$(PY) manage.py run_scheduler --interval $(SCHEDULER_INTERVAL) & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null; wait $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## Save the database and the media into one dated archive in BACKUP_DIR (default backups/).
backup: install
	$(PY) manage.py backup

## Bring an archive back into an empty database and media folder (FORCE=1 replaces a non-empty one):
## make restore ARCHIVE=backups/club-20261201-021500Z.tar
restore: install
	@test -n "$(ARCHIVE)" || { echo "Usage : make restore ARCHIVE=backups/club-AAAAMMJJ-HHMMSSZ.tar [FORCE=1]"; exit 2; }
	$(PY) manage.py restore "$(ARCHIVE)" $(if $(FORCE),--force)

## Install the test tools and run the whole suite (DATABASE_URL picks the database).
## Browser tests run in their own pytest process: their live server empties the database after
## each test, and Playwright keeps an event loop in the main thread.
test: install-dev browser
	$(PY) -m pytest -m "not browser" -n $(TEST_WORKERS) $(PYTEST_ARGS)
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

## The production topology on loopback (Varnish -> gunicorn -> PostgreSQL + Redis), until Ctrl-C.
## PROXY_PORT, APP_PORT, PROD_LOCAL_DB, REDIS_URL override the defaults (see deploy/prod-local.sh).
prod-local: install
	bash deploy/prod-local.sh run

## Starts it, checks a cached page, a purge after publishing and /sante/, then stops it (CI).
prod-local-check: install
	timeout 600 bash deploy/check-prod-local.sh

## Load test on loopback: gunicorn with production settings, 2,000 news items, wrk; prints req/s,
## p50, p99, errors and the ratio to a bare Django view, cold and warm (see deploy/loadtest.sh).
loadtest: install
	timeout 1200 bash deploy/loadtest.sh

## Lighthouse (npm package, pinned in tools/lighthouse) with Debian's Chromium: the mobile audit of
## every page type, served with production settings (gunicorn, WhiteNoise) on 127.0.0.1.
tools/lighthouse/node_modules/.package-lock.json: tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	touch $@

lighthouse: install-dev browser tools/lighthouse/node_modules/.package-lock.json
	$(PY) tools/lighthouse/run.py --port $(LIGHTHOUSE_PORT) $(LIGHTHOUSE_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles tests/artifacts tools/lighthouse/node_modules
