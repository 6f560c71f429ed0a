"""One rule for what a visitor may see (``.visible()``, ``home.querysets``), applied everywhere pages are listed.

An expired page stays ``live`` until ``publish_scheduled`` runs; a page may carry a ``go_live_at``
still to come. Both must stay out of every list in the meantime: resource library, theme pages,
related links, search, sitemap, news listing and feeds.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.models import PageViewRestriction

from home.querysets import pages, visible_pages
from news.models import NewsPage
from resources.models import ResourcePage
from tests.factories import (
    ArticlePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    WebinarPageFactory,
)

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
MONDAY_9AM = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=PARIS)
LATER = MONDAY_9AM + datetime.timedelta(days=1, minutes=1)  # after expiry, before any cron run
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def set_dates(page, **dates):
    """Set ``expire_at`` / ``go_live_at`` on the page row only, as a scheduled page has them."""
    for name, value in dates.items():
        setattr(page, name, value)
    page.save(update_fields=list(dates))
    return page


def sitemap_locations(client):
    """Every URL of the sitemap's sections, found through its index (``/sitemap.xml``)."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    found = set()
    for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS):
        root = ET.fromstring(client.get(loc.text).content)
        found |= {
            url.findtext("sm:loc", namespaces=SITEMAP_NS)
            for url in root.findall("sm:url", SITEMAP_NS)
        }
    return found


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def library(home_page, news_index):
    """Two resources on one theme, one of which expires on Tuesday at 9:00."""
    with time_machine.travel(MONDAY_9AM, tick=False):
        index = ResourceIndexPageFactory(parent=home_page)
        kept = ResourcePageFactory(parent=index, title="Guide durable", themes=["Tourisme"])
        expiring = ResourcePageFactory(
            parent=index, title="Appel saisonnier zéphyr", themes=["Tourisme"]
        )
        set_dates(expiring, expire_at=MONDAY_9AM + datetime.timedelta(days=1))
        ArticlePageFactory(parent=news_index, title="Saison touristique", themes=["Tourisme"])
    return {"index": index, "kept": kept, "expiring": expiring}


def test_the_rule_checks_live_privacy_and_both_dates(home_page):
    with time_machine.travel(MONDAY_9AM, tick=False):
        now = MONDAY_9AM
        shown = ResourcePageFactory(parent=home_page, title="Visible")
        ResourcePageFactory(parent=home_page, title="Brouillon").unpublish()
        private = ResourcePageFactory(parent=home_page, title="Privée")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        set_dates(ResourcePageFactory(parent=home_page), expire_at=now)
        tomorrow = set_dates(
            ResourcePageFactory(parent=home_page), go_live_at=now + datetime.timedelta(days=1)
        )
        due = set_dates(
            ResourcePageFactory(parent=home_page, title="Due"),
            go_live_at=now,
            expire_at=now + datetime.timedelta(seconds=1),
        )
        assert set(ResourcePage.objects.visible()) == {shown, due}
        later = pages().type(ResourcePage).visible(now=now + datetime.timedelta(days=1))
        assert {page.pk for page in later} == {shown.pk, tomorrow.pk}


@pytest.fixture
def restricted_section(home_page):
    """A library with a public guide, and a section of it (with a page inside) that has aliases,
    one of them an alias of the other; a password is then put on the section."""
    index = ResourceIndexPageFactory(parent=home_page)
    shown = ResourcePageFactory(parent=index, title="Guide public")
    section = ResourcePageFactory(parent=index, title="Espace réservé")
    inside = ResourcePageFactory(parent=section, title="Fiche interne")
    alias = section.create_alias(parent=index, update_slug="espace-reserve-copie")
    alias_of_alias = alias.create_alias(parent=index, update_slug="espace-reserve-copie-2")
    everything = {shown, section, inside, alias.specific, alias_of_alias.specific}
    assert set(ResourcePage.objects.visible()) == everything
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type="password", password="x"
    )
    return {
        "shown": shown,
        "restriction": restriction,
        "alias_of_alias": alias_of_alias,
        "everything": everything,
    }


