"""Images and documents that a live page uses are covered by moderation.

A Rédacteur may change the images and documents she uploaded (Wagtail's ownership rule), but once
a moderator has published a page that uses one, replacing its file or deleting it would change
the live page without review. So, for a media item used by a live page:

- only a user with the "change" permission on its collection (the Modérateurs, administrators)
  may replace its file (``ModeratedFileFormMixin``, in the image and document forms) or delete it
  (``ModeratedMediaPermissionPolicy``, which also hides the delete button and covers the bulk
  actions; the delete views say why in French, see ``media_views``);
- its owner may still correct its title, description or tags, which do not change the file.

"Used by a live page" reads Wagtail's reference index
(https://docs.wagtail.org/en/stable/advanced_topics/reference_index.html): a live page that
refers to the item, or a snippet that refers to it and that a live page refers to (a speaker's
portrait shown on a live webinar page).
"""

from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import policy_registry

#: How many live pages a refusal names.
NAMED_PAGES = 3


def _references_by_source(instance):
    """``{base content type id: [object ids]}`` of the objects that refer to ``instance``."""
    sources = {}
    for content_type_id, object_id in ReferenceIndex.get_references_to(instance).values_list(
        "base_content_type_id", "object_id"
    ):
        sources.setdefault(content_type_id, set()).add(object_id)
    return sources


def live_pages_using(instance, depth=2):
    """The live pages that show ``instance``, directly or through a snippet (``depth`` levels)."""
    page_type = ContentType.objects.get_for_model(Page)
    found = []
    for content_type_id, object_ids in _references_by_source(instance).items():
        if content_type_id == page_type.pk:
            ids = [int(object_id) for object_id in object_ids if object_id.isdigit()]
            found += Page.objects.filter(pk__in=ids, live=True).order_by("title")
        elif depth > 1:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            for source in model._default_manager.filter(pk__in=object_ids):
                found += live_pages_using(source, depth - 1)
    return list({page.pk: page for page in found}.values())


def may_alter_published_media(user, instance):
    """Moderators and administrators: a "change" permission granted on the item's collection (or
    an ancestor), not the right to change one's own uploads that comes with "add"."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    auth_model = policy_registry.get(instance).auth_model
    return GroupCollectionPermission.objects.filter(
        group__user=user,
        permission__content_type=ContentType.objects.get_for_model(auth_model),
        permission__codename=get_permission_codename("change", auth_model._meta),
        collection__in=instance.collection.get_ancestors(inclusive=True),
    ).exists()


def _page_names(pages):
    names = ", ".join(f"« {page.title} »" for page in pages[:NAMED_PAGES])
    more = len(pages) - NAMED_PAGES
    return names + (f" et {more} autre{'s' if more > 1 else ''}" if more > 0 else "")


def refusal(user, instance, action):
    """Why ``user`` may not ``action`` ("replace" or "delete") ``instance``, in French; or ""."""
    if instance.pk is None or may_alter_published_media(user, instance):
        return ""
    pages = live_pages_using(instance)
    if not pages:
        return ""
    kind = "Ce document" if isinstance(instance, get_document_model()) else "Cette image"
    used = f"est utilisé{'e' if kind == 'Cette image' else ''}"
    where = "par une page en ligne" if len(pages) == 1 else "par des pages en ligne"
    if action == "replace":
        advice = (
            "Le remplacer changerait la page publiée sans relecture. Transférez le nouveau "
            "fichier comme un nouveau média et choisissez-le dans la page, qui passera en "
            "modération, ou demandez à un modérateur de le remplacer."
        )
    else:
        advice = (
            "Le supprimer changerait la page publiée sans relecture : retirez-le d'abord de la "
            "page (la modification passera en modération) ou demandez à un modérateur."
        )
    return f"{kind} {used} {where} ({_page_names(pages)}). {advice}"


class ModeratedMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's rule for images and documents, minus deleting what a live page uses."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if set(actions) == {"delete"} and refusal(user, instance, "delete"):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


class ModeratedFileFormMixin:
    """For the image and document forms: a new file for a media item a live page uses is
    refused, with the reason, unless the user may alter published media."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.file_refusal = ""
        if user is not None and "file" in self.fields and self.instance.pk:
            self.file_refusal = refusal(user, self.instance, "replace")
            if self.file_refusal:
                self.fields["file"].help_text = self.file_refusal

    def clean(self):
        cleaned_data = super().clean()
        if self.file_refusal and "file" in self.changed_data:
            self.add_error("file", self.file_refusal)
        return cleaned_data


def install():
    """Register the policy for images and documents (from ``HomeConfig.ready``).

    ``exact_class=True`` takes precedence over the policy that Wagtail's apps register after.
    """
    from wagtail.permissions import register_permission_policy

    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        policy = ModeratedMediaPermissionPolicy(
            model, auth_model=auth_model, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(model, policy, exact_class=True)
