"""Two editors saving at once on the embedded SQLite database wait for each other, never get
"database is locked" (config/settings/base.py: WAL, busy timeout, IMMEDIATE transactions).

Each run is a separate Python process with the project's test settings on a file database: eight
threads, each with its own connection, read then write in one transaction, all reading before
any writes (a barrier), which is what two autosaves do. The control run drops the options and
shows that the same load fails without them.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

WRITERS = """
import json, os, sys, threading
import django
django.setup()
from django.conf import settings
from django.db import connection, connections, transaction

if os.environ.get("DROP_OPTIONS"):
    settings.DATABASES["default"]["OPTIONS"] = {"timeout": 20}
    connections["default"].settings_dict["OPTIONS"] = {"timeout": 20}

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS draft (id INTEGER PRIMARY KEY, n INTEGER)")
    cursor.execute("PRAGMA journal_mode")
    journal = cursor.fetchone()[0]
connection.close()

THREADS = 8
barrier = threading.Barrier(THREADS, timeout=30)
errors = []

def autosave():
    try:
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM draft")
                    seen = cursor.fetchone()[0]
                    try:
                        barrier.wait(timeout=2)  # everybody has read (or is queued to)
                    except threading.BrokenBarrierError:
                        pass
                    cursor.execute("INSERT INTO draft (n) VALUES (%s)", [seen])
        except Exception as error:
            errors.append(str(error))
    finally:
        connection.close()

threads = [threading.Thread(target=autosave) for _ in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM draft")
    rows = cursor.fetchone()[0]
print(json.dumps({"journal": journal, "rows": rows, "errors": errors}))
"""


def run_writers(tmp_path, **env):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'club.sqlite3'}",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", WRITERS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_concurrent_writers_never_see_database_is_locked(tmp_path):
    outcome = run_writers(tmp_path)
    assert outcome["journal"] == "wal"
    assert outcome["errors"] == []
    assert outcome["rows"] == 8


def test_without_the_options_the_same_writers_fail(tmp_path):
    outcome = run_writers(tmp_path, DROP_OPTIONS="1")
    assert any("database is locked" in error for error in outcome["errors"])
    assert outcome["rows"] < 8
