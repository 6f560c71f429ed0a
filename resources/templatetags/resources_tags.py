"""Template tags other apps use to show resources (news pages, theme pages)."""

from django import template

from resources.queries import resources_presented_in as presented_in_query
from resources.status import french_date as _french_date

register = template.Library()


@register.inclusion_tag("resources/includes/presented_in.html", takes_context=True)
def resources_presented_in(context, page, heading="Ressources présentées"):
    """A section listing the live resources that name ``page`` among their related news.

    Renders nothing when there are none. Usage in a webinar template::

        {% load resources_tags %}{% resources_presented_in page %}
    """
    return {
        "request": context.get("request"),
        "resources": list(presented_in_query(page)),
        "heading": heading,
    }


@register.filter
def french_date(value):
    """``1er avril 2021``: the date as French public bodies write it (empty if no date)."""
    return _french_date(value) if value else ""
