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

.PHONY: run test lint format install install-dev browser clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

install: $(VENV)/.runtime-installed

install-dev: $(VENV)/.dev-installed

## Browser for the accessibility and end-to-end tests: Debian's Chromium (never a download).
browser:
	@bash tests/browser/ensure-chromium.sh

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

## Install the test tools and run the whole suite (DATABASE_URL picks the database).
## Browser tests run in their own pytest process: their live server empties the database after
## each test, and Playwright keeps an event loop in the main thread.
test: install-dev browser
	$(PY) -m pytest -m "not browser" -n $(TEST_WORKERS) $(PYTEST_ARGS)
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles tests/artifacts
