"""Purging the reverse proxy or CDN in front of the app servers (``wagtail.contrib.frontend_cache``).

Wagtail purges a page's own URLs when it is published or unpublished. A change shows on more
than its page (listings with their query strings, theme pages, feeds, the home page), so on
every change ``invalidation.py`` also asks each backend to drop the whole site, as the page
cache's generation does for the app servers:

- ``HTTPBackend`` (Varnish, see ``deploy/varnish/default.vcl``): a ``PURGE`` of the site's root
  URL; our VCL bans every object of the host on any ``PURGE``;
- ``CloudflareBackend``: Cloudflare's "purge everything" of the zone;
- ``CloudfrontBackend``: an invalidation of ``/*``.

A purge that fails is logged and never blocks publishing: requests have a timeout and every
error is caught (https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html).
"""

import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

import requests
from wagtail import __version__
from wagtail.contrib.frontend_cache.backends import http
from wagtail.contrib.frontend_cache.backends.cloudflare import CloudflareBackend as BaseCloudflare
from wagtail.contrib.frontend_cache.backends.cloudfront import CloudfrontBackend as BaseCloudfront
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Site

logger = logging.getLogger("wagtail.frontendcache")

TIMEOUT_SECONDS = 5


class HTTPBackend(http.HTTPBackend):
    """Wagtail's ``PURGE`` sender, with a timeout: a proxy that hangs must not hang the admin."""

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = http.PurgeRequest(
            url=urlunsplit(
                (self.cache_scheme, self.cache_netloc, parts.path or "/", parts.query, "")
            ),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            with urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310 (configured URL)
                pass
        except (OSError, ValueError) as error:  # URLError, HTTPError, timeouts, refused
            logger.error("Couldn't purge '%s' from the HTTP cache: %r", url, error)

    def purge_all(self, root_url):
        self.purge(root_url + "/")


class CloudflareBackend(BaseCloudflare):
    def purge_all(self, root_url):
        headers = {"Content-Type": "application/json"}
        if self.cloudflare_token:
            headers["Authorization"] = f"Bearer {self.cloudflare_token}"
        else:
            headers["X-Auth-Email"] = self.cloudflare_email
            headers["X-Auth-Key"] = self.cloudflare_api_key
        response = requests.post(
            self.cloudflare_purge_endpoint_url,
            json={"purge_everything": True},
            headers=headers,
            timeout=TIMEOUT_SECONDS,
        )
        response.raise_for_status()


class CloudfrontBackend(BaseCloudfront):
    def purge_all(self, root_url):
        self.purge_batch([root_url + "/*"])


def purge_site():
    """Ask every configured front-end cache to drop every page of every site; log failures."""
    backends = get_backends()
    if not backends:
        return
    for site in Site.objects.all():
        root_url = site.root_url
        hostname = urlsplit(root_url).netloc
        for name, backend in backends.items():
            if not hasattr(backend, "purge_all") or not backend.invalidates_hostname(hostname):
                continue
            try:
                backend.purge_all(root_url)
            except Exception:
                logger.exception("Couldn't purge %s from the front-end cache %s", root_url, name)
