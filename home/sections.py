"""Sections of the home page contributed by the content apps.

The home page belongs to the site-wide app, which knows nothing of news or resources: each app adds
its sections through the ``club_home_sections`` hook, in its own ``wagtail_hooks.py``::

    @hooks.register("club_home_sections")
    def latest_news(home_page, request):
        return HomeSection("news/includes/home_sections.html", {...}, order=10)

A hook returns a ``HomeSection`` or ``None`` (nothing to show). Sections render in ``order``, then
in hook registration order. https://docs.wagtail.org/en/stable/extending/template_components.html
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from wagtail import hooks

HOOK = "club_home_sections"


@dataclass
class HomeSection:
    """A template and its context, rendered inside a page of another app (the home page first)."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100

    def render(self, request):
        return render_to_string(self.template, {"request": request, **self.context}, request)


def home_sections(home_page, request):
    """The sections every app contributes to ``home_page``, in order."""
    sections = [hook(home_page, request) for hook in hooks.get_hooks(HOOK)]
    return sorted((section for section in sections if section), key=lambda s: s.order)


def contributed_sections(hook_name, request, **kwargs):
    """The sections apps contribute to another app's page through ``hook_name``, in order.

    The same mechanism for any page whose app names a hook: the news listing and theme pages
    (``club_news_listing_sections``), the resource page (``club_resource_page_sections``). Each
    hook function receives the request and the page's keyword arguments and returns a
    ``HomeSection`` or ``None``. Shown with ``{% contributed_sections "hook" key=value %}``.
    """
    sections = [hook(request, **kwargs) for hook in hooks.get_hooks(hook_name)]
    return sorted((section for section in sections if section), key=lambda s: s.order)
