"""The volume benchmark runs end to end on a tiny volume and prints its table."""

import io

from django.core.management import call_command
from wagtail.models import Page

from news import generator
from tests.factories import ResourceIndexPageFactory


def test_prints_queries_p50_p99_per_url_and_cleans_up(news_index, home_page):
    ResourceIndexPageFactory(parent=home_page)
    pages_before = Page.objects.count()
    out = io.StringIO()
    call_command("benchmark_scale", volumes=[5, 10], requests=1, force=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert "| URL | 5 q / p50 / p99 ms | 10 q / p50 / p99 ms |" in lines
    rows = [line for line in lines if line.startswith("| `")]
    assert any("`/actualites/`" in row for row in rows)
    assert any(f"`/admin/pages/{news_index.pk}/`" in row for row in rows)
    assert any("/sitemap-pages.xml" in row for row in rows)
    assert len(rows) >= 20
    assert not generator.generated_pages().exists()
    assert Page.objects.count() == pages_before
