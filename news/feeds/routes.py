"""The feeds as routes of the news index page, so that they follow it wherever editors move it.

``NewsIndexPage`` mixes ``FeedRoutesMixin`` in (with Wagtail's ``RoutablePageMixin``,
https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html). Below the index page
(``/actualites/`` by default):

- ``flux/``: the "Flux RSS" page that lists every feed;
- ``flux.rss`` and ``flux.atom``: all news;
- ``<articles|webinaires|temoignages>/flux.rss`` (and ``.atom``): one kind (``news.kinds``);
- ``themes/<slug>/flux.rss`` (and ``.atom``): one theme (404 if unknown).

Wagtail's page URLs end with a slash and never hold a dot; ``config/urls.py`` sends the paths
that end in ``.rss`` or ``.atom`` to Wagtail's page serving as well, and ``route`` below resolves
them without the trailing slash Wagtail adds. Only GET and HEAD are answered.
"""

from django.http import Http404, HttpResponseNotAllowed
from wagtail.contrib.routable_page.models import re_path
from wagtail.url_routing import RouteResult

from news.feeds import views

FORMAT = r"(?P<fmt>rss|atom)"
SAFE_METHODS = ("GET", "HEAD")
FEED_ROUTES = frozenset({"feeds", "feed", "kind_feed", "theme_feed"})


class FeedRoutesMixin:
    """The feed routes and feed addresses of the news index page.

    The views live in ``news.feeds.views``. ``news.models`` loads the index page last, once the
    page types the views use are defined.
    """

    @re_path(r"^flux/$", name="feeds")
    def feeds_route(self, request):

        return views.feeds_page(request, index=self)

    @re_path(rf"^flux\.{FORMAT}$", name="feed")
    def feed_route(self, request, fmt):

        return views.FEED_VIEWS[fmt](request, index=self)

    @re_path(rf"^(?P<segment>[-\w]+)/flux\.{FORMAT}$", name="kind_feed")
    def kind_feed_route(self, request, segment, fmt):

        return views.FEED_VIEWS[fmt](request, index=self, kind=segment)

    @re_path(rf"^themes/(?P<slug>[-a-zA-Z0-9_]+)/flux\.{FORMAT}$", name="theme_feed")
    def theme_feed_route(self, request, slug, fmt):

        return views.FEED_VIEWS[fmt](request, index=self, theme=slug)

    def route(self, request, path_components):
        """Resolve ``flux.rss``-like paths as they are: ``RoutablePageMixin.route`` would look
        for ``flux.rss/``, an address no feed reader uses."""
        if self.live and path_components and "." in path_components[-1]:
            try:
                match = self.resolve_subpage("/" + "/".join(path_components))
            except Http404:
                pass
            else:
                request.routable_resolver_match = match
                return RouteResult(self, args=(match.func, match.args, match.kwargs))
        return super().route(request, path_components)

    def check_request_method(self, request, *args, **kwargs):
        """The feeds and the "Flux RSS" page answer GET and HEAD only, OPTIONS included (Wagtail
        would otherwise answer it for them, with every method a page may take)."""
        match = getattr(request, "routable_resolver_match", None)
        is_feed_route = match is not None and match.url_name in FEED_ROUTES
        if is_feed_route and request.method not in SAFE_METHODS:
            return HttpResponseNotAllowed(SAFE_METHODS)
        return super().check_request_method(request, *args, **kwargs)

    # Addresses ---------------------------------------------------------------------------
    def feed_url(self, fmt, kind=None, theme=None, request=None):
        """The path of a feed: ``fmt`` is ``rss`` or ``atom``; ``kind`` a ``news.kinds.Kind``,
        ``theme`` a ``home.Theme`` (``NoReverseMatch`` if its slug cannot be in a URL)."""
        if theme is not None:
            route = self.reverse_subpage("theme_feed", kwargs={"slug": theme.slug, "fmt": fmt})
        elif kind is not None:
            route = self.reverse_subpage("kind_feed", kwargs={"segment": kind.segment, "fmt": fmt})
        else:
            route = self.reverse_subpage("feed", kwargs={"fmt": fmt})
        return self.get_url(request) + route

    def feeds_page_url(self, request=None):
        """The address of the "Flux RSS" page: ``/actualites/flux/``."""
        return self.get_url(request) + self.reverse_subpage("feeds")
