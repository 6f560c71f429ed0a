"""Never stale: every change a visitor can see shows on the very next request, whatever pages
were cached before, through the admin and Wagtail's real signals."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from home.models import Theme
from home.models.site_settings import SiteSettings
from home.page_cache import invalidation, keys
from news.models import ArticlePage
from tests.editorial.helpers import add_url, article_form_data, edit_url
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    OrganisationFactory,
    SpeakerFactory,
    StandardPageFactory,
)
from tests.serving.admin_forms import submit_edit_form
from tests.serving.conftest import cache_status

pytestmark = pytest.mark.django_db

SHOWN_ON = ["/", "/actualites/", "/actualites/flux.rss", "/actualites/flux.atom"]


def warm(client, *urls):
    """Visit each URL twice: the second answer must come from the cache."""
    for url in urls:
        client.get(url)
        assert cache_status(client.get(url)) == "hit", url


def text(client, url):
    return client.get(url).content.decode()


def test_publishing_in_the_admin_shows_everywhere_on_the_next_request(
    client, admin_client, news_index
):
    page = ArticlePageFactory(parent=news_index, title="Titre d'origine", themes=["Mobilités"])
    theme_urls = ["/actualites/themes/mobilites/", "/actualites/themes/mobilites/flux.rss"]
    warm(client, page.url, *SHOWN_ON, *theme_urls)
    response = admin_client.post(
        edit_url(page),
        article_form_data(
            "Titre corrigé", action="action-publish", slug=page.slug, themes="Mobilités"
        ),
    )
    assert response.status_code == 302
    for url in [page.url, *SHOWN_ON, *theme_urls]:
        assert "Titre corrigé" in text(client, url), url


def test_a_new_page_published_in_the_admin_appears_in_the_listing(client, admin_client, news_index):
    warm(client, "/actualites/", "/")
    response = admin_client.post(
        add_url(news_index, ArticlePage),
        article_form_data("Toute nouvelle", action="action-publish"),
    )
    assert response.status_code == 302
    assert "Toute nouvelle" in text(client, "/actualites/")
    assert "Toute nouvelle" in text(client, "/")


def test_unpublishing_in_the_admin_removes_the_page_and_its_card(client, admin_client, news_index):
    page = ArticlePageFactory(parent=news_index, title="Bientôt retiré")
    warm(client, page.url, "/actualites/")
    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert client.get(page.url).status_code == 404
    assert "Bientôt retiré" not in text(client, "/actualites/")


def test_deleting_in_the_admin_removes_the_page(client, admin_client, news_index):
    page = ArticlePageFactory(parent=news_index, title="Supprimé")
    url = page.url
    warm(client, url, "/actualites/")
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert client.get(url).status_code == 404
    assert "Supprimé" not in text(client, "/actualites/")


def test_moving_and_reordering_in_the_admin(client, admin_client, home_page):
    first = StandardPageFactory(parent=home_page, title="Le Club", slug="le-club")
    second = StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    warm(client, "/le-club/", "/contact/")
    response = admin_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[second.pk, first.pk])
    )
    assert response.status_code == 302
    # Wagtail leaves a redirect from the old address: served at once, not the cached page.
    old = client.get("/contact/")
    assert old.status_code == 301
    assert old["Location"] == "/le-club/contact/"
    assert client.get("/le-club/contact/").status_code == 200

    third = StandardPageFactory(parent=home_page, title="Mentions", slug="mentions")
    warm(client, "/le-club/")
    before = keys.current_generation()
    response = admin_client.post(
        reverse("wagtailadmin_pages:set_page_position", args=[third.pk]) + "?position=0"
    )
    assert response.status_code == 200
    assert keys.current_generation() != before
    assert cache_status(client.get("/le-club/")) == "miss"


def test_copying_and_publishing_the_copy_in_the_admin(client, admin_client, news_index):
    page = ArticlePageFactory(parent=news_index, title="Modèle")
    warm(client, "/actualites/")
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Copie publiée",
            "new_slug": "copie-publiee",
            "new_parent_page": news_index.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    assert "Copie publiée" in text(client, "/actualites/")


def test_reverting_to_a_revision(client, news_index):
    page = ArticlePageFactory(parent=news_index, title="Première version")
    first_revision = page.save_revision()
    first_revision.publish()
    page.title = "Seconde version"
    page.save_revision().publish()
    warm(client, page.url, "/actualites/")
    first_revision.publish()
    assert "Première version" in text(client, page.url)
    assert "Première version" in text(client, "/actualites/")


def test_scheduled_go_live_and_expiry(client, news_index):
    page = ArticlePageFactory(parent=news_index, title="Programmé")
    page.unpublish()
    warm(client, "/actualites/")
    page.refresh_from_db()
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save_revision(approved_go_live_at=page.go_live_at)
    warm(client, "/actualites/")
    assert "Programmé" not in text(client, "/actualites/")
    call_command("publish_scheduled")
    assert "Programmé" in text(client, "/actualites/")

    page.refresh_from_db()
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save(update_fields=["expire_at"])
    warm(client, "/actualites/")
    call_command("publish_scheduled")
    assert "Programmé" not in text(client, "/actualites/")


def test_editing_a_theme_in_the_admin_renames_it_on_the_pages(client, admin_client, news_index):
    page = ArticlePageFactory(parent=news_index, themes=["Mobilités"])
    theme = Theme.objects.get(name="Mobilités")
    warm(client, page.url, "/actualites/")
    response = submit_edit_form(
        admin_client,
        reverse("wagtailsnippets_home_theme:edit", args=[theme.pk]),
        name="Mobilités douces",
    )
    assert response.status_code == 302
    assert "Mobilités douces" in text(client, page.url)
    assert "Mobilités douces" in text(client, "/actualites/")


def test_editing_the_site_settings_in_the_admin_changes_the_footer(client, admin_client, home_page):
    warm(client, "/")
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings"])
    response = submit_edit_form(
        admin_client, url, model=SiteSettings, footer_text="Un nouveau pied de page."
    )
    assert response.status_code == 302
    assert "Un nouveau pied de page." in text(client, "/")


def test_editing_an_image_in_the_admin_retires_the_cache(client, admin_client, home_page):
    image = ImageFactory()
    warm(client, "/")
    response = submit_edit_form(
        admin_client,
        reverse("wagtailimages:edit", args=[image.pk]),
        title="Nouveau titre",
        description="Une description.",
    )
    assert response.status_code == 302
    assert cache_status(client.get("/")) == "miss"


@pytest.mark.parametrize(
    "change",
    [
        lambda: SpeakerFactory().delete(),
        lambda: OrganisationFactory(),
        lambda: Theme.objects.create(name="Numérique"),
        lambda: ImageFactory(),
    ],
    ids=["speaker", "organisation", "theme", "image"],
)
def test_snippets_and_media_retire_the_cache(client, home_page, change):
    warm(client, "/")
    change()
    assert cache_status(client.get("/")) == "miss"


def test_unrelated_rows_do_not_retire_the_cache(client, home_page, django_user_model):
    warm(client, "/")
    django_user_model.objects.create_user("visiteur")
    assert cache_status(client.get("/")) == "hit"


def test_the_generation_is_retired_again_when_the_transaction_commits(home_page):
    before = keys.current_generation()
    invalidation.invalidate()
    invalidation.invalidate()
    during = keys.current_generation()
    assert during != before
    # One bump and one purge after the commit, however many changes the transaction made.
    pending = [func for _, func, _ in connection.run_on_commit if func is invalidation.after_commit]
    assert len(pending) == 1
    pending[0]()
    assert keys.current_generation() not in (before, during)
