"""Template helpers of the news: French dates (from ``home.formatting``, the same filters as
``{% load french_dates %}``) and the address of the news listing."""

from django import template

from home import formatting
from home.templatetags.french_dates import FILTERS
from news.links import news_index_for

register = template.Library()

for name in FILTERS:
    register.filter(name, getattr(formatting, name))


@register.simple_tag(takes_context=True)
def news_index_url(context, route=""):
    """The news listing's address, or one of its routes: ``{% news_index_url "themes" %}``."""
    request = context.get("request")
    index = news_index_for(request, context.get("page"))
    if index is None:
        return ""
    url = index.get_url(request)
    return url + index.reverse_subpage(route) if route else url
