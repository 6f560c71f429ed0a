"""The scheduler ``make run`` starts beside the development server publishes on time.

The command runs in its own process, exactly as the Makefile's ``run`` target starts it
(``manage.py run_scheduler --interval $(SCHEDULER_INTERVAL)``, the Makefile's default interval),
on the test database: a page scheduled one minute ahead goes live within two minutes, and SIGTERM
(what ``make run`` sends when the server stops) stops the loop.
"""

import datetime
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from tests.factories import ArticlePageFactory

GO_LIVE_AHEAD = datetime.timedelta(minutes=1)
DEADLINE = datetime.timedelta(minutes=2)  # after scheduling


def make_run_interval():
    """The seconds between two runs of ``publish_scheduled`` under ``make run`` (the Makefile's
    ``SCHEDULER_INTERVAL``), read from the Makefile so that the test runs what people run."""
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    assert "run_scheduler --interval $(SCHEDULER_INTERVAL)" in makefile
    return int(re.search(r"^SCHEDULER_INTERVAL \?= (\d+)$", makefile, re.M).group(1))


def shared_database(tmp_path):
    """``(DATABASE_URL for the subprocess, is_live(pk) reading what it wrote)``.

    PostgreSQL: the test database itself. SQLite: pytest-django's test database lives in memory,
    so it is copied to a file the subprocess opens.
    """
    if connection.vendor == "sqlite":
        path = tmp_path / "scheduler.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()

        def is_live(pk):
            with sqlite3.connect(path, timeout=10) as db:
                row = db.execute("SELECT live FROM wagtailcore_page WHERE id = ?", [pk]).fetchone()
            return bool(row[0])

        return f"sqlite:///{path}", is_live

    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    return url, lambda pk: Page.objects.filter(pk=pk, live=True).exists()


@pytest.mark.django_db(transaction=True)
def test_make_run_scheduler_publishes_a_page_scheduled_one_minute_ahead(news_index, tmp_path):
    interval = make_run_interval()
    assert interval <= 60
    page = ArticlePageFactory(parent=news_index, live=False, title="Programmée dans une minute")
    scheduled_at = timezone.now()
    go_live_at = scheduled_at + GO_LIVE_AHEAD
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None

    database_url, is_live = shared_database(tmp_path)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    scheduler = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler", "--interval", str(interval)],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        went_live = False
        while timezone.now() < scheduled_at + DEADLINE and scheduler.poll() is None:
            if is_live(page.pk):
                went_live = True
                break
            time.sleep(0.5)
        published_seen_at = timezone.now()
    finally:
        scheduler.send_signal(signal.SIGTERM)
        output, _ = scheduler.communicate(timeout=30)

    assert went_live, output
    assert published_seen_at >= go_live_at
    assert scheduler.returncode == 0, output
    assert published_seen_at < scheduled_at + DEADLINE
    assert f"publish_scheduled every {interval} s" in output
    assert "Scheduler stopped." in output


def test_scheduler_refuses_a_bad_interval():
    result = subprocess.run(
        [sys.executable, "manage.py", "run_scheduler", "--interval", "0"],
        cwd=Path(settings.BASE_DIR),
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "--interval must be a positive number" in result.stderr
