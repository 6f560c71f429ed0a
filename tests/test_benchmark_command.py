import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import NewsPage


@pytest.mark.django_db
def test_benchmark_prints_its_figures_and_leaves_the_database_as_it_was():
    """The figures themselves mean something with hundreds of items (see the README); here, with
    few, the pages do not hold the same mix of kinds at both steps."""
    call_command("load_demo_content", verbosity=0)
    before = NewsPage.objects.count()
    out = io.StringIO()
    call_command("benchmark_listings", items=130, stdout=out)
    report = out.getvalue()
    for url in ["/actualites/", "/actualites/flux.rss", "/ressources/", "/sitemap.xml"]:
        assert url in report
    assert re.search(r"De 13 à 130 actualités, le nombre de requêtes des listes", report)
    assert NewsPage.objects.count() == before


@pytest.mark.django_db
def test_benchmark_needs_the_demo_content():
    with pytest.raises(CommandError, match="load_demo_content"):
        call_command("benchmark_listings", items=10, stdout=io.StringIO())
