"""The listing's filters: kind, theme and year, read from the query string.

Parameters are French and shareable: ``/actualites/?type=webinaire&theme=economie-territoriale&
annee=2020``. An empty value means "all" (that is what the form sends for "Tous les types").
A value that names nothing the listing can show (unknown kind, theme without visible news, year
without news, ``annee=abc``) makes the form invalid, and the view answers 404: a wrong address,
never a server error, and never a page that pretends to filter.
"""

from django import forms

from home.forms import ThemeChoiceField

from .kinds import KINDS, KINDS_BY_SLUG, LISTING_PARAM

# The kinds a visitor can filter on (``news.kinds``), by their URL slug.
KIND_CHOICES = [("", "Tous les types")] + [(kind.slug, kind.plural) for kind in KINDS]


class NewsFilterForm(forms.Form):
    """Validates the filters; ``apply`` narrows a news queryset with the valid ones.

    ``themes`` is the queryset of themes that may be chosen, ``years`` the list of years (ints).
    """

    type = forms.ChoiceField(label="Type", required=False, choices=KIND_CHOICES)
    theme = ThemeChoiceField(queryset=None, label="Thème", empty_label="Tous les thèmes")
    annee = forms.TypedChoiceField(label="Année", required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, themes, years):
        # Only the filter parameters: ?page=2 and the like are not the form's business.
        super().__init__({name: data.get(name, "") for name in self.base_fields})
        self.fields["theme"].queryset = themes
        self.fields["annee"].choices = [("", "Toutes les années")] + [
            (str(year), str(year)) for year in years
        ]

    @property
    def kind(self):
        """The slug of the chosen kind (``?type=webinaire``), or None."""
        return self.cleaned_data.get(LISTING_PARAM) or None

    @property
    def kind_obj(self):
        """The chosen ``news.kinds.Kind``, or None."""
        return KINDS_BY_SLUG.get(self.kind)

    @property
    def theme_obj(self):
        return self.cleaned_data.get("theme")

    @property
    def year(self):
        return self.cleaned_data.get("annee")

    @property
    def is_filtered(self):
        return bool(self.kind or self.theme_obj or self.year)

    def apply(self, queryset):
        """``queryset`` narrowed by the valid filters (call after ``is_valid()``)."""
        if self.kind_obj is not None:
            queryset = queryset.type(self.kind_obj.model)
        if self.theme_obj is not None:
            queryset = queryset.filter(tagged_themes__tag=self.theme_obj)
        if self.year is not None:
            queryset = queryset.filter(date__year=self.year)
        return queryset

    def summary(self):
        """The active filters in words: ``Webinaires, #Économie territoriale, 2020``."""
        parts = []
        if self.kind_obj is not None:
            parts.append(self.kind_obj.plural)
        if self.theme_obj is not None:
            parts.append(self.theme_obj.hashtag)
        if self.year is not None:
            parts.append(str(self.year))
        return ", ".join(parts)
