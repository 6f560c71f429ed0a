"""The kinds of news (articles, webinars, testimonials), declared once.

Each kind's slug, names and feed path come from here, and from its model: ``kind`` (the slug, as
in ``/actualites/?type=webinaire``), ``kind_label`` (singular, shown on cards) and
``verbose_name_plural`` (shown in filters and feed titles). The listing's filter
(``news/filters.py``), the feeds (``news/feeds/``) and the site search
(``home/search.py``) read this list: a new kind of news is one line here.
"""

from dataclasses import dataclass

from django.utils.text import capfirst

from news.models import ArticlePage, TestimonialPage, WebinarPage

# The query parameter with which the news listing filters by kind: ``/actualites/?type=article``.
LISTING_PARAM = "type"


@dataclass(frozen=True)
class Kind:
    """A kind of news: its model, the segment of its feeds' path and what its feed carries."""

    model: type
    segment: str  # /actualites/<segment>/flux.rss (and .atom)
    description: str  # "les articles du Club...": completes "Seulement ..." on the feeds page

    @property
    def slug(self):
        return self.model.kind

    @property
    def label(self):
        """Singular, capitalised: ``Webinaire``."""
        return self.model.kind_label

    @property
    def plural(self):
        """Plural, capitalised: ``Webinaires``."""
        return capfirst(self.model._meta.verbose_name_plural)


# In the order the filters, the feeds page and the search list them.
KINDS = [
    Kind(ArticlePage, "articles", "les articles du Club, de ses membres et partenaires"),
    Kind(WebinarPage, "webinaires", "les annonces et comptes rendus des webinaires"),
    Kind(TestimonialPage, "temoignages", "les témoignages des territoires sur leurs projets"),
]
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}
KINDS_BY_SEGMENT = {kind.segment: kind for kind in KINDS}
