from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel

from home.card_html import card_html
from home.models import BasePage
from home.pagination import paginate
from resources.filters import ResourceFilterSet

from .pages import ResourcePage

CARD_TEMPLATE = "resources/includes/resource_card.html"


class ResourceIndexPage(BasePage):
    """ "Ressources": the library of schemes and tools, filtered by GET parameters.

    One per site, at ``/ressources/``. The filters live in ``resources/filters.py``; they are plain
    GET parameters so that a filtered list can be bookmarked and works without JavaScript.
    """

    introduction = models.TextField(
        "chapô",
        blank=True,
        max_length=600,
        help_text="Une ou deux phrases en tête de la liste des ressources.",
    )

    per_page = 12
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = "liste des ressources"
        verbose_name_plural = "listes des ressources"

    def get_summary(self):
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ResourceFilterSet(
            request.GET,
            ResourcePage.objects.visible().alphabetical().descendant_of(self),
            index=self,
            request=request,
        )
        if not filters.is_valid():
            raise Http404("Ce filtre ne correspond à aucune ressource.")
        # A page of results reads ids only; its cards are rendered once per generation.
        ids = filters.qs.values_list("pk", flat=True)
        results = paginate(request, ids, self.per_page, count_key=filters.count_key(self.pk))
        context["filters"] = filters
        context["page_obj"] = results
        context["cards"] = card_html(
            request, results.object_list, 3, template=CARD_TEMPLATE, variable="resource"
        )
        return context