def test_a_restriction_hides_the_section_below_it_and_its_aliases(client, restricted_section):
    """A password on a section's page hides every page under it, and the pages an editor made as
    aliases of it (however many steps away), from the library; serving them asks the password;
    lifting it shows them again on the next request."""
    assert set(ResourcePage.objects.visible()) == {restricted_section["shown"]}
    html = text_of(client.get("/ressources/"))
    assert "Guide public" in html
    assert "Espace réservé" not in html and "Fiche interne" not in html
    alias_of_alias = client.get(restricted_section["alias_of_alias"].url)
    assert alias_of_alias.status_code == 200
    assert "Fiche interne" not in text_of(alias_of_alias)
    assert 'name="password"' in alias_of_alias.content.decode()

    restricted_section["restriction"].delete()
    assert "Fiche interne" in text_of(client.get("/ressources/"))


@pytest.mark.parametrize(
    "how",
    [
        "without the shared cache",
        "with more restricted sections than one query can list",
    ],
)
def test_the_rule_holds_when_the_restrictions_come_from_a_subquery(
    settings, monkeypatch, restricted_section, how
):
    if how == "without the shared cache":
        settings.DERIVED_CACHE_ENABLED = False
    else:
        monkeypatch.setattr("home.querysets.MAX_RESTRICTED_SECTIONS", 0)
    visible = set(ResourcePage.objects.visible())
    # The subquery sees restrictions on the page and its ancestors; an alias of the section is
    # still served behind the password (the test above).
    assert restricted_section["shown"] in visible
    assert not {"Espace réservé", "Fiche interne"} & {
        page.title for page in visible if page.alias_of_id is None
    }


def test_a_thousand_restricted_sections_do_not_break_the_lists(monkeypatch, restricted_section):
    """SQLite refuses a condition of a thousand terms: past ``MAX_RESTRICTED_SECTIONS``, the
    rule looks the restrictions up by a subquery."""
    paths = {f"0001{number:08d}" for number in range(1500)}
    monkeypatch.setattr("home.querysets.restricting_paths", lambda: frozenset(paths))
    assert restricted_section["shown"] in set(ResourcePage.objects.visible())


def test_search_form_of_the_rule_gives_the_same_pages(home_page):
    """``visible_for_search()`` is the same rule in a form Wagtail search accepts (Page does not index the
    dates as filter fields: a plain date filter raises ``FilterFieldError`` in ``.search()``)."""
    with time_machine.travel(MONDAY_9AM, tick=False):
        shown = ResourcePageFactory(parent=home_page, title="Zéphyr permanent")
        set_dates(
            ResourcePageFactory(parent=home_page, title="Zéphyr expiré"),
            expire_at=MONDAY_9AM - datetime.timedelta(minutes=1),
        )
        found = pages().type(ResourcePage).visible_for_search()
        assert list(found) == [shown.page_ptr]
        assert [page.pk for page in found.search("Zéphyr")] == [shown.pk]


def test_an_expired_resource_leaves_the_library_before_publish_scheduled(client, library):
    with time_machine.travel(MONDAY_9AM, tick=False):
        assert "Appel saisonnier zéphyr" in text_of(client.get("/ressources/"))
    with time_machine.travel(LATER, tick=False):
        assert ResourcePage.objects.get(pk=library["expiring"].pk).live  # no cron run yet
        html = text_of(client.get("/ressources/"))
        assert "Guide durable" in html
        assert "Appel saisonnier zéphyr" not in html
        # The theme filter of the library only offers themes with visible resources.
        assert "Appel saisonnier" not in text_of(client.get("/ressources/?theme=tourisme"))


