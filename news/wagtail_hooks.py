from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import Speaker


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = "Intervenants"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "organisation"]


register_snippet(SpeakerViewSet)
