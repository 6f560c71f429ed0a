"""The subscribers in the admin, for the Modérateurs only (``alerts.permissions``): list, search,
CSV or Excel export, deletion. Nobody adds or edits a subscriber: only the double opt-in does.

https://docs.wagtail.org/en/stable/extending/generic_views.html#modelviewset
"""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from alerts.admin_export import SafeExportIndexView
from alerts.models import Subscription
from home.sections import HomeSection
from news.extensions import LISTING_SECTIONS_HOOK


class SubscriptionIndexView(SafeExportIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("themes")


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = "Abonnés aux alertes"
    add_to_admin_menu = True
    menu_order = 330
    index_view_class = SubscriptionIndexView
    list_display = ["email", "rhythm", "kinds_display", "theme_names", "created_at", "confirmed_at"]
    list_filter = ["rhythm"]
    list_export = [
        "email",
        "rhythm",
        "kinds_display",
        "theme_names",
        "created_at",
        "confirmed_at",
    ]
    export_headings = {
        "email": "Adresse e-mail",
        "rhythm": "Rythme",
        "kinds_display": "Types de contenus",
        "theme_names": "Thèmes",
        "created_at": "Demandé le",
        "confirmed_at": "Confirmé le",
    }
    export_filename = "abonnes-alertes"
    search_fields = ["email"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = ["email", "rhythm", "created_at", "confirmed_at"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("email", read_only=True),
        FieldPanel("rhythm", read_only=True),
        FieldPanel("confirmed_at", read_only=True),
    ]


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet("alert_subscriptions")


@hooks.register(LISTING_SECTIONS_HOOK)
def short_subscription_form(request, theme=None):
    """Under the news listing and each theme page: subscribe to alerts (the theme preselected)."""
    return HomeSection("alerts/includes/short_form.html", {"theme": theme}, order=50)
