"""Template tags of the review loop (see ``home.editorial.review``): the editor's banner and the
moderator's decision quoted in the notification e-mails."""

from django import template

from home.editorial.review import latest_review, review_for_writer, scheduled_go_live

register = template.Library()


@register.simple_tag
def page_latest_review(page):
    """``{% page_latest_review page as review %}`` in the notification e-mails."""
    return latest_review(page)


@register.inclusion_tag("home/editorial/review_banner.html")
def review_banner(page):
    """The moderator's latest decision, at the top of the page editor."""
    return {"review": review_for_writer(page) if page is not None else None}


@register.simple_tag
def page_scheduled_go_live(page):
    """``{% page_scheduled_go_live page as go_live_at %}``: the approved go-live ahead, if any."""
    return scheduled_go_live(page)
