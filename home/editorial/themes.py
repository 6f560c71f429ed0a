"""Theme autocompletion in the page editor: propose existing themes as the editor types.

Wagtail's tag autocompletion matches names that start with the typed text, case-sensitively for
accents on SQLite: "econ" or "#éco" would not propose "Économie territoriale", nor "territ".
Here a theme is proposed when any word of its name starts with what was typed, accents, case and a
leading "#" aside, so editors reuse the vocabulary instead of creating near-duplicates.
"""

from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from wagtail.admin.forms.tags import TagField
from wagtail.admin.widgets import AdminTagWidget

from home.models import Theme
from home.themes import theme_slug

LIMIT = 10


def autocomplete(request):
    """JSON list of theme names matching ``?term=`` (the format of Wagtail's tag widget)."""
    slug = theme_slug(request.GET.get("term", ""))
    if not slug:
        return JsonResponse([], safe=False)
    matches = (
        Theme.objects.filter(Q(slug__startswith=slug) | Q(slug__contains=f"-{slug}"))
        .order_by("name")
        .values_list("name", flat=True)[:LIMIT]
    )
    return JsonResponse(list(matches), safe=False)


class ThemeTagWidget(AdminTagWidget):
    """Wagtail's tag widget, asking ``autocomplete`` above for suggestions."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse("home_theme_autocomplete")
        context["widget"]["help_text"] = (
            "Choisissez de préférence un thème proposé pendant la saisie ; Entrée ou une "
            "virgule valide un nouveau thème."
        )
        return context


def theme_form_field_override(db_field):
    """For ``register_form_field_override``: the form field of every ``ThemeTaggableManager``."""
    return {"form_class": TagField, "tag_model": db_field.related_model, "widget": ThemeTagWidget}
