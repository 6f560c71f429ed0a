"""Our French for Wagtail's admin (locale/fr/LC_MESSAGES/django.po): what editors read in the
editor, the review loop and the media library, with no English, no "un(e)" or "Ce(tte)", and
the time zone of the scheduling dialog."""

import glob
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
import wagtail
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection

from news.models import ArticlePage, WebinarPage
from news.wagtail_hooks import SpeakerViewSet
from resources.wagtail_hooks import OrganisationViewSet
from tests.editorial.helpers import add_url, article_form_data, edit_url
from tests.factories import ArticlePageFactory

ROOT = Path(settings.BASE_DIR)
OUR_PO = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
OUR_MO = OUR_PO.with_suffix(".mo")
WAGTAIL_PO = glob.glob(
    str(Path(wagtail.__file__).parent / "**/locale/fr/LC_MESSAGES/django.po"), recursive=True
)

#: What Wagtail's own French showed editors, and must not any more.
WAGTAIL_WORDING = [
    "Slug",
    "my-slug",
    "un(e)",
    "Ce(tte)",
    "ce(tte)",
    "é(e)",
    "le/la",
    "Annuler le workflow",
    "Relancer le workflow",
    " ago",
    "Status",
]


def our_messages():
    with OUR_PO.open("rb") as po:
        return [message for message in read_po(po) if message.id]


def visible_text(html):
    """What the editor reads: tags and scripts removed (ids and class names are not words)."""
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def assert_no_wagtail_wording(text):
    for wording in WAGTAIL_WORDING:
        assert wording not in text, wording


# The catalog ------------------------------------------------------------------------------------


def test_every_override_still_matches_a_message_of_wagtail():
    """After a Wagtail upgrade, an override whose English changed would silently stop applying."""
    wagtail_ids = set()
    for path in WAGTAIL_PO:
        with open(path, "rb") as po:
            wagtail_ids.update(message.id for message in read_po(po) if message.id)
    assert WAGTAIL_PO
    missing = [message.id for message in our_messages() if message.id not in wagtail_ids]
    assert not missing


def test_our_catalog_comes_before_wagtails():
    assert OUR_MO.exists(), "locale/ is compiled by `make install` (or `make install-dev`)"
    assert OUR_MO.stat().st_mtime >= OUR_PO.stat().st_mtime, "recompile: `make install`"
    with translation.override("fr"):
        for message in our_messages():
            if isinstance(message.id, tuple):
                singular, plural = message.id
                assert translation.ngettext(singular, plural, 1) == message.string[0]
            else:
                assert translation.gettext(message.id) == message.string


def test_every_install_target_compiles_the_catalog_and_git_ignores_the_result():
    for target in ("install", "install-dev"):
        # Dry run, as if the .po had just changed: make prints what it would do.
        dry_run = subprocess.run(
            ["make", "-n", "-W", str(OUR_PO.relative_to(ROOT)), target],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert "babel.messages.frontend compile" in dry_run.stdout
        assert str(OUR_MO.relative_to(ROOT)) in dry_run.stdout
    for target in ("run", "test", "prod-local"):
        assert re.search(rf"^{target}: install", (ROOT / "Makefile").read_text(), re.M)
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(OUR_MO.relative_to(ROOT))], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0


# The page editor ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_article_editor_calls_the_slug_the_page_address_and_states_paris_time(
    editor_client, news_index
):
    article = ArticlePageFactory(parent=news_index, title="Un tiers-lieu à Lubersac")
    html = editor_client.get(edit_url(article)).content.decode()
    text = visible_text(html)

    assert "Adresse de la page" in text
    assert "/actualites/[nom-de-la-page]/" in text
    assert "Modifiable par tous" in text
    # The scheduling dialog: the dates are Paris time, which is what the site runs on.
    assert settings.TIME_ZONE == "Europe/Paris"
    dialog = html[html.index('id="schedule-publishing-dialog"') :]
    assert "(heure de Paris)" in visible_text(dialog[: dialog.index("</form>")])
    assert "Date/heure de publication (heure de Paris)" in text
    assert_no_wagtail_wording(text)


@pytest.mark.django_db
def test_webinar_editor_adds_a_speaker_without_gendered_forms(editor_client, news_index):
    text = visible_text(editor_client.get(add_url(news_index, WebinarPage)).content.decode())
    assert "Ajouter : Intervenant" in text
    assert_no_wagtail_wording(text)


@pytest.mark.django_db
def test_under_review_the_writer_cancels_the_submission_and_reads_french_times(
    editor_client, moderator_client, news_index
):
    response = editor_client.post(
        add_url(news_index, ArticlePage), article_form_data("Le vélo à Poitiers")
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="le-velo-a-poitiers")

    writer_text = visible_text(editor_client.get(edit_url(page)).content.decode())
    assert "Annuler la soumission" in writer_text
    assert "En attente de relecture par un modérateur." in writer_text
    # When the review started, said by humanize's naturaltime (installed for its French).
    assert re.search(r"il y a \d|maintenant", writer_text)
    assert not re.search(r"\bnow\b", writer_text)
    assert_no_wagtail_wording(writer_text)

    moderator_text = visible_text(moderator_client.get(edit_url(page)).content.decode())
    assert "Les modérateurs peuvent modifier ce contenu" in moderator_text
    assert_no_wagtail_wording(moderator_text)


# Snippets, the menu and the media library --------------------------------------------------------


@pytest.mark.django_db
def test_snippet_listings_add_without_gendered_forms(moderator_client):
    for model in ("news/speaker", "resources/organisation"):
        text = visible_text(moderator_client.get(f"/admin/snippets/{model}/").content.decode())
        assert "Ajouter : " in text
        assert_no_wagtail_wording(text)


def test_the_guide_calls_the_menus_what_the_admin_calls_them():
    guide = (ROOT / "docs" / "guide-redaction.md").read_text()
    for viewset in (SpeakerViewSet, OrganisationViewSet):
        assert viewset.menu_label.lower() in guide.lower()
    assert "organisation" not in guide.lower()


@pytest.mark.django_db
def test_the_root_collection_is_the_mediatheque(moderator_client):
    """Moderators, who manage every collection, choose among them when they upload."""
    assert Collection.get_first_root_node().name == "Médiathèque"
    Collection.get_first_root_node().add_child(name="Actualités et ressources")
    text = visible_text(moderator_client.get(reverse("wagtailimages:add")).content.decode())
    assert "Médiathèque" in text
    assert "Root" not in text
