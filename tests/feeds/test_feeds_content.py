"""Every feed is valid and carries full, correct items."""

import datetime
import html
import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from PIL import Image as PILImage

from news.feeds.state import FEED_ITEMS
from tests.feeds import checks

# (path, number of items with the ``news`` fixture)
FEEDS = {
    "/actualites/flux": 3,
    "/actualites/articles/flux": 1,
    "/actualites/webinaires/flux": 1,
    "/actualites/temoignages/flux": 1,
    "/actualites/themes/economie-territoriale/flux": 3,
    "/actualites/themes/collectivite-territoriale/flux": 1,
}
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


def content_of(entry):
    """An entry's full content as HTML with entities decoded (Django escapes ' as &#x27;)."""
    return html.unescape(entry.content[0].value)


def by_title(parsed):
    return {entry.title: entry for entry in parsed.entries}


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_is_valid_with_its_items(client, news, path, fmt):
    response = client.get(f"{path}.{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    parsed = checks.check_feed(response.content, fmt)
    assert len(parsed.entries) == FEEDS[path]
    assert parsed.feed.language == "fr"
    assert parsed.feed.title and parsed.feed.link.startswith("http://testserver/")
    assert parsed.feed.subtitle
    # The self link is the feed's own absolute address.
    assert {"rel": "self", "href": f"http://testserver{path}.{fmt}"}.items() <= next(
        link for link in parsed.feed.links if link["rel"] == "self"
    ).items()


@pytest.mark.django_db
def test_kind_and_theme_feeds_hold_only_their_items(client, news):
    titles = {
        path: {e.title for e in checks.check_rss(client.get(f"{path}.rss").content).entries}
        for path in FEEDS
    }
    assert titles["/actualites/articles/flux"] == {news["article"].title}
    assert titles["/actualites/webinaires/flux"] == {news["webinaire"].title}
    assert titles["/actualites/temoignages/flux"] == {news["temoignage"].title}
    assert titles["/actualites/themes/collectivite-territoriale/flux"] == {news["webinaire"].title}


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_items_carry_metadata_summary_and_categories(client, news, fmt):
    parsed = checks.check_feed(client.get(f"/actualites/flux.{fmt}").content, fmt)
    entries = by_title(parsed)
    article = entries["Lancement du Club"]
    assert article.link == "http://testserver/actualites/lancement-du-club/"
    assert article.author == "Équipe du Club"
    assert (
        entries["Les aides à l'artisanat"].author == "Club des Développeurs de Nouvelle-Aquitaine"
    )
    assert article.summary == news["article"].introduction
    assert [tag.term for tag in article.tags] == ["Économie territoriale"]
    assert sorted(tag.term for tag in entries["Les aides à l'artisanat"].tags) == [
        "Collectivité territoriale",
        "Économie territoriale",
    ]
    assert article.id.startswith("tag:club-developpeurs-nouvelle-aquitaine.fr,")
    assert article.id.endswith(f":actualites/{news['article'].pk}")


@pytest.mark.django_db
def test_rss_has_channel_image_ttl_and_content_namespace(client, news):
    raw = client.get("/actualites/flux.rss").content
    assert b'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in raw
    channel = ET.fromstring(raw).find("channel")
    image = channel.find("image")
    assert image.findtext("title") == channel.findtext("title")
    assert image.findtext("link") == channel.findtext("link")
    assert image.findtext("url") == "http://testserver/static/news/img/feed-logo.png"
    assert channel.findtext("ttl") == "15"
    guid = channel.find("item/guid")
    assert guid.get("isPermaLink") == "false"
    # lastBuildDate is the date of the latest change among the items.
    latest = max(page.last_published_at for page in news.values())
    assert checks.check_rfc822(channel.findtext("lastBuildDate"), "") == latest.replace(
        microsecond=0
    )


@pytest.mark.django_db
def test_atom_has_icon_logo_and_typed_content(client, news):
    root = ET.fromstring(client.get("/actualites/flux.atom").content)
    logo = "http://testserver/static/news/img/feed-logo.png"
    assert root.findtext(f"{checks.ATOM}icon") == logo
    assert root.findtext(f"{checks.ATOM}logo") == logo
    for entry in root.findall(f"{checks.ATOM}entry"):
        assert entry.find(f"{checks.ATOM}content").get("type") == "html"
        assert entry.find(f"{checks.ATOM}summary").get("type") == "html"
        published = checks.check_rfc3339(entry.findtext(f"{checks.ATOM}published"), "")
        updated = checks.check_rfc3339(entry.findtext(f"{checks.ATOM}updated"), "")
        assert updated >= published


def test_the_logo_is_a_png_that_rss_accepts():
    path = finders.find("news/img/feed-logo.png")
    assert path, "the logo is not a static file"
    with PILImage.open(path) as logo:
        assert logo.format == "PNG"
        assert logo.size == (144, 144)  # RSS caps the channel image at 144 pixels wide


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_the_main_image_is_an_enclosure_with_its_real_size_and_type(client, news, fmt):
    from wagtail.images.models import Rendition

    from news.feeds.content import RENDITION_SPEC

    raw = client.get(f"/actualites/articles/flux.{fmt}").content
    root = ET.fromstring(raw)
    if fmt == "rss":
        enclosure = root.find("channel/item/enclosure")
        url = enclosure.get("url")
    else:
        enclosure = root.find(f"{checks.ATOM}entry/{checks.ATOM}link[@rel='enclosure']")
        url = enclosure.get("href")
    rendition = Rendition.objects.get(image=news["article"].main_image, filter_spec=RENDITION_SPEC)
    assert url == f"http://testserver{rendition.url}"
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == rendition.file.size
    with rendition.file.open("rb") as file:
        assert len(file.read()) == int(enclosure.get("length"))


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_content_is_full_with_absolute_links_and_images(client, news, fmt):
    parsed = checks.check_feed(client.get(f"/actualites/articles/flux.{fmt}").content, fmt)
    content = content_of(parsed.entries[0])
    assert "Ce qu'il faut savoir" in content
    assert '<a href="http://testserver/le-club/">la page du Club</a>' in content
    document = news["article"].body[5].value["document"]
    assert f'href="http://testserver{document.url}"' in content
    assert 'alt="Trois points reliés"' in content
    assert 'src="http://testserver/media/images/' in content
    assert "La mise en réseau." in content and "Le Club nous aide." in content
    assert "Rejoindre le Club" in content and "ingénieurs" in content
    assert "<picture" not in content and "srcset" not in content


@pytest.mark.django_db
def test_webinar_items_carry_date_time_speakers_recap_and_replay(client, news):
    parsed = checks.check_rss(client.get("/actualites/webinaires/flux.rss").content)
    content = content_of(parsed.entries[0])
    assert "Webinaire du lundi 30 novembre 2020, de 10 h à 11 h 30" in content
    assert "Alex Intervenant" in content
    assert '<a href="https://video.example.org/replay-aides">' in content
    assert "Compte rendu" in content and "Anticiper les dossiers" in content
    document = news["webinaire"].recap_documents[0].value["document"]
    assert f'<a href="http://testserver{document.url}">Le diaporama</a> (PDF' in content
    # The recap's relative link became absolute; no registration call once recapped.
    assert 'href="http://testserver/le-club/">relatif</a>' in content
    assert "inscrire" not in content


@pytest.mark.django_db
def test_an_announced_webinar_carries_its_registration_link(client, make_feed_item):
    make_feed_item(
        "webinaire",
        title="Retours d'expérience",
        starts_at=datetime.datetime(2021, 3, 18, 14, 30, tzinfo=datetime.UTC),
        registration_url="https://inscription.example.org/mars",
    )
    content = checks.check_rss(client.get("/actualites/webinaires/flux.rss").content)
    content = content_of(content.entries[0])
    assert "jeudi 18 mars 2021, de 15 h 30 à 16 h 30" in content  # Paris time
    assert '<a href="https://inscription.example.org/mars">S\'inscrire au webinaire</a>' in content


@pytest.mark.django_db
def test_testimonial_items_name_who_speaks(client, news):
    parsed = checks.check_atom(client.get("/actualites/temoignages/flux.atom").content)
    content = content_of(parsed.entries[0])
    assert (
        "Témoignage de Camille Exemple, Chargée de mission, Communauté de communes du Val de l'Eyre"
    ) in content
    assert "Gironde (33)" in content
    assert "Le Club nous a fait gagner du temps." in content
    assert 'href="http://testserver/actualites/les-aides-a-lartisanat/"' in content


@pytest.mark.django_db
def test_items_are_the_20_latest_by_date(client, make_feed_item):
    pages = [
        make_feed_item(
            with_body=False, themes=(), date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n)
        )
        for n in range(FEED_ITEMS + 2)
    ]
    parsed = checks.check_rss(client.get("/actualites/flux.rss").content)
    expected = [page.title for page in reversed(pages)][:FEED_ITEMS]
    assert [entry.title for entry in parsed.entries] == expected


