"""Finding the site's agenda page from anywhere (home page, news pages), once per request."""

from agenda.models import AgendaPage
from home.querysets import site_page


def agenda_for(request):
    """The agenda page a visitor may see on the request's site, or ``None``."""
    return site_page(request, AgendaPage)
