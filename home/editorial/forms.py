"""Admin forms that make editors give what visitors need.

- ``ImageForm`` (``WAGTAILIMAGES_IMAGE_FORM_BASE``): every image gets a text alternative. Wagtail
  uses an image's ``description`` as its ``alt`` text wherever the page does not give one, so the
  description is required when an image is uploaded or edited, in every upload path (images
  library, multiple upload, the chooser in the page editor). An image used only as decoration is
  marked "décorative" where it is placed (image block), not here.
  https://docs.wagtail.org/en/stable/reference/settings.html#wagtailimages-image-form-base
- ``DocumentForm`` (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): the file of a document a live page
  links to is replaced only by a moderator (``home.security.media``); so is an image's.
- ``ThemeForm``: a theme is renamed or added without creating a second spelling of an existing
  theme (two names are one theme when their slugs are equal; a plural or a typo away from an
  existing theme is refused too, see ``home.themes.near_duplicate_theme``).
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from home.security.media import ModeratedFileFormMixin
from home.themes import (
    clean_theme_name,
    near_duplicate_theme,
    theme_exists_message,
    theme_slug,
)

ALT_TEXT_LABEL = "Texte alternatif (description de l'image)"
ALT_TEXT_HELP = (
    "Obligatoire. Ce que montre l'image, en une phrase, pour les personnes qui ne la voient pas : "
    "les lecteurs d'écran le lisent et il s'affiche si l'image ne se charge pas. Par exemple "
    "« Élus et techniciens autour d'une maquette du futur tiers-lieu ». Ne commencez pas par "
    "« Image de » ; recopiez le texte d'une affiche ou d'un graphique."
)


class ImageForm(ModeratedFileFormMixin, BaseImageForm):
    """Wagtail's image form, with the description (the alt text) required and explained, and
    the file of an image a live page shows kept for moderators (``home.security.media``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = ALT_TEXT_LABEL
            field.help_text = ALT_TEXT_HELP

    def clean_description(self):
        description = " ".join((self.cleaned_data.get("description") or "").split())
        if not description:
            raise forms.ValidationError("Décrivez l'image : c'est son texte alternatif.")
        return description


class DocumentForm(ModeratedFileFormMixin, BaseDocumentForm):
    """Wagtail's document form; the file of a document a live page links to is for moderators."""


class ThemeForm(WagtailAdminModelForm):
    """The theme snippet form: one name per theme, with or without the "#" typed."""

    def clean_name(self):
        name = clean_theme_name(self.cleaned_data.get("name") or "")
        slug = theme_slug(name)
        if not slug:
            raise forms.ValidationError("Donnez un nom au thème, avec au moins une lettre.")
        model = self._meta.model
        same = model.objects.filter(slug=slug).exclude(pk=self.instance.pk).first()
        if same is None:
            same = model.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).first()
        if same is not None:
            raise forms.ValidationError(
                f"Le thème « {same.name} » existe déjà : utilisez-le plutôt que d'en créer "
                "un second."
            )
        similar = near_duplicate_theme(name, model.objects.exclude(pk=self.instance.pk))
        if similar is not None:
            raise forms.ValidationError(theme_exists_message(similar))
        return name

    def save(self, commit=True):
        # The slug follows the name, so that typing the new name finds this theme again.
        self.instance.slug = theme_slug(self.cleaned_data["name"])
        return super().save(commit=commit)
