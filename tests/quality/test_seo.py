"""SEO and sharing: sitemap, robots.txt, titles, descriptions, canonical, OpenGraph, JSON-LD."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home import seo
from home.models import SiteSettings
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    SpeakerFactory,
    StandardPageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)
from tests.quality.html_head import read_head

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def head_of(page, rf):
    """The <head> tags of a page, rendered as base.html renders them (works without the page's
    own template, which the content apps provide)."""
    request = rf.get(page.url)
    html = Template("{% load seo %}{% seo_head %}").render(
        Context({"page": page, "request": request})
    )
    return read_head(html)


def only(items):
    assert len(items) == 1, items
    return items[0]


# Sitemap and robots.txt -----------------------------------------------------------------------
@pytest.fixture
def site_tree(home_page, news_index):
    club = StandardPageFactory(parent=home_page, title="Le Club", slug="le-club")
    draft = StandardPageFactory(parent=home_page, title="Brouillon", slug="brouillon", live=False)
    private = StandardPageFactory(parent=home_page, title="Privée", slug="privee")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    article = ArticlePageFactory(
        parent=news_index, title="Article public", themes=["Économie territoriale"]
    )
    article_draft = ArticlePageFactory(parent=news_index, title="Article brouillon")
    article_draft.themes.add("Thème des brouillons")
    article_draft.save_revision()  # a draft revision, never published
    article_draft.unpublish()
    hidden = ArticlePageFactory(
        parent=news_index, title="Article privé", themes=["Collectivité territoriale"]
    )
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    return {"club": club, "draft": draft, "private": private, "article": article}


def sitemap_urls(client):
    """Every URL of the sitemap: the index (``/sitemap.xml``), then each of its sections."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    index = ET.fromstring(response.content)
    urls = {}
    for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS):
        section = client.get(loc.text.removeprefix("http://localhost"))
        assert section.status_code == 200
        root = ET.fromstring(section.content)
        urls.update(
            {
                url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext(
                    "sm:lastmod", namespaces=SITEMAP_NS
                )
                for url in root.findall("sm:url", SITEMAP_NS)
            }
        )
    return urls


def test_sitemap_lists_live_public_pages_and_theme_pages_only(client, site_tree):
    urls = sitemap_urls(client)
    assert set(urls) == {
        "http://localhost/",
        "http://localhost/le-club/",
        "http://localhost/actualites/",
        "http://localhost/actualites/article-public/",
        "http://localhost/actualites/themes/",
        "http://localhost/actualites/themes/economie-territoriale/",
    }
    assert urls["http://localhost/actualites/themes/economie-territoriale/"]  # a lastmod


def test_sitemap_has_no_theme_pages_without_a_live_news_index(client, home_page):
    StandardPageFactory(parent=home_page, title="Le Club", slug="le-club")
    assert set(sitemap_urls(client)) == {"http://localhost/", "http://localhost/le-club/"}


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /" not in lines


# Titles, descriptions, canonical --------------------------------------------------------------
def test_standard_page_title_description_and_canonical(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Le Club",
        slug="le-club",
        seo_title="Qui sommes-nous ?",
        introduction="Un réseau lancé par la Région. " * 20,
    )
    head = read_head(client.get(page.url).content)
    assert head.title == "Qui sommes-nous ? | Club des Développeurs de Nouvelle-Aquitaine"
    description = head.first("description")
    assert description.startswith("Un réseau lancé par la Région.") and len(description) <= 160
    assert head.links["canonical"] == ["http://localhost/le-club/"]
    assert head.first("og:url") == "http://localhost/le-club/"
    assert head.first("og:title") == "Qui sommes-nous ?"
    assert head.first("og:description") == description
    assert "robots" not in head.meta


def test_search_description_wins_over_the_introduction(client, home_page):
    page = StandardPageFactory(
        parent=home_page, introduction="Chapô.", search_description="Pour les moteurs."
    )
    head = read_head(client.get(page.url).content)
    assert head.first("description") == "Pour les moteurs."
    assert head.title == f"{page.title} | Club des Développeurs de Nouvelle-Aquitaine"


def test_the_site_name_comes_from_the_wagtail_site(client, home_page):
    site = home_page.get_site()
    site.site_name = "Le Club NA"
    site.save()
    assert read_head(client.get("/").content).title == "Accueil | Le Club NA"


def test_canonical_ignores_the_query_string(client, home_page):
    head = read_head(client.get("/?utm_source=lettre").content)
    assert head.links["canonical"] == ["http://localhost/"]


def test_404_is_not_indexed(client, home_page):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    head = read_head(response.content)
    assert head.first("robots") == "noindex"
    assert "canonical" not in head.links


