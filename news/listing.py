"""What the news index's routes put in their context (the routes themselves are on the model).

Kept apart from the model so that a reader finds the listing's logic by its file name, and so that
the templates only lay out what is computed here.

Context contract for the feeds (``news/feeds/``): the listing sets ``feed_kind`` to the kind's
slug when it is filtered by one kind, and a theme page sets ``feed_theme`` to its ``Theme``.
"""

from django.http import Http404

from home.card_html import card_html
from home.formatting import count_fr
from home.models import Theme
from home.models.theme import theme_in_use
from home.page_cache.derived import derived
from home.pagination import paginate
from resources.models import ResourcePage

from .filters import NewsFilterSet
from .queries import visible

PER_PAGE = 12


def result_label(count):
    return count_fr(count, "actualité", "actualités", "Aucune actualité")


def _ids(news):
    """The ids of ``news``, in its order: a page of results reads ids only, and its cards come
    from ``home.card_html`` (rendered once per generation)."""
    return news.values_list("pk", flat=True)


def listing_context(index, request):
    """``/actualites/``: every item newest first, filtered by kind, theme and year."""
    filters = NewsFilterSet(request.GET, visible().child_of(index), index=index, request=request)
    if not filters.is_valid():
        raise Http404("Ce filtre ne correspond à aucune actualité.")
    results = paginate(request, _ids(filters.qs), PER_PAGE, count_key=filters.count_key(index.pk))
    if filters.is_active:
        empty = "Aucune actualité ne correspond à ces critères. Essayez d'effacer un filtre."
    else:
        empty = "Aucune actualité n'est encore publiée."
    return {
        "filters": filters,
        "page_obj": results,
        "cards": card_html(request, results.object_list),
        "result_count": results.paginator.count,
        "result_label": result_label(results.paginator.count),
        "empty_message": empty,
        "feed_kind": filters.kind,
    }


def theme_list_context(index, request):
    """``/actualites/themes/``: every theme that visible news or resources carry, with counts.

    One query for the counts, whatever the number of themes, news and resources, once per
    generation (``home.page_cache.derived``).
    """
    themes = derived(
        request,
        "theme-list",
        lambda: list(
            Theme.objects.with_counts(
                news_count=visible().child_of(index),
                resource_count=ResourcePage.objects.visible(),
            )
        ),
        index.pk,
    )
    return {
        "themes": themes,
        "seo_title": "Thèmes",
        "meta_description": "Les thèmes des actualités, webinaires, témoignages et ressources "
        "du Club des Développeurs.",
    }


def theme_context(index, request, slug):
    """``/actualites/themes/<slug>/``: every item with this theme.

    Only a theme that a visible page carries has a page: a theme typed in a draft, or left by the
    last page that carried it, answers 404.
    """
    theme = theme_in_use(slug, request)
    if theme is None:
        raise Http404("Aucune page visible ne porte ce thème.")
    news = visible().child_of(index).filter(tagged_themes__tag=theme)
    results = paginate(request, _ids(news), PER_PAGE, count_key=(index.pk, "theme", theme.pk))
    return {
        "theme": theme,
        "page_obj": results,
        "cards": card_html(request, results.object_list),
        "result_count": results.paginator.count,
        "result_label": result_label(results.paginator.count),
        "empty_message": f"Aucune actualité publiée ne porte encore le thème {theme.hashtag}.",
        "seo_title": f"{theme.hashtag} – Thèmes",
        "meta_description": "Les actualités, webinaires, témoignages et ressources du Club des "
        f"Développeurs sur le thème {theme.name}.",
        "feed_theme": theme,
    }
