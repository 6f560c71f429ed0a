from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from agenda import views
from home.models import BasePage
from home.request_memo import once_per_request


class AgendaPage(RoutablePageMixin, BasePage):
    """ "Agenda": the Club's sessions (webinars, collective sessions, presentations, workshops).

    One per site, under the home page, at ``/agenda/``. The sessions themselves are the webinar
    pages of the news (``news.WebinarPage`` and its ``session_type``): this page only lists them and
    serves their calendars, as routes
    (https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html) so that they follow
    the page wherever editors move it and share its privacy settings:

    - ``agenda.ics``: every session (a calendar to subscribe to);
    - ``themes/<slug>/agenda.ics``: the sessions of one theme;
    - ``sessions/<id>.ics``: one session, to add to one's calendar.

    The logic lives in ``agenda/views.py`` (listing) and ``agenda/calendars.py`` (iCalendar).
    """

    introduction = models.TextField(
        "chapô",
        blank=True,
        max_length=600,
        help_text="Une ou deux phrases en tête de l'agenda.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = "agenda"
        verbose_name_plural = "agendas"

    def get_summary(self):
        return self.introduction

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=views.agenda_context(self, request))

    @path("agenda.ics/", name="calendar")
    def calendar_route(self, request):
        return views.serve_calendar(self, request)

    @path("themes/<slug:slug>/agenda.ics/", name="theme_calendar")
    def theme_calendar_route(self, request, slug):
        return views.serve_calendar(self, request, theme_slug=slug)

    @path("sessions/<int:page_id>.ics/", name="session_calendar")
    def session_calendar_route(self, request, page_id):
        return views.serve_session_calendar(self, request, page_id)

    # Addresses of the calendars (absolute: they are given to calendar applications) ---------
    def _file_url(self, request, route):
        """A route's public address: ``/agenda/agenda.ics``, without the slash Wagtail's
        resolution adds (``config.urls`` hands the address without it to Wagtail). The page's
        own address is found once per request: the agenda links every session's file."""
        base = once_per_request(
            request,
            "calendar_base_urls",
            self.pk,
            lambda: request.build_absolute_uri(self.get_url(request)),
        )
        return base + route.rstrip("/")

    def calendar_url(self, request, theme=None):
        """The ``https://`` address of the calendar of every session, or of one theme's."""
        if theme is None:
            return self._file_url(request, self.reverse_subpage("calendar"))
        route = self.reverse_subpage("theme_calendar", kwargs={"slug": theme.slug})
        return self._file_url(request, route)

    def session_calendar_url(self, session, request):
        """The ``.ics`` file of one session (``news.WebinarPage``)."""
        route = self.reverse_subpage("session_calendar", kwargs={"page_id": session.pk})
        return self._file_url(request, route)
