"""The feed modules never touch the database at import time (it breaks migrations and tests)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "news.feed_content",
    "news.feeds",
    "news.feed_views",
    "news.feed_urls",
    "news.templatetags.feed_links",
    "config.urls",
]


def test_feed_modules_import_without_a_database():
    code = (
        "import django; django.setup()\n"
        "from django.urls import reverse\n"
        + "".join(f"import {module}\n" for module in MODULES)
        + "print(reverse('news_feeds:theme_atom', kwargs={'theme': 'x'}))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        # A database that cannot even be opened: any query would fail.
        "DATABASE_URL": "sqlite:////nonexistent-directory/feeds.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "/actualites/themes/x/flux.atom"
