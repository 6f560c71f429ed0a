"""Theme autocompletion in the page editor: propose existing themes as the editor types.

Wagtail's tag autocompletion matches names that start with the typed text, case-sensitively for
accents on SQLite: "econ" or "#éco" would not propose "Économie territoriale", nor "territ".
Here a theme is proposed when any word of its name starts with what was typed, accents, case and a
leading "#" aside, so editors reuse the vocabulary instead of creating near-duplicates.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from wagtail.admin.forms.tags import TagField
from wagtail.admin.widgets import AdminTagWidget

from home.models import Theme
from home.themes import near_duplicate_theme, theme_exists_message, theme_slug

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
    """Wagtail's tag widget, asking ``autocomplete`` above for suggestions.

    Themes are separated by commas (``home.themes.parse_themes``), so the field shows them as
    typed, ``Économie territoriale, Mobilité``, without the quotes taggit puts around names with
    spaces (only a name holding a comma keeps them).
    """

    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            names = sorted((getattr(tag, "name", tag) for tag in value), key=theme_slug)
            value = ", ".join(f'"{name}"' if "," in name else name for name in names)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-w-tag-url-value"] = reverse("home_theme_autocomplete")
        context["widget"]["attrs"]["data-club-themes"] = (
            ""  # no quotes: static/home/js/theme-tags.js
        )
        context["widget"]["help_text"] = (
            "Choisissez de préférence un thème proposé pendant la saisie ; Entrée ou une "
            "virgule valide un nouveau thème."
        )
        return context


class ThemeTagField(TagField):
    """The page's themes field: a new theme that is another spelling of an existing one
    ("Transitions écologiques" for "Transition écologique") is refused, so that no theme is
    created and the writer picks the existing one."""

    def clean(self, value):
        names = super().clean(value)
        themes = list(Theme.objects.only("pk", "name", "slug"))
        existing = {theme.slug for theme in themes}
        errors = []
        for name in names:
            if theme_slug(name) in existing:
                continue
            same = near_duplicate_theme(name, themes)
            if same is not None:
                errors.append(ValidationError(theme_exists_message(same), code="theme_exists"))
        if errors:
            raise ValidationError(errors)
        return names


def theme_form_field_override(db_field):
    """For ``register_form_field_override``: the form field of every ``ThemeTaggableManager``."""
    return {
        "form_class": ThemeTagField,
        "tag_model": db_field.related_model,
        "widget": ThemeTagWidget,
    }