# OpenGraph and Twitter cards --------------------------------------------------------------------
def test_sharing_a_news_item_gives_title_description_and_image(news_index, rf):
    image = ImageFactory(
        title="Salle comble",
        description="Une salle pleine de chefs de projet.",
        file__width=1600,
        file__height=900,
    )
    article = ArticlePageFactory(
        parent=news_index,
        title="Le Club est lancé",
        introduction="Première réunion.",
        main_image=image,
        themes=["Économie territoriale"],
    )
    head = head_of(article, rf)
    assert head.first("og:type") == "article"
    assert head.first("og:title") == "Le Club est lancé"
    assert head.first("og:description") == "Première réunion."
    rendition = image.get_rendition(seo.SHARE_IMAGE_FILTER)
    assert head.first("og:image") == "http://localhost" + rendition.url
    assert head.first("og:image").endswith(".jpg")
    assert (head.first("og:image:width"), head.first("og:image:height")) == ("1200", "630")
    assert head.first("og:image:alt") == "Une salle pleine de chefs de projet."
    assert head.first("article:section") == "Article"
    assert head.meta["article:tag"] == ["Économie territoriale"]
    assert head.first("article:published_time")
    assert head.first("twitter:card") == "summary_large_image"
    assert head.first("twitter:image") == head.first("og:image")
    assert head.first("twitter:title") == "Le Club est lancé"


def test_the_sharing_image_wins_over_the_main_image(news_index, rf):
    main, social = ImageFactory(), ImageFactory(title="Bannière de partage")
    article = ArticlePageFactory(parent=news_index, main_image=main, social_image=social)
    head = head_of(article, rf)
    assert (
        head.first("og:image")
        == "http://localhost" + social.get_rendition(seo.SHARE_IMAGE_FILTER).url
    )


def test_a_page_without_image_is_shared_with_the_club_banner(client, home_page):
    head = read_head(client.get("/").content)
    assert head.first("og:type") == "website"
    assert head.first("og:image") == "http://localhost/static/home/img/partage.png"
    assert head.first("og:image:alt")


# JSON-LD ----------------------------------------------------------------------------------------
def test_home_page_describes_the_club_and_the_site(client, home_page):
    settings = SiteSettings.load()
    settings.contact_email = "club@exemple.fr"
    settings.social_links = [
        ("link", {"network": "linkedin", "url": "https://linkedin.example/club"})
    ]
    settings.save()
    head = read_head(client.get("/").content)
    organisation = only(head.json_ld_of_type("Organization"))
    assert organisation["@context"] == "https://schema.org"
    assert organisation["name"] == "Club des Développeurs de Nouvelle-Aquitaine"
    assert organisation["url"] == "http://localhost/"
    assert organisation["logo"]["url"] == "http://localhost/static/home/img/logo-512.png"
    assert organisation["email"] == "club@exemple.fr"
    assert organisation["sameAs"] == ["https://linkedin.example/club"]
    website = only(head.json_ld_of_type("WebSite"))
    assert website["potentialAction"]["target"]["urlTemplate"] == (
        "http://localhost/recherche/?q={search_term_string}"
    )
    assert not head.json_ld_of_type("BreadcrumbList")


def test_standard_page_has_its_breadcrumb_trail(client, home_page):
    parent = StandardPageFactory(parent=home_page, title="Le Club", slug="le-club")
    child = StandardPageFactory(parent=parent, title="Histoire", slug="histoire")
    head = read_head(client.get(child.url).content)
    trail = only(head.json_ld_of_type("BreadcrumbList"))
    assert [
        (item["position"], item["name"], item["item"]) for item in trail["itemListElement"]
    ] == [
        (1, home_page.title, "http://localhost/"),
        (2, "Le Club", "http://localhost/le-club/"),
        (3, "Histoire", "http://localhost/le-club/histoire/"),
    ]


