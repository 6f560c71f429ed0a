"""Wagtail's delete views for images and documents, saying why when deleting is refused.

The permission policy (``media``) already refuses; Wagtail's views would then only answer "you do
not have permission". These views, routed before Wagtail's own at the same URLs (hook
``register_admin_urls`` in ``home/wagtail_hooks.py``), send the editor back to the item with the
reason, in French.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from wagtail.documents import get_document_model
from wagtail.documents.views import documents as document_views
from wagtail.images import get_image_model
from wagtail.images.views import images as image_views

from home.security.media import refusal


def _refusing_delete_view(view_class, model, pk_kwarg, edit_url_name):
    """``view_class`` (Wagtail's delete view) that, when deleting is refused, says why."""

    class RefusingDeleteView(view_class):
        def dispatch(self, request, *args, **kwargs):
            instance = get_object_or_404(model, pk=kwargs[pk_kwarg])
            reason = refusal(request.user, instance, "delete")
            if reason:
                messages.error(request, reason)
                return redirect(edit_url_name, instance.pk)
            return super().dispatch(request, *args, **kwargs)

    RefusingDeleteView.__name__ = f"Refusing{view_class.__name__}"
    return RefusingDeleteView


def admin_urls():
    """The delete views of images and documents, registered before Wagtail's own (same URLs)."""
    image_view = _refusing_delete_view(
        image_views.DeleteView, get_image_model(), "image_id", "wagtailimages:edit"
    )
    document_view = _refusing_delete_view(
        document_views.DeleteView, get_document_model(), "document_id", "wagtaildocs:edit"
    )
    return [
        path("images/<int:image_id>/delete/", image_view.as_view()),
        path("documents/delete/<int:document_id>/", document_view.as_view()),
    ]
