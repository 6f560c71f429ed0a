"""The agenda's filters: theme and how to attend, read from the query string (django-filter).

Same policy as the news listing: parameters are French and shareable
(``/agenda/?theme=economie-territoriale&modalite=en-ligne``), an empty value means "all", and a
value that names nothing the agenda can show (unknown theme, theme no visible session carries,
unknown attendance mode) makes the filter set invalid, so that the view answers 404.
https://django-filter.readthedocs.io/en/stable/guide/usage.html
"""

import django_filters
from django.db.models import Q

from home.filters import ListingFilterSet, ThemeFilter
from home.models import Theme

# ``modalite``: what a visitor can do. A session "en ligne et sur place" suits both.
MODES = {
    "en-ligne": ("Possible en ligne", Q(attendance__in=["online", "hybrid"])),
    "sur-place": ("Possible sur place", Q(attendance__in=["onsite", "hybrid"])),
}


class SessionFilter(ListingFilterSet):
    """Filters the sessions of the agenda (the site's one filter mechanism, ``home.filters``);
    ``themes`` (the themes sessions carry, already fetched) are the theme choices, offered and
    checked without a query."""

    theme = ThemeFilter(
        field_name="tagged_themes__tag",
        queryset=Theme.objects.none(),
        label="Thème",
        empty_label="Tous les thèmes",
    )
    modalite = django_filters.ChoiceFilter(
        label="Modalité",
        choices=[(slug, label) for slug, (label, _) in MODES.items()],
        empty_label="Toutes les modalités",
        method="filter_mode",
    )

    def __init__(self, data, queryset, *, themes):
        super().__init__(data, queryset)
        self.filters["theme"].queryset = Theme.objects.filter(pk__in=[t.pk for t in themes])
        self.filters["theme"].extra["instances"] = themes

    def filter_mode(self, queryset, name, value):
        return queryset.filter(MODES[value][1]) if value else queryset

    @property
    def is_filtered(self):
        return self.is_valid() and self.is_active

    @property
    def chosen_theme(self):
        return self.values.get("theme") if self.is_valid() else None
