"""Screenshots of the admin kept for the editors' guide (docs/captures/, embedded in the guide).

Browser tests always take them; they land in ``docs/captures/`` only when ``UPDATE_DOC_CAPTURES=1``
is set (then commit the changed PNGs), otherwise in the test's temporary folder, so that a test run
never dirties the work tree. Each capture is the 1280×800 viewport, reduced to a 256-colour palette:
admin screens have few colours, and the files stay small in git.
"""

import os
from pathlib import Path

from PIL import Image

DOC_CAPTURES = Path(__file__).resolve().parents[2] / "docs" / "captures"
UPDATE_VARIABLE = "UPDATE_DOC_CAPTURES"
VIEWPORT = {"width": 1280, "height": 800}


def captures_folder(tmp_path):
    if os.environ.get(UPDATE_VARIABLE) == "1":
        DOC_CAPTURES.mkdir(parents=True, exist_ok=True)
        return DOC_CAPTURES
    folder = tmp_path / "captures"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def compress(path):
    """Rewrite the PNG at ``path`` with a 256-colour palette, without dithering."""
    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    palette.save(path, optimize=True)


class Captures:
    """``captures(page, "name")`` saves the page's viewport as ``name.png`` in ``folder``."""

    def __init__(self, folder):
        self.folder = folder
        self.taken = []

    def __call__(self, page, name):
        path = self.folder / f"{name}.png"
        page.screenshot(path=path, animations="disabled", caret="hide")
        compress(path)
        self.taken.append(path)
        return path
