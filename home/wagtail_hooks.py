"""Admin hooks of the site-wide app: themes, theme autocompletion, accessibility checker.

https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.urls import path
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.editorial import checker, themes
from home.editorial.forms import ThemeForm
from home.models import Theme
from home.security import media_views
from home.themes import ThemeTaggableManager


class ThemeViewSet(SnippetViewSet):
    """Themes managed as snippets, as Wagtail documents for custom tag models.

    https://docs.wagtail.org/en/stable/advanced_topics/tags.html#managing-tags-as-snippets
    Modérateurs rename a theme or merge spellings here; Rédacteurs choose themes in the pages.
    """

    model = Theme
    icon = "tag"
    menu_label = "Thèmes"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel(
                "name",
                help_text="Le nom du thème tel qu'il s'affiche, sans « # » (il est ajouté à "
                "l'affichage). Renommer un thème change aussi son adresse.",
            )
        ],
        base_form_class=ThemeForm,
    )


register_snippet(ThemeViewSet)

# Every theme field (news, resources) proposes existing themes whatever the accents typed.
register_form_field_override(ThemeTaggableManager, override=themes.theme_form_field_override)


# Hardening (issue 13): before Wagtail's own delete views of images and documents (same URLs),
# which this app's hooks come before (home is first in INSTALLED_APPS).
@hooks.register("register_admin_urls")
def moderated_media_urls():
    return media_views.admin_urls()


@hooks.register("register_admin_urls")
def theme_autocomplete_urls():
    return [path("themes/autocomplete/", themes.autocomplete, name="home_theme_autocomplete")]


@hooks.register("construct_wagtail_userbar")
def club_content_checker(request, items, page):
    checker.use_club_checker(items)