def test_an_expired_resource_leaves_the_theme_pages(client, library):
    with time_machine.travel(MONDAY_9AM, tick=False):
        assert "Appel saisonnier zéphyr" in text_of(client.get("/actualites/themes/tourisme/"))
        assert "2 ressources" in text_of(client.get("/actualites/themes/"))
    with time_machine.travel(LATER, tick=False):
        assert "Appel saisonnier zéphyr" not in text_of(client.get("/actualites/themes/tourisme/"))
        themes = text_of(client.get("/actualites/themes/"))
        assert "1 ressource" in themes and "2 ressources" not in themes


def test_an_expired_resource_leaves_the_search(client, library):
    with time_machine.travel(MONDAY_9AM, tick=False):
        assert "Appel saisonnier zéphyr" in text_of(client.get("/recherche/", {"q": "zéphyr"}))
    with time_machine.travel(LATER, tick=False):
        html = text_of(client.get("/recherche/", {"q": "zéphyr", "type": "ressource"}))
        assert "Appel saisonnier zéphyr" not in html
        assert "Aucun résultat" in html


def test_an_expired_resource_leaves_the_sitemap(client, library):
    expiring = "http://localhost/ressources/" + library["expiring"].slug + "/"
    with time_machine.travel(MONDAY_9AM, tick=False):
        assert expiring in sitemap_locations(client)
    with time_machine.travel(LATER, tick=False):
        locations = sitemap_locations(client)
        assert expiring not in locations
        assert "http://localhost/ressources/" + library["kept"].slug + "/" in locations


def test_a_theme_carried_only_by_an_expired_page_leaves_the_sitemap(client, home_page):
    with time_machine.travel(MONDAY_9AM, tick=False):
        from tests.factories import NewsIndexPageFactory

        NewsIndexPageFactory(parent=home_page)
        index = ResourceIndexPageFactory(parent=home_page)
        set_dates(
            ResourcePageFactory(parent=index, themes=["Mobilités"]),
            expire_at=MONDAY_9AM + datetime.timedelta(hours=1),
        )
        assert "http://localhost/actualites/themes/mobilites/" in sitemap_locations(client)
    with time_machine.travel(LATER, tick=False):
        assert "http://localhost/actualites/themes/mobilites/" not in sitemap_locations(client)


def test_links_to_expired_or_not_yet_due_news_disappear(news_index, home_page):
    with time_machine.travel(MONDAY_9AM, tick=False):
        shown = ArticlePageFactory(parent=news_index, title="Toujours là")
        expired = set_dates(
            WebinarPageFactory(parent=news_index), expire_at=MONDAY_9AM - datetime.timedelta(1)
        )
        early = set_dates(
            ArticlePageFactory(parent=news_index), go_live_at=MONDAY_9AM + datetime.timedelta(1)
        )
        resource = ResourcePageFactory(parent=home_page, related_pages=[expired, shown, early])
        assert resource.get_related_news() == [shown]
        article = ArticlePageFactory(parent=news_index)
        article.related_links.create(related_page=expired)
        article.related_links.create(related_page=shown)
        article.related_links.create(related_page=early)
        assert article.visible_related_pages() == [shown]
        assert visible_pages([early.pk, shown.pk, None, shown.pk]) == [shown]


def test_news_not_yet_due_stays_out_of_the_listing(client, news_index):
    """A page may be live with a go-live date still to come (copied, imported, or edited in the
    shell): the news listing now follows the date, as the feeds already did."""
    with time_machine.travel(MONDAY_9AM, tick=False):
        ArticlePageFactory(parent=news_index, title="Déjà paru")
        set_dates(
            ArticlePageFactory(parent=news_index, title="Paraîtra demain"),
            go_live_at=MONDAY_9AM + datetime.timedelta(days=1),
        )
        html = text_of(client.get("/actualites/"))
        assert "Déjà paru" in html and "Paraîtra demain" not in html
        assert NewsPage.objects.live().count() == 2
