"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Recipe: ../../../shared/e2e/README.md (never ``playwright install``: it downloads a browser, which
these machines cannot). ``make test`` installs Chromium with ``tests/browser/ensure-chromium.sh``.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio loop in the main thread; Django then refuses database
# access from what it takes for an async context, unless told otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# The last flag stops Chromium from looking up Google's hosts, which this closed network refuses.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}


@pytest.fixture
def screenshots_dir():
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def small_site(live_server):
    """A home page and two pages in the menu (quicker to build than the demo content)."""
    from tests.browser.site_data import build_small_site

    return build_small_site()


@pytest.fixture
def demo_site(live_server):
    """The demo content (home page, "Le Club", legal pages), built for one test.

    Live-server tests run in a transactional database that is emptied after each test.
    """
    from tests.browser.site_data import build_demo_site

    return build_demo_site()


@pytest.fixture
def site_data(demo_site):
    """The demo content plus one page of every news kind (see ``site_data.py``)."""
    from tests.browser.site_data import add_news

    return {**demo_site, **add_news(demo_site)}


@pytest.fixture
def news_section(transactional_db):
    """Home page and "Actualités" (with its rights and moderation), in an emptied database."""
    from wagtail.models import Page, Site

    from home.models import HomePage
    from tests.browser.site_data import ensure_wagtail_roots
    from tests.factories import NewsIndexPageFactory

    ensure_wagtail_roots()
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Club des Développeurs", slug="accueil", headline="Le réseau.")
    )
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Club des Développeurs",
    )
    return NewsIndexPageFactory(parent=home)
