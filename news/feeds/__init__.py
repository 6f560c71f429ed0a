"""RSS 2.0 and Atom 1.0 feeds of the news: all of it, each kind, each theme.

Built on Django's syndication framework
(https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/) and served as routes of the news
index page (``routes.FeedRoutesMixin``), so that they follow the page wherever editors move it:

- ``routes``: the routes (``flux/``, ``flux.rss``, ``<kind>/flux.atom``, ``themes/<slug>/flux.rss``...)
  and the addresses of the feeds, built from the news index page;
- ``views``: the views behind the routes (conditional GET, cache lifetime) and the "Flux RSS" page;
- ``catalogue``: the list of feeds as the "Flux RSS" page and the autodiscovery links show it;
- ``state``: what one request knows about one feed (its pages, ETag, Last-Modified);
- ``channels``: the channel of each feed (title, link, stable id) and Django's ``Feed`` classes;
- ``content``: the items, built in a constant number of queries;
- ``generators``: the RSS and Atom writers, with full content, the logo and XML that stays valid.

Nothing here touches the database at import time: querysets are built per request. This package
imports nothing itself: ``news.models`` imports ``routes`` while it is being loaded.
"""
