"""The block library explains itself: descriptions, help texts and previews in the block picker.

https://docs.wagtail.org/en/stable/topics/streamfield.html#streamfield-block-previews
"""

import pytest
from django.urls import reverse
from wagtail import blocks

from home.blocks import BaseStreamBlock
from home.models import SiteSettings

BODY = BaseStreamBlock()
#: Blocks whose preview needs no database object (an image or a document cannot be made up).
PREVIEWED = {
    "heading": "Mise en réseau et partage",
    "paragraph": "Le Club favorise la mise en réseau",
    "quote": "Le Club nous aide à faire émerger des projets",
    "call_to_action": "Découvrez les aides de la Région",
    "key_figures": "Le Club en chiffres",
}
NEEDS_AN_OBJECT = {"image", "document"}


def help_text(block):
    """A field block keeps its help text on its form field, a struct block in its Meta."""
    field = getattr(block, "field", None)
    return getattr(field, "help_text", "") or getattr(block.meta, "help_text", "")


def fields_without_help_text(block, path):
    """Every field of one of our blocks (recursively) that has no help text."""
    missing = []
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            child_path = f"{path}.{name}"
            if isinstance(child, blocks.ListBlock):
                missing += fields_without_help_text(child.child_block, child_path)
                continue
            if not help_text(child):
                missing.append(child_path)
            if type(child).__module__.startswith("home."):
                missing += fields_without_help_text(child, child_path)
    elif not help_text(block):
        missing.append(path)
    return missing


def test_every_body_block_has_a_label_an_icon_a_group_and_a_description():
    for name, block in BODY.child_blocks.items():
        assert block.label, name
        assert block.meta.icon != "placeholder", name
        assert block.meta.group, name
        assert block.get_description(), name


def test_every_field_of_the_body_blocks_has_a_help_text():
    missing = []
    for name, block in BODY.child_blocks.items():
        missing += fields_without_help_text(block, name)
    assert missing == []


@pytest.mark.parametrize("field", ["social_links", "partners", "footer_links"])
def test_site_settings_blocks_explain_themselves(field):
    stream = SiteSettings._meta.get_field(field).stream_block
    for name, block in stream.child_blocks.items():
        assert block.get_description(), f"{field}.{name}"
        assert fields_without_help_text(block, f"{field}.{name}") == []


def test_only_blocks_that_need_an_object_go_without_a_preview():
    previewable = {name for name, block in BODY.child_blocks.items() if block.is_previewable}
    assert previewable == set(PREVIEWED)
    assert set(BODY.child_blocks) - previewable == NEEDS_AN_OBJECT


@pytest.mark.parametrize("name", sorted(PREVIEWED))
def test_the_block_picker_preview_renders_with_the_site_stylesheet(name, admin_client):
    block = BaseStreamBlock().child_blocks[name]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert PREVIEWED[name] in html
    assert "home/css/club.css" in html


def test_call_to_action_preview_links_without_a_page_of_the_database(admin_client):
    block = BaseStreamBlock().child_blocks["call_to_action"]
    value = block.get_preview_value()
    assert value["link"].url() == "https://www.nouvelle-aquitaine.fr"
    html = block.render(value)
    assert (
        '<a class="button" href="https://www.nouvelle-aquitaine.fr">Voir les aides régionales</a>'
        in html
    )
