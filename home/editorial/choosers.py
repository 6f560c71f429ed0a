"""Snippet choosers with a creation tab: a writer adds a speaker or an organisation in the chooser.

Wagtail's chooser modal shows a second tab with a creation form when its ``ChooserViewSet`` has
``form_fields`` (or a ``creation_form_class``); the tab is offered only to users with the model's
"add" permission, and its view refuses the others (``CreateViewMixin.dispatch``). The new item is
chosen at once, so the writer never leaves the page being edited. A content app's snippet viewset
points its ``chooser_viewset_class`` at a subclass of ``CreatingSnippetChooserViewSet`` that names
the fields and the French labels.

https://docs.wagtail.org/en/stable/extending/generic_views.html#chooserviewset
https://docs.wagtail.org/en/stable/reference/viewsets.html#wagtail.admin.viewsets.chooser.ChooserViewSet
"""

from django.forms import modelform_factory
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import log
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView


class LoggedSnippetCreateView(SnippetCreateView):
    """Creation from the chooser, written to the history like a creation from the snippet menu."""

    def save_form(self, form):
        instance = super().save_form(form)
        log(instance, "wagtail.create")
        return instance


class CreatingSnippetChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser whose "create" tab lists ``form_fields`` (set them in the subclass).

    The form is built on Wagtail's admin model form, as the snippet's own edit form is, so that its
    fields behave the same (an address typed without "https://" gets it, for instance).
    """

    create_view_class = LoggedSnippetCreateView

    @property
    def creation_form_class(self):
        return modelform_factory(self.model, form=WagtailAdminModelForm, fields=self.form_fields)
