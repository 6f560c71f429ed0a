"""The home page's links to both public forms, and support requests in the admin, for the Modérateurs only (``support.permissions``): list, filter,
read, set the status, CSV or Excel export, delete.

https://docs.wagtail.org/en/stable/extending/generic_views.html#modelviewset
"""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from alerts.admin_export import SafeExportIndexView
from home.sections import HomeSection
from resources.models.pages import RESOURCE_SECTIONS_HOOK
from support.models import SupportRequest


class SupportRequestIndexView(SafeExportIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("themes", "resources")


class SupportRequestViewSet(ModelViewSet):
    model = SupportRequest
    icon = "help"
    menu_label = "Demandes d'accompagnement"
    add_to_admin_menu = True
    menu_order = 320
    index_view_class = SupportRequestIndexView
    list_display = ["name", "structure", "departement", "status", "created_at"]
    list_filter = ["status", "departement", "role"]
    list_export = [
        "created_at",
        "status",
        "name",
        "structure",
        "role",
        "departement",
        "territory",
        "email",
        "phone",
        "project",
        "theme_names",
        "resource_titles",
    ]
    export_filename = "demandes-accompagnement"
    search_fields = ["name", "structure", "email", "territory", "project"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_enabled = True
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("structure", read_only=True),
                FieldPanel("role", read_only=True),
                FieldPanel("departement", read_only=True),
                FieldPanel("territory", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("project", read_only=True),
                FieldPanel("themes", read_only=True),
                FieldPanel("resources", read_only=True),
                FieldPanel("created_at", read_only=True),
            ],
            heading="La demande",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_support_request_viewset():
    return SupportRequestViewSet("support_requests")


@hooks.register("club_home_sections")
def support_and_alerts_home_section(home_page, request):
    """The home page offers both ways to act with the Club: ask for support, follow by e-mail."""
    return HomeSection(
        "support/includes/home_section.html",
        {"support_url": reverse("support:request"), "alerts_url": reverse("alerts:subscribe")},
        order=50,
    )


@hooks.register(RESOURCE_SECTIONS_HOOK)
def ask_for_support_about_a_resource(request, page):
    return HomeSection("support/includes/resource_support.html", {"resource": page}, order=50)
