"""Adds to the demo site what the demo content lacks and a backup must keep: an uploaded image
and document, a draft with several revisions, a published page with unpublished changes and a
scheduled page. Run as ``python -m tests.backups.fill_site`` in a site process's environment."""

import io
from datetime import timedelta

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Site  # noqa: E402

from home.models import StandardPage  # noqa: E402

SEARCH_WORD = "ornithorynque"


def main():
    editor = get_user_model().objects.create_superuser(
        "sauvegarde", "sauvegarde@example.org", "sauvegarde"
    )
    home = Site.objects.get(is_default_site=True).root_page

    picture = io.BytesIO()
    PILImage.new("RGB", (640, 360), "#3a7d44").save(picture, format="PNG")
    image = get_image_model()(
        title="Photo envoyée pour la sauvegarde", description="Un aplat vert, photo de test."
    )
    image.file = ImageFile(picture, name="photo-envoyee.png")
    image.save()

    document = get_document_model()(title="Compte rendu envoyé")
    document.file = ContentFile(
        b"%PDF-1.4\n% compte rendu de test\n%%EOF\n", name="compte-rendu.pdf"
    )
    document.save()

    def body(text):
        return [
            {"type": "paragraph", "value": f"<p>{text}</p>"},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Un aplat vert", "decorative": False},
                    "caption": "Photo envoyée",
                    "credit": "Club",
                },
            },
            {"type": "document", "value": {"document": document.pk, "label": "Le compte rendu"}},
        ]

    # Published, then edited twice without publishing: live and draft versions differ.
    published = StandardPage(
        title=f"Page {SEARCH_WORD}",
        slug="page-ornithorynque",
        introduction=f"Une page que la recherche retrouve par le mot {SEARCH_WORD}.",
        body=body("Version publiée."),
        social_image=image,
    )
    home.add_child(instance=published)
    published.save_revision(user=editor).publish()
    for number in (2, 3):
        published.introduction = f"Brouillon {number}, jamais publié."
        published.save_revision(user=editor)

    # Never published: three revisions of a draft.
    draft = StandardPage(title="Brouillon en cours", slug="brouillon-en-cours", live=False)
    draft.introduction = "Premier jet."
    home.add_child(instance=draft)
    for number in (1, 2, 3):
        draft.introduction = f"Jet numéro {number}."
        draft.save_revision(user=editor)

    # Scheduled: approved to go live in a month.
    scheduled = StandardPage(
        title="Annonce programmée",
        slug="annonce-programmee",
        live=False,
        introduction="Paraîtra dans un mois.",
        go_live_at=timezone.now() + timedelta(days=30),
    )
    home.add_child(instance=scheduled)
    scheduled.save_revision(user=editor).publish()


if __name__ == "__main__":
    main()
