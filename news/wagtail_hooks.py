from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.demo.loader import DEMO_CONTENT_HOOK
from home.editorial.choosers import CreatingSnippetChooserViewSet
from home.editorial.roles import SECTIONS_HOOK, EditorialSection
from home.editorial.scheduling import sees_editorial_panels
from home.search import SEARCH_KINDS_HOOK, SearchKind
from home.sections import HOOK as HOME_SECTIONS_HOOK
from home.sections import HomeSection
from home.templatetags.themes import THEME_PAGES_HOOK
from news import demo
from news.dashboard import PastWebinarsWithoutRecapPanel
from news.kinds import KINDS
from news.links import news_index_for
from news.models import NewsIndexPage, Speaker
from news.queries import home_sections
from resources.models import PRESENTERS_HOOK


class SpeakerChooserViewSet(CreatingSnippetChooserViewSet):
    """The webinar editor's speaker chooser, with a "Nouvel intervenant" tab.

    The photo is left out: a chooser inside the chooser would be awkward; it is added later from
    the Intervenants menu.
    """

    form_fields = ["name", "role", "organisation"]
    creation_tab_label = "Nouvel intervenant"
    create_action_label = "Ajouter cet intervenant"
    create_action_clicked_label = "Ajout en cours…"


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    chooser_viewset_class = SpeakerChooserViewSet
    icon = "user"
    menu_label = "Intervenants"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "organisation"]


register_snippet(SpeakerViewSet)


@hooks.register(HOME_SECTIONS_HOOK)
def news_on_the_home_page(home_page, request):
    """The latest items, the webinar of the moment, a testimonial and the themes."""
    return HomeSection(
        "news/includes/home_sections.html", home_sections(home_page, request=request), order=10
    )


@hooks.register(SEARCH_KINDS_HOOK, order=10)
def news_kinds_in_search():
    """The kinds of news, with the slugs and names of the news listing's filter."""
    return [SearchKind(kind.slug, kind.label, kind.plural, kind.model) for kind in KINDS]


@hooks.register(SECTIONS_HOOK)
def news_section():
    """Rédacteurs and Modérateurs work under the news index; speakers are its vocabulary."""
    return EditorialSection(NewsIndexPage, snippets=(Speaker,))


hooks.register(DEMO_CONTENT_HOOK, demo.load, order=10)


@hooks.register("construct_homepage_panels")
def past_webinars_without_recap_panel(request, panels):
    if sees_editorial_panels(request.user):
        panels.append(PastWebinarsWithoutRecapPanel())


@hooks.register(THEME_PAGES_HOOK)
def theme_pages_are_routes_of_the_news_index(theme, request):
    index = news_index_for(request)
    return index.theme_url(theme, request) if index else ""


@hooks.register(PRESENTERS_HOOK)
def news_items_present_resources():
    """A resource's "Présentée dans" chooser offers the news items of every kind."""
    return [kind.model for kind in KINDS]
