"""The indexes the site adds to Wagtail's page table (migrations home 0005, resources 0006) exist
on every database, and PostgreSQL can serve the orders that need them from them: the library's
alphabetical listing and the admin explorer's newest-first children."""

import pytest
from django.db import connection
from django.db.models import F
from wagtail.models import Page

from resources.models import ResourcePage
from tests.factories import ResourceIndexPageFactory

INDEXES = {"resources_page_title_order", "home_page_depth_path", "home_page_latest_revision"}

needs_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans")


def test_the_page_table_has_the_sites_indexes(db):
    with connection.cursor() as cursor:
        names = set(connection.introspection.get_constraints(cursor, "wagtailcore_page"))
    assert names >= INDEXES


def plan_without_sorting(queryset):
    """The plan PostgreSQL picks when it may not sort: an index scan if an index gives the
    order, otherwise a sort anyway (``enable_sort`` only discourages it)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


@needs_postgres
def test_the_library_reads_resources_in_title_order_from_the_index(home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    listing = ResourcePage.objects.visible().alphabetical().descendant_of(library)[:12]
    plan = plan_without_sorting(listing)
    assert "resources_page_title_order" in plan
    assert "Sort Key" not in plan


@needs_postgres
def test_the_explorer_reads_children_newest_first_from_the_index(news_index):
    newest_first = F("latest_revision_created_at").desc(nulls_last=True)
    children = Page.objects.child_of(news_index).order_by(newest_first)[:50]
    plan = plan_without_sorting(children)
    assert "home_page_latest_revision" in plan
    assert "Sort Key" not in plan
