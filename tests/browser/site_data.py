"""What the browser tests browse: the demo content and one page of every news kind.

Built inside each test (live-server tests use a transactional database, emptied after each test).
"""

import datetime
import io

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from home.demo.loader import DemoLoader
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from resources.models import ResourceIndexPage, ResourcePage
from tests.factories import (
    ArticlePageFactory,
    SpeakerFactory,
    StandardPageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)

THEME = "Économie territoriale"
THEME_SLUG = "economie-territoriale"


def ensure_wagtail_roots():
    """What Wagtail's migrations create and a flushed database lacks: locale, root page and root
    collection.

    Live-server tests run in a database emptied (flushed) after each test. Django's serialized
    rollback would restore these rows, but it reads them from the database connection of the
    context that created the test database, and Playwright's event loop gives the browser tests
    another one; so they are recreated here when missing.
    """
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Médiathèque")  # as home.0005_root_collection_name names it


def build_small_site():
    """A home page and two pages in the menu: enough for the menu and keyboard tests."""
    ensure_wagtail_roots()
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Club des Développeurs", slug="accueil", headline="Le réseau.")
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    club = StandardPageFactory(parent=home, title="Le Club", slug="le-club", show_in_menus=True)
    StandardPageFactory(parent=home, title="Contact", slug="contact", show_in_menus=True)
    return {"home": home, "club": club}


def build_demo_site():
    ensure_wagtail_roots()
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    home = HomePage.objects.get()
    return {
        "home": home,
        "club": StandardPage.objects.get(slug="le-club"),
        "accessibility": StandardPage.objects.get(slug="accessibilite"),
        "resource_index": ResourceIndexPage.objects.get(),
        "resource": ResourcePage.objects.get(slug="exemple-modernisation-commerces-artisanat"),
    }


def _body(*paragraphs):
    blocks = [("heading", {"text": "Ce qu'il faut retenir", "level": "h2"})]
    blocks += [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]
    return blocks


def add_news(demo):
    """One article, one upcoming and one past webinar, one testimonial, with images and themes.

    They join the demo's news index.
    Slugs start with ``essai-`` so that they never collide with the demo's.
    """
    index = NewsIndexPage.objects.get()
    now = timezone.now()

    def image(title, description):  # the demo's drawn banners: screenshots look like the site
        return DemoLoader().image(title, description)

    article = ArticlePageFactory(
        parent=index,
        title="Les aides régionales à l'artisanat et au commerce",
        slug="essai-article",
        introduction="Ce que la Région propose aux artisans et commerçants, présenté en webinaire.",
        main_image=image("Rue de centre-bourg", "Une rue commerçante de centre-bourg."),
        body=_body(
            "Les dispositifs présentés lors du webinaire de novembre sont résumés ici.",
            "Exemple : une commune rurale qui soutient la reprise d'un commerce de proximité.",
        ),
        themes=[THEME],
    )
    speaker = SpeakerFactory(name="Alex Martin", role="Chargé de mission", organisation="ADI")
    upcoming = WebinarPageFactory(
        parent=index,
        title="Webinaire : préparer les nouveaux contrats de territoire",
        slug="essai-webinaire-a-venir",
        starts_at=now + datetime.timedelta(days=14),
        main_image=image("Session en ligne", "Un écran de visioconférence."),
        body=_body("Une session pour préparer la prochaine contractualisation."),
        themes=[THEME, "Collectivité territoriale"],
    )
    upcoming.speakers.create(speaker=speaker)
    upcoming.save_revision().publish()
    past = WebinarPageFactory(
        parent=index,
        title="Webinaire : les aides au commerce et à l'artisanat",
        slug="essai-webinaire-passe",
        starts_at=now - datetime.timedelta(days=30),
        recap_summary="<p>Trois dispositifs ont été présentés, avec leurs conditions.</p>",
        key_takeaways=[("takeaway", "Les aides se cumulent sous conditions.")],
        replay_url="https://video.invalid/replay",
        themes=[THEME],
    )
    past.speakers.create(speaker=speaker)
    past.save_revision().publish()
    testimonial = TestimonialPageFactory(
        parent=index,
        title="Le Val de l'Eyre soutient ses commerces",
        slug="essai-temoignage",
        organisation="Communauté de communes du Val de l'Eyre",
        territory="Val de l'Eyre",
        departement="33",
        portrait=image("Val de l'Eyre", "Logo de la communauté de communes du Val de l'Eyre."),
        pull_quote="Le Club nous a fait gagner du temps pour monter nos dossiers.",
        webinar=past,
        body=_body("Exemple : comment la communauté de communes a mobilisé les aides."),
        themes=[THEME],
    )
    return {
        "news_index": index,
        "article": article,
        "webinar_upcoming": upcoming,
        "webinar_past": past,
        "testimonial": testimonial,
    }
