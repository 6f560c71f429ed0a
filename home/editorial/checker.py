"""The accessibility checker of the user bar and of the page editor's "Vérifications" panel.

Wagtail runs axe-core on the page an editor is looking at (user bar "Vérifications" on the site,
"Vérifications" panel in the editor's preview) with rules about what editors write. We add the
rules about images, lists and tables that editors also control here, with messages in French.
https://docs.wagtail.org/en/stable/advanced_topics/accessibility_considerations.html
"""

from wagtail.admin.userbar import ContentCheckerItem

#: Rules added to Wagtail's defaults: each is about content an editor writes or chooses.
EXTRA_RULES = {
    "image-alt": {
        "error_name": "Image sans texte alternatif",
        "help_text": "Décrivez l'image dans la médiathèque, ou cochez « décorative » si elle "
        "n'apporte aucune information.",
    },
    "image-redundant-alt": {
        "error_name": "Texte alternatif qui répète le texte voisin",
        "help_text": "Décrivez ce que montre l'image plutôt que de répéter la légende ou le titre.",
    },
    "role-img-alt": {
        "error_name": "Illustration sans texte alternatif",
        "help_text": "Donnez un texte alternatif à l'illustration.",
    },
    "svg-img-alt": {
        "error_name": "Image vectorielle sans texte alternatif",
        "help_text": "Donnez un titre à l'image vectorielle.",
    },
    "list": {
        "error_name": "Liste mal construite",
        "help_text": "Utilisez les boutons « liste » de l'éditeur plutôt que des tirets tapés.",
    },
    "listitem": {
        "error_name": "Élément de liste hors d'une liste",
        "help_text": "Utilisez les boutons « liste » de l'éditeur.",
    },
    "td-headers-attr": {
        "error_name": "Tableau dont les cellules renvoient à des en-têtes absents",
        "help_text": "Indiquez la ligne ou la colonne d'en-tête du tableau.",
    },
    "th-has-data-cells": {
        "error_name": "En-tête de tableau sans données",
        "help_text": "Chaque en-tête doit décrire des cellules du tableau.",
    },
}


class ClubContentCheckerItem(ContentCheckerItem):
    """Wagtail's content checker with the rules of ``EXTRA_RULES`` and French messages."""

    axe_run_only = ContentCheckerItem.axe_run_only + list(EXTRA_RULES)
    axe_messages = {**ContentCheckerItem.axe_messages, **EXTRA_RULES}


def use_club_checker(items):
    """Replace Wagtail's checker items in ``items`` (a user bar's item list) by ours."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ClubContentCheckerItem):
            items[index] = ClubContentCheckerItem(in_editor=getattr(item, "in_editor", False))