@pytest.mark.django_db
def test_a_back_dated_item_is_dated_by_its_date_and_an_announcement_by_its_publication(
    client, make_feed_item
):
    archive = make_feed_item(with_body=False, title="Archive", date=datetime.date(2020, 11, 19))
    announcement = make_feed_item(
        "webinaire",
        with_body=False,
        title="Annonce",
        starts_at=datetime.datetime(2031, 1, 1, 10, tzinfo=datetime.UTC),
    )
    parsed = by_title(checks.check_rss(client.get("/actualites/flux.rss").content))
    assert parsed["Archive"].published_parsed[:4] == (2020, 11, 19, 8)  # 9:00 Paris, in UTC
    announced = datetime.datetime(*parsed["Annonce"].published_parsed[:6], tzinfo=datetime.UTC)
    assert announced == announcement.first_published_at.replace(microsecond=0)
    assert archive.first_published_at.date() > archive.date


@pytest.mark.django_db
def test_an_item_without_main_image_has_no_enclosure(client, make_feed_item):
    page = make_feed_item(with_body=False, title="Sans image")
    assert page.main_image is None
    root = ET.fromstring(client.get("/actualites/flux.rss").content)
    assert root.find("channel/item/enclosure") is None


@pytest.mark.django_db
def test_channels_link_to_the_matching_listing_and_describe_themselves(client, news):
    expected = {
        "/actualites/flux": (
            "http://testserver/actualites/",
            "Actualités du Club des Développeurs de Nouvelle-Aquitaine",
        ),
        "/actualites/webinaires/flux": (
            "http://testserver/actualites/?type=webinaire",
            "Webinaires du Club des Développeurs de Nouvelle-Aquitaine",
        ),
        "/actualites/themes/economie-territoriale/flux": (
            "http://testserver/actualites/themes/economie-territoriale/",
            "#Économie territoriale : actualités du Club des Développeurs de Nouvelle-Aquitaine",
        ),
    }
    for path, (link, title) in expected.items():
        for fmt in ("rss", "atom"):
            feed = checks.check_feed(client.get(f"{path}.{fmt}").content, fmt).feed
            assert (feed.link, feed.title) == (link, title), (path, fmt)
    feed = checks.check_rss(client.get("/actualites/webinaires/flux.rss").content).feed
    assert feed.description == "Les annonces et comptes rendus des webinaires."


@pytest.mark.django_db
def test_a_missing_image_file_drops_the_image_not_the_feed(client, make_feed_item):
    page = make_feed_item(title="Image perdue")
    page.main_image.file.storage.delete(page.main_image.file.name)
    response = client.get("/actualites/flux.rss")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.find("channel/item/enclosure") is None
    content = content_of(checks.check_rss(response.content).entries[0])
    assert "<img" not in content and "Ce qu'il faut savoir" in content
