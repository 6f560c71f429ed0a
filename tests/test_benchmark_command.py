import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import NewsPage


@pytest.mark.django_db
def test_benchmark_prints_flat_query_counts_and_leaves_the_database_as_it_was():
    call_command("load_demo_content", verbosity=0)
    before = NewsPage.objects.count()
    out = io.StringIO()
    call_command("benchmark_listings", items=130, stdout=out)
    report = out.getvalue()
    assert "/actualites/themes/economie-territoriale/" in report
    assert "De 13 à 130 actualités, le nombre de requêtes des listes ne croît pas." in report
    assert NewsPage.objects.count() == before


@pytest.mark.django_db
def test_benchmark_needs_the_demo_content():
    with pytest.raises(CommandError, match="load_demo_content"):
        call_command("benchmark_listings", items=10, stdout=io.StringIO())
