"""The agenda's filters: theme and how to attend, read from the query string (django-filter).

Same policy as the news listing: parameters are French and shareable
(``/agenda/?theme=economie-territoriale&modalite=en-ligne``), an empty value means "all", and a
value that names nothing the agenda can show (unknown theme, theme no visible session carries,
unknown attendance mode) makes the filter set invalid, so that the view answers 404.
https://django-filter.readthedocs.io/en/stable/guide/usage.html
"""

import django_filters
from django.db.models import Q

from home.forms import ThemeChoiceField
from home.models import Theme

# ``modalite``: what a visitor can do. A session "en ligne et sur place" suits both.
MODES = {
    "en-ligne": ("Possible en ligne", Q(attendance__in=["online", "hybrid"])),
    "sur-place": ("Possible sur place", Q(attendance__in=["onsite", "hybrid"])),
}


class _ThemeField(ThemeChoiceField):
    """``home.forms.ThemeChoiceField`` (by slug, optional, safe with odd input) as django-filter
    builds its fields: with ``required`` and ``to_field_name``, which it already sets."""

    def __init__(self, queryset, *, required=False, to_field_name="slug", **kwargs):
        super().__init__(queryset, **kwargs)


class ThemeFilter(django_filters.ModelChoiceFilter):
    """A theme chosen by slug, among those the agenda's sessions carry."""

    field_class = _ThemeField


class SessionFilter(django_filters.FilterSet):
    """Filters the sessions of the agenda; ``themes`` limits the theme choices."""

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
        # Only the filter parameters: ?page=2 and the like are not the filter's business.
        data = {name: data.get(name, "") for name in self.base_filters}
        super().__init__(data, queryset=queryset)
        self.filters["theme"].queryset = themes

    def filter_mode(self, queryset, name, value):
        return queryset.filter(MODES[value][1]) if value else queryset

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.form.cleaned_data.get(name) for name in self.filters)

    @property
    def chosen_theme(self):
        return self.form.cleaned_data.get("theme") if self.is_valid() else None
