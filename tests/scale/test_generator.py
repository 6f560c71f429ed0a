"""The volume generator (``manage.py generate_content``): pages of every kind, a valid tree, live
pages that render, list, feed and search like edited ones, and a ``--delete`` that leaves the
database as it was."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.models import Theme
from news import generator
from news.models import ArticlePage, NewsPage, NewsPageTheme, TestimonialPage, WebinarPage
from resources.models import ResourcePage, ResourcePageTheme
from resources.status import ResourceStatus
from tests.factories import ResourceIndexPageFactory

NEWS, RESOURCES = 30, 12


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page)


def snapshot():
    """What the generator may touch, counted."""
    models = [
        Page,
        Revision,
        IndexEntry,
        NewsPageTheme,
        ResourcePageTheme,
        Theme,
        get_image_model(),
        get_document_model(),
        Collection,
        ReferenceIndex,
        PageLogEntry,
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["numchild"] = list(Page.objects.order_by("path").values_list("path", "numchild"))
    return counts


@pytest.fixture
def generated(news_index, resource_index):
    before = snapshot()
    call_command("generate_content", news=NEWS, resources=RESOURCES, force=True)
    return before


def test_refuses_without_debug_unless_forced(news_index):
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_content", news=3)
    assert not generator.generated_pages().exists()


def test_runs_with_debug_on(news_index, resource_index):
    with override_settings(DEBUG=True):
        call_command("generate_content", news=3)
    assert NewsPage.objects.count() == 3


def test_creates_every_kind_live_with_revisions_and_themes(generated):
    assert NewsPage.objects.live().count() == NEWS
    assert ResourcePage.objects.live().count() == RESOURCES
    assert ArticlePage.objects.exists() and TestimonialPage.objects.exists()
    webinars = list(WebinarPage.objects.all())
    assert any(w.is_upcoming() for w in webinars) and any(w.is_past() for w in webinars)
    assert {page.status for page in ResourcePage.objects.all()} == set(ResourceStatus)
    assert {page.kind for page in ResourcePage.objects.all()} == {
        "dispositif",
        "outil",
        "guide",
        "support",
    }
    years = {page.date.year for page in NewsPage.objects.all()}
    assert len(years) >= 5
    for page in Page.objects.filter(pk__in=generator.generated_pages()):
        assert page.live_revision_id and page.live_revision_id == page.latest_revision_id
        assert page.live_revision.as_object().title == page.title
    assert not NewsPage.objects.filter(tagged_themes=None).exists()
    assert not ResourcePage.objects.filter(tagged_themes=None).exists()


def test_tree_is_valid(generated, news_index, resource_index):
    assert Page.find_problems() == ([], [], [], [], [])
    news_index.refresh_from_db()
    assert news_index.numchild == NEWS
    assert news_index.get_children().count() == NEWS
    page = NewsPage.objects.first()
    assert page.url_path == f"{news_index.url_path}{page.slug}/"
    assert page.get_parent().pk == news_index.pk


def test_pages_render_list_and_feed(generated, client):
    for page in [*NewsPage.objects.all()[:5], *ResourcePage.objects.all()[:5]]:
        assert client.get(page.url).status_code == 200
    newest = NewsPage.objects.visible().newest_first().first()
    assert newest.title in client.get("/actualites/").content.decode()
    assert newest.title in client.get("/actualites/flux.rss").content.decode()
    assert client.get("/ressources/").status_code == 200


def test_search_finds_a_generated_item(generated, client):
    page = ResourcePage.objects.first()
    number = page.slug.rsplit("-", 1)[1]
    response = client.get("/recherche/", {"q": page.title.split(":")[0] + " " + number})
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_a_second_run_adds_to_the_first(generated, news_index):
    call_command("generate_content", news=4, force=True)
    news_index.refresh_from_db()
    assert news_index.numchild == NEWS + 4
    assert Page.find_problems() == ([], [], [], [], [])


def test_upcoming_sessions_stay_few_whatever_the_volume(news_index, monkeypatch):
    """A twentieth of the items are sessions to come, up to what a network announces, over the
    coming months, however many runs add up."""
    monkeypatch.setattr(generator, "UPCOMING_MAX", 3)
    now = timezone.now()

    def upcoming():
        return list(
            WebinarPage.objects.filter(starts_at__gt=now).values_list("starts_at", flat=True)
        )

    call_command("generate_content", news=40, force=True)
    assert len(upcoming()) == 2
    call_command("generate_content", news=60, force=True)
    assert len(upcoming()) == 3
    horizon = now + datetime.timedelta(days=generator.UPCOMING_DAYS + 1)
    assert all(now < starts_at <= horizon for starts_at in upcoming())
    assert NewsPage.objects.count() == 100


def test_generated_items_show_at_once_where_counts_were_cached(generated, client):
    """Bulk rows send no signal (a second run creates no theme, image or document either): the
    generator itself retires what the shared cache holds (the listing's total, kept per
    generation, and the cached pages)."""
    assert f"{NEWS} actualités" in client.get("/actualites/").content.decode()
    assert client.get("/actualites/?page=4").status_code == 404
    call_command("generate_content", news=12, force=True)
    assert f"{NEWS + 12} actualités" in client.get("/actualites/").content.decode()
    assert client.get("/actualites/?page=4").status_code == 200


def test_delete_leaves_the_database_as_before(generated):
    call_command("generate_content", delete=True, force=True)
    assert snapshot() == generated


def index_entries(ids):
    """The entries of ``ids``; the themes of a page come in no set order (Wagtail prefetches them
    unordered), so the body is compared by its lexemes and words, not their positions."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT content_type_id, object_id, title::text, autocomplete::text, "
            f"strip(body)::text, title_text, body_text FROM {IndexEntry._meta.db_table} "
            "WHERE object_id = ANY(%s) ORDER BY content_type_id, object_id",
            [[str(pk) for pk in ids]],
        )
        return [(*row[:6], sorted(row[6].split())) for row in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the bulk SQL is PostgreSQL's")
def test_search_entries_are_the_ones_the_backend_makes(generated):
    """The generator writes index entries in bulk SQL (news/bulk_index.py): the same weighted
    vectors and texts as the search backend's own ``add_bulk``, for every generated model."""
    pages = [page.specific for page in generator.generated_pages()]
    ids = [page.pk for page in pages]
    bulk = index_entries(ids)
    assert len(bulk) == len(pages)
    IndexEntry.objects.filter(object_id__in=[str(pk) for pk in ids]).delete()
    backend = get_search_backend()
    for model in {type(page) for page in pages}:
        backend.add_bulk(model, list(model.get_indexed_objects().filter(pk__in=ids)))
    assert index_entries(ids) == bulk
