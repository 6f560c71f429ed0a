"""The request's Wagtail site and its root page, found once per generation instead of per request.

Wagtail looks the site up with a query on every request (``Site.find_for_request``), then fetches
the root page's specific model to route the URL (``Page.route_for_request``). Both change only
with the content: the middleware sets the site Wagtail would find, its root page already
specific, from the derived cache (``derived.py``), before Wagtail or any template asks.

Paths the page cache leaves alone (the admin, the health check, documents, static files) are left
to Wagtail's own lookup: the health check must answer 503, not fail, when the database is down.
"""

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site

from home.page_cache.derived import derived


def _site_for(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
            return self.get_response(request)
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = derived(
            request, "site", lambda: _site_for(request), hostname or "-", request.get_port()
        )
        return self.get_response(request)
