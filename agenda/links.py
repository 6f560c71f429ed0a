"""Finding the site's agenda page from anywhere (home page, news pages), once per request."""

from wagtail.models import Site

from agenda.models import AgendaPage

_CACHE_ATTR = "_agenda_page"


def agenda_for(request):
    """The agenda page a visitor may see on the request's site, or ``None``; one query at most
    per request, however many cards ask."""
    if hasattr(request, _CACHE_ATTR):
        return getattr(request, _CACHE_ATTR)
    agendas = AgendaPage.objects.visible()
    site = Site.find_for_request(request)
    if site is not None:
        agendas = agendas.descendant_of(site.root_page, inclusive=True)
    agenda = agendas.first()
    setattr(request, _CACHE_ATTR, agenda)
    return agenda
