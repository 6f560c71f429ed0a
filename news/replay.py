"""A webinar's replay: a plain link by default; an embedded player only when allowed and available.

The site promises visitors that its pages load nothing from another host (see the privacy page),
so the replay is, by default, a link to the video: rendering it never fetches anything. A site that
accepts third-party players sets ``NEWS_EMBED_REPLAYS = True``: the player then comes from Wagtail
embeds (https://docs.wagtail.org/en/stable/advanced_topics/embeds.html), and a video that cannot be
fetched (unknown provider, network down, removed video) degrades to the same link, never an error.
"""

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.embeds import embeds

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Replay:
    url: str
    host: str
    html: str = ""  # the embedded player's HTML; empty for a plain link


def replay_for(url):
    """The ``Replay`` of ``url``, or ``None`` without a URL."""
    if not url:
        return None
    host = (urlsplit(url).hostname or url).removeprefix("www.")
    html = ""
    if getattr(settings, "NEWS_EMBED_REPLAYS", False):
        try:
            html = embeds.get_embed(url).html or ""
        except Exception:  # any provider or network failure: the link below is enough
            logger.warning("Replay %s could not be embedded; showing a link instead.", url)
    return Replay(url=url, host=host, html=html)
