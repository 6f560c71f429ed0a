# The commands people run. `make run` and `make test` set everything up from a fresh clone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
TEST_WORKERS ?= auto

.PHONY: run test lint format install install-dev browser clean backup restore

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
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_local_admin
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

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles tests/artifacts