def test_article_is_a_news_article(news_index, rf):
    article = ArticlePageFactory(
        parent=news_index,
        title="Le Club est lancé",
        author="Équipe communication",
        main_image=ImageFactory(),
        themes=["Économie territoriale"],
    )
    head = head_of(article, rf)
    data = only(head.json_ld_of_type("NewsArticle"))
    assert data["headline"] == "Le Club est lancé"
    assert (
        data["url"] == data["mainEntityOfPage"] == "http://localhost/actualites/le-club-est-lance/"
    )
    assert datetime.datetime.fromisoformat(data["datePublished"]).tzinfo is not None
    assert data["author"] == {"@type": "Person", "name": "Équipe communication"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith("http://localhost/")
    assert data["image"][0].startswith("http://localhost/media/")
    assert data["keywords"] == ["Économie territoriale"]
    assert data["articleSection"] == "Article"
    trail = only(head.json_ld_of_type("BreadcrumbList"))
    assert trail["itemListElement"][-1]["name"] == "Le Club est lancé"


def test_unsigned_article_is_by_the_club(news_index, rf):
    data = only(head_of(ArticlePageFactory(parent=news_index), rf).json_ld_of_type("NewsArticle"))
    assert data["author"]["@type"] == "Organization"
    assert "image" not in data


def test_testimonial_is_a_news_article_about_who_speaks(news_index, rf):
    testimonial = TestimonialPageFactory(
        parent=news_index,
        speaker_name="Camille Exemple",
        speaker_role="Chargée de mission",
        organisation="Communauté de communes du Val de l'Eyre",
    )
    data = only(head_of(testimonial, rf).json_ld_of_type("NewsArticle"))
    assert data["articleSection"] == "Témoignage"
    assert data["about"] == {
        "@type": "Person",
        "name": "Camille Exemple",
        "jobTitle": "Chargée de mission",
        "worksFor": {"@type": "Organization", "name": "Communauté de communes du Val de l'Eyre"},
    }


def test_upcoming_online_webinar_is_an_event_with_its_registration(news_index, rf):
    starts_at = timezone.now() + datetime.timedelta(days=10)
    webinar = WebinarPageFactory(
        parent=news_index,
        title="Les aides à l'artisanat",
        starts_at=starts_at,
        duration_minutes=90,
        online_url="https://visio.example/salle",
    )
    speaker = SpeakerFactory(name="Alex Martin", role="Chef de projet", organisation="ADI")
    webinar.speakers.create(speaker=speaker)
    data = only(head_of(webinar, rf).json_ld_of_type("Event"))
    assert data["name"] == "Les aides à l'artisanat"
    start = datetime.datetime.fromisoformat(data["startDate"])
    end = datetime.datetime.fromisoformat(data["endDate"])
    assert start == starts_at and end - start == datetime.timedelta(minutes=90)
    assert start.utcoffset() is not None
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://visio.example/salle"}
    assert data["organizer"]["name"] == "Club des Développeurs de Nouvelle-Aquitaine"
    assert data["performer"] == [
        {
            "@type": "Person",
            "name": "Alex Martin",
            "jobTitle": "Chef de projet",
            "affiliation": {"@type": "Organization", "name": "ADI"},
        }
    ]
    assert data["offers"]["url"] == webinar.registration_url


def test_past_onsite_webinar_is_an_event_at_its_venue_without_registration(news_index, rf):
    webinar = WebinarPageFactory(
        parent=news_index,
        starts_at=timezone.now() - datetime.timedelta(days=30),
        attendance="hybrid",
        venue="Hôtel de Région, Bordeaux",
    )
    data = only(head_of(webinar, rf).json_ld_of_type("Event"))
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {
        "@type": "Place",
        "name": "Hôtel de Région, Bordeaux",
        "address": "Hôtel de Région, Bordeaux",
    } in data["location"]
    assert {"@type": "VirtualLocation", "url": webinar.full_url} in data["location"]
    assert "offers" not in data


def test_json_ld_cannot_close_its_script_element(news_index, rf):
    hostile = "</script><script>alert('x')</script> & <!-- Économie"
    article = ArticlePageFactory(parent=news_index, title=hostile, introduction=hostile)
    head = head_of(article, rf)
    assert all("</script" not in text and "<!--" not in text for text in head.json_ld_texts)
    data = only(head.json_ld_of_type("NewsArticle"))
    assert data["headline"] == hostile  # the text survives, escaped
    assert data["description"] == "alert('x') & <!-- Économie"  # tags stripped


def test_to_json_ld_escapes_markup_characters():
    text = seo.to_json_ld({"name": "a</script>&<!--b", "when": datetime.date(2020, 11, 30)})
    assert text == '{"name": "a\\u003c/script\\u003e\\u0026\\u003c!--b", "when": "2020-11-30"}'


def test_sitemap_query_count_does_not_grow_with_pages_and_themes(client, news_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap-pages.xml").status_code == 200
        return len(queries)

    ArticlePageFactory(parent=news_index, themes=["Thème 0"])
    count()  # the first request fills Wagtail's caches (site root paths)
    few = count()
    for number in range(1, 25):
        ArticlePageFactory(parent=news_index, themes=[f"Thème {number}", "Thème 0"])
    count()  # the new pages retired the shared cache's site-wide data: the first visit refills it
    assert count() == few
    assert len(sitemap_urls(client)) == 2 + 25 + 1 + 25  # home, index, articles, themes
