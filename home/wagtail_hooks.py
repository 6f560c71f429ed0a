"""Admin hooks of the site-wide app: themes, theme autocompletion, accessibility checker,
the dashboard panels of the editorial team.

https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.templatetags.static import static
from django.urls import path, reverse_lazy
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.models import get_page_models
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.demo import editorial as editorial_demo
from home.demo import site as site_demo
from home.demo.loader import DEMO_CONTENT_HOOK
from home.editorial import checker, guide, review, scheduling, themes
from home.editorial.forms import ThemeForm
from home.editorial.page_creation import SitePageViewSet
from home.models import BasePage, Theme
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


@hooks.register("insert_editor_js")
def theme_field_without_quotes():
    return format_html('<script src="{}"></script>', static("home/js/theme-tags.js"))


@hooks.register("insert_editor_js")
def date_pickers_in_quarter_hours():
    """15-minute steps in the time pickers; Escape closes the picker, not the dialog around it."""
    return format_html('<script src="{}"></script>', static("home/js/admin-datetime.js"))


@hooks.register("after_edit_page")
def say_what_the_review_decided(request, page):
    """After "Approuver et publier" or "Demander des modifications" in the page editor, say what
    happened instead of Wagtail's « La page a été mise à jour »."""
    if not request.POST.get("action-workflow-action"):
        return
    text = review.review_done_message(page, request.POST.get("workflow-action-name"))
    if text:
        review.replace_success_message(request, text)


@hooks.register("construct_wagtail_userbar")
def club_content_checker(request, items, page):
    checker.use_club_checker(items)


@hooks.register("construct_homepage_panels")
def scheduled_publications_panel(request, panels):
    if scheduling.sees_editorial_panels(request.user):
        panels.append(scheduling.ScheduledPublicationsPanel())


# The Club's French guide (docs/guide-redaction.md) in the admin: a page, the Aide menu, a panel.
@hooks.register("register_admin_urls")
def editors_guide_urls():
    return [
        path("guide/", guide.guide_view, name=guide.URL_NAME),
        # <slug:…> lets no "/" or ".." through: only files of docs/captures/ are served.
        path("guide/captures/<slug:name>.png", guide.guide_capture_view, name="club_guide_capture"),
    ]


@hooks.register("register_help_menu_item")
def editors_guide_menu_item():
    return MenuItem(
        guide.TITLE, reverse_lazy(guide.URL_NAME), icon_name="help", order=900, name="club-guide"
    )


@hooks.register("construct_help_menu")
def drop_wagtail_english_guides(request, menu_items):
    """Wagtail's editor guide and release notes are in English, on wagtail.org: ours replaces them."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]


@hooks.register("construct_homepage_panels")
def editors_guide_panel(request, panels):
    """Our guide in place of Wagtail's "what's new" banner, which links to its English guide."""
    panels[:] = [panel for panel in panels if panel.name != "whats_new_in_wagtail_version"]
    panels.append(guide.GuidePanel())


# Demo content (``manage.py load_demo_content``): the site first, the editorial setup last.
hooks.register(DEMO_CONTENT_HOOK, site_demo.load, order=0)
hooks.register(DEMO_CONTENT_HOOK, editorial_demo.load, order=1000)


@hooks.register("register_admin_viewset")
def register_site_page_viewsets():
    """Every page type of the site is created through ``SafeCreateView`` (a second submission of
    a page the autosave has just created edits it: ``home/editorial/page_creation.py``)."""
    return [
        SitePageViewSet(f"{model._meta.app_label}_{model._meta.model_name}_pages", model=model)
        for model in get_page_models()
        if issubclass(model, BasePage)
    ]
