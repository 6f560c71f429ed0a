"""A page cache for anonymous visitors, shared by every app server, that is never stale.

- ``middleware.py``: serves and stores whole responses before any other middleware runs;
- ``policy.py``: which requests and responses may be cached (one place for the rules);
- ``keys.py``: cache keys and the site-wide generation that invalidates every entry at once;
- ``invalidation.py``: the signals that bump the generation (and purge the front-end cache);
- ``frontend.py``: purging the reverse proxy or CDN, never blocking an editor.
- ``derived.py``: what every page repeats (menu, footer, routes, theme counts...), kept under the
  same generation so that an uncached render queries only what the page itself shows;
- ``sites.py``: the request's Wagtail site and root page from ``derived.py``.

Content changes a few times a day and each change may show on many pages (listings, theme pages,
feeds, the home page), so one generation for the whole site is simpler and safer than tracking
which page shows what: a change makes every entry unreachable, the next visits rebuild them.
"""
