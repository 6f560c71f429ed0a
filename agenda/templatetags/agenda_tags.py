"""Template helpers of the agenda's own templates: calendar addresses."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def session_calendar_url(context, agenda, session):
    """The ``.ics`` file of ``session``: ``{% session_calendar_url agenda session %}``."""
    return agenda.session_calendar_url(session, context["request"])
