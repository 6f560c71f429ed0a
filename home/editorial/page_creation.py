"""Creating a page twice at once: the second submission edits the first, never a server error.

Wagtail's editor saves a new page on its own (autosave, ``WAGTAIL_AUTOSAVE_INTERVAL``): its first
autosave creates the page, and the form is pointed at the page's edit view only when the
answer comes back. An editor who clicks "Soumettre" or "Publier" while that first save is under
way sends the create view a second page with the same address: both pass the form's check that
the address is free, and the second one then fails in the model (``Page.full_clean``), which
Wagtail answers with a server error, on a slow server at least.

Here the create view does its action in a transaction and, when the page's address has been
taken meanwhile:

- by a page the same editor created in the last ``JUST_CREATED`` and never published (the
  autosave's), the submission goes to that page's edit view, which saves what was submitted and
  does what was asked (submit, publish, save): nothing written is lost, and there is one page;
- otherwise, the form comes back with the address's error, as when the address was taken before.

Registered for each page type of the site (``BasePage``'s) through Wagtail's page viewsets
(https://docs.wagtail.org/en/stable/extending/custom_page_listings.html).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import resolve, reverse
from django.utils import timezone
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet

JUST_CREATED = datetime.timedelta(minutes=2)


class SafeCreateView(CreateView):
    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            if "slug" not in getattr(error, "message_dict", {}):
                raise
            twin = self.page_just_created(form.cleaned_data.get("slug"))
            if twin is None:
                form.add_error("slug", error.message_dict["slug"])
                return self.form_invalid(form)
        return self.edit(twin)

    def page_just_created(self, slug):
        """The page at ``slug`` under the parent that this editor has just created (unpublished,
        of the same type), or None."""
        return (
            self.parent_page.get_children()
            .filter(
                slug=slug,
                content_type=self.page_content_type,
                owner=self.request.user,
                first_published_at__isnull=True,
                latest_revision_created_at__gte=timezone.now() - JUST_CREATED,
            )
            .first()
        )

    def edit(self, page):
        """This request, as a submission of ``page``'s edit form."""
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        match = resolve(url)
        return match.func(self.request, *match.args, **match.kwargs)


class SitePageViewSet(PageViewSet):
    """Wagtail's views for the site's pages, with the create view above; the explorer's
    listings stay Wagtail's (no parent model takes this viewset's listing)."""

    add_view_class = SafeCreateView
    parent_models = ()
