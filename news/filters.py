"""The listing's filters: kind, theme and year, read from the query string.

Parameters are French and shareable: ``/actualites/?type=webinaire&theme=economie-territoriale&
annee=2020``. The mechanism and the policy for bad values are the site's (``home.filters``): a
value that names nothing the listing can show (unknown kind, theme without visible news, year
without news, ``annee=abc``, a parameter given twice) makes the filter set invalid, and the listing
answers 404.
"""

import django_filters

from home.filters import ListingFilterSet, ThemeFilter
from home.models import Theme
from home.page_cache.derived import derived

from .kinds import KINDS, KINDS_BY_SLUG, LISTING_PARAM
from .queries import news_years

# The kinds a visitor can filter on (``news.kinds``), by their URL slug.
KIND_CHOICES = [("", "Tous les types")] + [(kind.slug, kind.plural) for kind in KINDS]


class NewsFilterSet(ListingFilterSet):
    """Filters ``queryset`` (visible news of one index); offers only the themes and years it has."""

    type = django_filters.ChoiceFilter(
        label="Type", choices=KIND_CHOICES, empty_label=None, method="filter_kind"
    )
    theme = ThemeFilter(
        field_name="tagged_themes__tag", label="Thème", empty_label="Tous les thèmes"
    )
    annee = django_filters.TypedChoiceFilter(
        field_name="date", lookup_expr="year", label="Année", coerce=int, empty_value=None
    )

    def __init__(self, data, queryset, *, index=None, **kwargs):
        """``index``: the news index whose items ``queryset`` holds; its themes and years are
        then kept per generation (``home.page_cache.derived``) instead of counted each time."""
        super().__init__(data, queryset, **kwargs)

        def choices():
            return list(Theme.objects.with_counts(count=queryset)), news_years(queryset)

        if index is not None:
            themes, years = derived(self.request, "news-filter-choices", choices, index.pk)
        else:
            themes, years = choices()
        # The field offers and checks ``instances`` (``home.filters.SlugChoiceField``): its
        # queryset is never read.
        self.filters["theme"].queryset = Theme.objects.all()
        self.filters["theme"].extra["instances"] = themes
        self.filters["annee"].extra["choices"] = [("", "Toutes les années")] + [
            (str(year), str(year)) for year in years
        ]

    def filter_kind(self, queryset, name, value):
        return queryset.type(KINDS_BY_SLUG[value].model)

    @property
    def kind(self):
        """The slug of the chosen kind (``?type=webinaire``), or None."""
        return self.values.get(LISTING_PARAM)
