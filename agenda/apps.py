from django.apps import AppConfig


class AgendaConfig(AppConfig):
    """The agenda: upcoming and past sessions on one page, and the iCalendar calendars."""

    name = "agenda"
    verbose_name = "Agenda"
