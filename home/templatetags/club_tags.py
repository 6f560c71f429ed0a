"""Small presentation helpers shared by every app's templates."""

import os

from django import template
from django.utils.safestring import mark_safe

from home import sections
from home.models.site_settings import SOCIAL_NETWORKS

register = template.Library()

FILE_TYPES = {
    "pdf": "PDF",
    "docx": "Word",
    "odt": "OpenDocument texte",
    "xlsx": "Excel",
    "ods": "OpenDocument tableur",
    "pptx": "PowerPoint",
    "odp": "OpenDocument présentation",
    "csv": "CSV",
    "zip": "ZIP",
}


def french_file_size(size):
    """``850 octets``, ``12 Ko``, ``1,2 Mo``: sizes as French public sites write them."""
    if size < 1024:
        return f"{size}\xa0octet{'s' if size > 1 else ''}"
    for unit in ("Ko", "Mo", "Go"):
        size /= 1024
        if size < 1024 or unit == "Go":
            text = f"{size:.0f}" if size >= 10 else f"{size:.1f}".replace(".", ",")
            return f"{text.removesuffix(',0')}\xa0{unit}"


@register.filter
def document_meta(document):
    """``PDF, 1,2 Mo``: the type and size of a Wagtail document, never an error if the file is gone."""
    if document is None:
        return ""
    extension = os.path.splitext(document.filename)[1].lstrip(".").lower()
    label = FILE_TYPES.get(extension, extension.upper() or "Fichier")
    size = document.file_size
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError):
            size = None
    return f"{label}, {french_file_size(size)}" if size else label


@register.filter
def render_section(section, request):
    """A ``home.sections.HomeSection`` rendered with the request: ``{{ section|render_section:request }}``."""
    return section.render(request)


@register.simple_tag(takes_context=True)
def contributed_sections(context, hook_name, **kwargs):
    """``{% contributed_sections "club_news_listing_sections" theme=theme %}``: what other apps add
    to this page (``home.sections.contributed_sections``)."""
    request = context.get("request")
    found = sections.contributed_sections(hook_name, request, **kwargs)
    return mark_safe("".join(section.render(request) for section in found))  # rendered templates


@register.filter
def social_network_label(value):
    """``LinkedIn`` for the stored ``linkedin``: the name as the network writes it."""
    return dict(SOCIAL_NETWORKS).get(value, value)
