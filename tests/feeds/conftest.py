"""Fixtures of the feed tests: news of every kind, published the way editors publish them."""

import datetime

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import RichText

from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    SpeakerFactory,
    StandardPageFactory,
    TestimonialPageFactory,
    WebinarPageFactory,
)

THEME = "Économie territoriale"
OTHER_THEME = "Collectivité territoriale"


def publish(page):
    """Publish the page's current state as a revision, as the editor's "Publish" button does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def home_page(home_page):
    """The site answers at the test client's address (``testserver``), as a real site answers at
    the host name of its Wagtail ``Site``: the feeds build their absolute links from that record
    (``home.site_urls``), so the links the tests read are the addresses they request."""
    Site.objects.filter(root_page=home_page).update(hostname="testserver")
    return home_page


@pytest.fixture
def document(db):
    return wagtail_factories.DocumentFactory(
        title="Programme de la session",
        file=ContentFile(b"%PDF-1.4 programme", name="programme.pdf"),
    )


def rich_body(linked_page, document, image):
    """A body with every block that refers to something (a page, a document, an image)."""
    return [
        ("heading", {"text": "Ce qu'il faut savoir", "level": "h2"}),
        (
            "paragraph",
            RichText(
                f'<p>Lisez <a linktype="page" id="{linked_page.pk}">la page du Club</a> '
                f'et <a linktype="document" id="{document.pk}">le programme</a>.</p>'
            ),
        ),
        (
            "image",
            {
                "image": {"image": image, "decorative": False, "alt_text": "Trois points reliés"},
                "caption": "La mise en réseau.",
                "credit": "Club",
            },
        ),
        ("quote", {"text": "Le Club nous aide.", "author": "Une cheffe de projet", "role": ""}),
        (
            "call_to_action",
            {
                "title": "Rejoindre le Club",
                "text": "Écrivez-nous.",
                "link": {"label": "", "page": linked_page, "external_url": ""},
            },
        ),
        ("document", {"document": document, "label": "Le programme (PDF)"}),
        (
            "key_figures",
            {"title": "En chiffres", "figures": [{"figure": "12", "label": "ingénieurs"}]},
        ),
    ]


@pytest.fixture
def club_page(home_page):
    return publish(StandardPageFactory(parent=home_page, title="Le Club", slug="le-club"))


@pytest.fixture
def make_feed_item(news_index, club_page, document):
    """``make_feed_item(kind, **fields)``: a published news item of that kind with a full body."""
    factories = {
        "article": ArticlePageFactory,
        "webinaire": WebinarPageFactory,
        "temoignage": TestimonialPageFactory,
    }

    def make(kind="article", themes=(THEME,), with_body=True, **fields):
        if with_body:
            image = fields.pop("image", None) or ImageFactory()
            fields.setdefault("main_image", image)
            fields.setdefault("body", rich_body(club_page, document, image))
        page = factories[kind](parent=news_index, **fields)
        if themes:
            page.themes.set(list(themes))
        return publish(page)

    return make


@pytest.fixture
def news(make_feed_item, document):
    """One published item of each kind; the webinar is past, recapped and has speakers."""
    article = make_feed_item("article", title="Lancement du Club", author="Équipe du Club")
    webinar = make_feed_item(
        "webinaire",
        title="Les aides à l'artisanat",
        themes=(THEME, OTHER_THEME),
        starts_at=timezone.make_aware(datetime.datetime(2020, 11, 30, 10, 0)),
        duration_minutes=90,
        recap_summary='<p>Ce qui s\'est dit, <a href="/le-club/">relatif</a>.</p>',
        key_takeaways=[("takeaway", "Anticiper les dossiers")],
        replay_url="https://video.example.org/replay-aides",
        recap_documents=[("document", {"document": document, "label": "Le diaporama"})],
    )
    webinar.speakers.create(speaker=SpeakerFactory(name="Alex Intervenant"))
    publish(webinar)
    testimonial = make_feed_item(
        "temoignage",
        title="Le Val de l'Eyre témoigne",
        webinar=webinar,
        speaker_name="Camille Exemple",
        speaker_role="Chargée de mission",
        organisation="Communauté de communes du Val de l'Eyre",
    )
    return {"article": article, "webinaire": webinar, "temoignage": testimonial}
