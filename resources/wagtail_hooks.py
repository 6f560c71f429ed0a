from django.http import Http404
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.demo.loader import DEMO_CONTENT_HOOK
from home.editorial.choosers import CreatingSnippetChooserViewSet
from home.editorial.roles import SECTIONS_HOOK, EditorialSection
from home.search import SEARCH_KINDS_HOOK, SearchKind
from resources import demo
from resources.models import Organisation, ResourceIndexPage, ResourcePage


class OrganisationChooserViewSet(CreatingSnippetChooserViewSet):
    """The resource editor's organisation chooser, with a "Nouvelle structure" tab.

    The logo is left out (a chooser inside the chooser would be awkward; it is added later from the
    Structures menu) and so is the slug, which the model builds from the acronym or the name.
    """

    form_fields = ["name", "acronym", "website"]
    creation_tab_label = "Nouvelle structure"
    create_action_label = "Ajouter cette structure"
    create_action_clicked_label = "Ajout en cours…"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    chooser_viewset_class = OrganisationChooserViewSet
    icon = "group"
    menu_label = "Structures"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "acronym", "website"]
    search_fields = ["name", "acronym"]


register_snippet(OrganisationViewSet)


@hooks.register("before_serve_document")
def missing_document_file_is_not_found(document, request):
    """A document whose file is gone from storage answers 404, whatever the storage.

    Wagtail's serve view already answers 404 for a missing local file, but with a storage that has
    no local path (S3 in production) it would fail while streaming the file, hence a 500.
    https://docs.wagtail.org/en/stable/reference/hooks.html#before-serve-document
    """
    if not document.file or not document.file.storage.exists(document.file.name):
        raise Http404("Ce document n'est plus disponible.")


@hooks.register(SEARCH_KINDS_HOOK, order=20)
def resources_in_search():
    return [SearchKind("ressource", "Ressource", "Ressources", ResourcePage)]


@hooks.register(SECTIONS_HOOK)
def resources_section():
    """Rédacteurs and Modérateurs work under the library; organisations are its vocabulary."""
    return EditorialSection(ResourceIndexPage, snippets=(Organisation,))


hooks.register(DEMO_CONTENT_HOOK, demo.load, order=20)
