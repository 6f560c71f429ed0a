"""The filters of the resource listing, read from the query string.

Parameters (French, as visitors see them in the address bar): ``type`` (kind), ``public``
(audience slug), ``theme`` (theme slug), ``structure`` (organisation slug) and ``ouvert`` (open or
permanent today: ``1``, ``on``, ``oui``... or ``0``, ``non``...). They combine. The mechanism and
the policy for bad values are the site's (``home.filters``): a value that names nothing the listing
can show (unknown kind or audience, a theme or organisation no published resource carries,
``ouvert=peut-etre``, a parameter given twice) makes the filter set invalid, and the listing
answers 404, as the news listing does.
"""

import django_filters
from django.utils import timezone

from home.filters import FlagFilter, ListingFilterSet, SlugChoiceFilter, ThemeFilter
from home.models import Theme
from home.page_cache.derived import derived
from resources.models import (
    Audience,
    Organisation,
    ResourceKind,
    ResourceOrganisation,
    ResourcePageTheme,
)
from resources.status import open_on_q


class ResourceFilterSet(ListingFilterSet):
    """Filters ``queryset`` (visible resources); offers only the themes and organisations that lead
    to at least one of them."""

    type = django_filters.ChoiceFilter(
        field_name="kind",
        label="Type de ressource",
        choices=[("", "Tous les types")] + ResourceKind.choices,
        empty_label=None,
    )
    public = SlugChoiceFilter(
        field_name="audiences",
        queryset=Audience.objects.all(),
        label="Public",
        empty_label="Tous les publics",
    )
    theme = ThemeFilter(label="Thème", method="filter_theme", empty_label="Tous les thèmes")
    structure = SlugChoiceFilter(
        label="Structure porteuse", method="filter_structure", empty_label="Toutes les structures"
    )
    ouvert = FlagFilter(
        label="Seulement les ressources ouvertes aujourd'hui",
        method="filter_open",
        active_label="Ouvertes aujourd'hui",
        help_text="Dispositifs dont l'appel est en cours, et ressources permanentes.",
    )

    def __init__(self, data, queryset, *, today=None, index=None, **kwargs):
        """``index``: the resource index whose resources ``queryset`` holds; its themes and
        organisations are then kept per generation (``home.page_cache.derived``) instead of
        found again on every visit."""
        super().__init__(data, queryset, **kwargs)
        self.today = today or timezone.localdate()
        themes = Theme.objects.with_counts(count=queryset)
        organisations = Organisation.objects.filter(resource_links__page__in=queryset).distinct()

        def choices():
            return list(themes), list(organisations)

        self.filters["theme"].queryset = themes
        self.filters["structure"].queryset = organisations
        if index is not None:
            known_themes, known_organisations = derived(
                self.request, "resource-filter-choices", choices, index.pk
            )
            self.filters["theme"].extra["instances"] = known_themes
            self.filters["structure"].extra["instances"] = known_organisations

    # Themes and organisations through subqueries: a resource shows once whatever it links to.
    def filter_theme(self, queryset, name, theme):
        tagged = ResourcePageTheme.objects.filter(tag=theme)
        return queryset.filter(pk__in=tagged.values("content_object_id"))

    def filter_structure(self, queryset, name, organisation):
        links = ResourceOrganisation.objects.filter(organisation=organisation)
        return queryset.filter(pk__in=links.values("page_id"))

    def filter_open(self, queryset, name, value):
        return queryset.filter(open_on_q(self.today)) if value else queryset
