# isort: off
from .pages import ArticlePage, NewsPage, NewsPageTheme, NewsRelatedLink
from .speakers import Speaker
from .testimonial import TestimonialPage
from .webinar import WebinarPage, WebinarSpeaker

# Last: the index's routes serve the listings and feeds of the page types above.
from .index import NewsIndexPage
# isort: on

__all__ = [
    "ArticlePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTheme",
    "NewsRelatedLink",
    "Speaker",
    "TestimonialPage",
    "WebinarPage",
    "WebinarSpeaker",
]
