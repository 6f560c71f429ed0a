from .index import NewsIndexPage
from .pages import ArticlePage, NewsPage, NewsPageTheme, NewsRelatedLink
from .speakers import Speaker
from .testimonial import TestimonialPage
from .webinar import WebinarPage, WebinarSpeaker

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
