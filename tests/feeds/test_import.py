"""The feed modules never touch the database at import time (it breaks migrations and tests)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "news.feeds.generators",
    "news.feeds.content",
    "news.feeds.state",
    "news.feeds.channels",
    "news.feeds.catalogue",
    "news.feeds.views",
    "news.feeds.routes",
    "news.templatetags.feed_links",
    "config.urls",
]


def test_feed_modules_import_without_a_database():
    code = (
        "import django; django.setup()\n"
        + "".join(f"import {module}\n" for module in MODULES)
        + "from news.models import NewsIndexPage\n"
        # The feed routes of the news index page resolve without a database too.
        + "resolver = NewsIndexPage.get_resolver()\n"
        + "print(resolver.reverse('theme_feed', slug='x', fmt='atom'))\n"
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
    assert result.stdout.strip() == "themes/x/flux.atom"
