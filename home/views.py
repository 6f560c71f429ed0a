"""Views of the site-wide app that are not Wagtail pages: search and robots.txt."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from home.breadcrumbs import breadcrumb_trail
from home.pagination import paginate
from home.search import (
    RESULTS_PER_PAGE,
    SearchForm,
    SearchKind,
    kind_for_page,
    kinds_by_slug,
    search_kinds,
)
from home.search import search_pages as run_search
from home.site_urls import absolute_url


@dataclass
class SearchResult:
    """What a result shows: its kind, its date, its title and a summary."""

    page: object
    kind: SearchKind | None

    @property
    def date(self):
        date = getattr(self.page, "date", None)
        if date is None and self.page.last_published_at:
            date = timezone.localdate(self.page.last_published_at)
        return date

    @property
    def summary(self):
        text = self.page.get_summary() if hasattr(self.page, "get_summary") else ""
        return Truncator(" ".join(strip_tags(text or "").split())).chars(240)


def search_scope():
    """``articles, webinaires et témoignages``: what the search covers, in words."""
    names = [kind.plural.lower() for kind in search_kinds()]
    return ", ".join(names[:-1]) + " et " + names[-1] if len(names) > 1 else names[0]


@require_safe
def search(request):
    """``/recherche/?q=...&type=...``: ranked, paginated results; never indexed by engines."""
    form = SearchForm(request.GET)
    query, kind, page_obj, results = "", None, None, []
    if form.is_valid():
        query = form.cleaned_data["q"]
        kind = kinds_by_slug().get(form.cleaned_data["type"])
        if query:
            page_obj = paginate(request, run_search(query, kind), RESULTS_PER_PAGE)
            results = [SearchResult(page, kind_for_page(page)) for page in page_obj.object_list]
    context = {
        "form": form,
        "query": query,
        "kind": kind,
        "page_obj": page_obj,
        "results": results,
        "robots": "noindex, follow",
        "search_scope": search_scope(),
        "meta_description": f"Rechercher parmi les {search_scope()} du Club.",
        "crumbs": breadcrumb_trail(request, extra="Recherche"),
    }
    return TemplateResponse(request, "home/search.html", context)


@require_safe
def robots_txt(request):
    """Crawlers may read everything public; the admin is off limits; the sitemap is announced."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
