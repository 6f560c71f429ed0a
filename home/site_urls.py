"""Absolute addresses on the Wagtail site serving a request: one helper for the canonical URL, the
sharing tags, the sitemap and the feeds.

Built from the Wagtail ``Site`` record (host name and port set in the admin, or by the demo
loader), not from the request's ``Host`` header, so that every absolute link the site gives out
names the site's own address, whichever name or proxy a visitor came through.
"""

from urllib.parse import urlsplit

from wagtail.models import Site


def current_site(request):
    """The Wagtail site serving ``request``, else the default site (``None`` if there is none)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def base_url(request):
    """``https://host`` of the Wagtail site serving this request (no trailing slash)."""
    site = current_site(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


def absolute_url(request, url):
    """``url`` made absolute on the site's own host, unless it already is (media on S3)."""
    if not url or urlsplit(url).scheme:
        return url
    return base_url(request) + (url if url.startswith("/") else "/" + url)
