"""The "Webinaires passés sans compte rendu" dashboard panel (registered in ``wagtail_hooks``).

A webinar page switches to its recap face once the session has ended; until someone writes the
recap, visitors read "Le compte rendu de cette session n'est pas encore publié". This panel lists
those webinars to the editorial team, most recent first, with a link to the recap tab.
"""

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from news.models import WebinarPage

LIMIT = 10
#: Past webinars looked at: a recap is written in the weeks after a session, not years later.
SCAN = 100


def past_webinars_without_recap(user, now=None):
    now = now or timezone.now()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add", "change", "publish"]
    )
    candidates = (
        WebinarPage.objects.live()
        .filter(starts_at__lt=now, pk__in=editable.values("pk"))
        .order_by("-starts_at")[:SCAN]
    )
    return [page for page in candidates if page.is_past(now) and not page.has_recap][:LIMIT]


class PastWebinarsWithoutRecapPanel(Component):
    name = "past_webinars_without_recap"
    template_name = "news/admin/past_webinars_panel.html"
    order = 207

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["webinars"] = past_webinars_without_recap(parent_context["request"].user)
        return context
