"""Let Wagtail serve the agenda's ``.ics`` routes (included from ``config.urls``, before Wagtail).

Wagtail's own URL pattern only matches paths made of ``[\\w-]+/`` segments, so ``/agenda/agenda.ics``
never reaches a page. This pattern hands such paths to Wagtail's page view unchanged: the page tree
finds the agenda page wherever editors put it, its privacy settings apply, and its routes
(``AgendaPage``, declared with a trailing slash, as Wagtail resolves them) do the rest.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", wagtail_views.serve, name="agenda_calendar_path"),
]
