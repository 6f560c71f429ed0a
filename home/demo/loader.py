"""The idempotent helpers every app's demo module uses."""

import io
from urllib.parse import urlsplit

from anyascii import anyascii
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from home.models import Theme
from home.themes import clean_theme_name, theme_slug

#: Each app registers a function ``load(loader, **context)`` for this hook in its
#: ``wagtail_hooks.py``, with an ``order``: the site first (0), then the content apps, and the
#: editorial setup last (1000), on the sections created before it. What a function returns is
#: passed on to the next ones (the news demo hands its webinars to the resources demo).
DEMO_CONTENT_HOOK = "club_demo_content"

DEMO_COLLECTION = "Démonstration"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = []
        self.existing = []

    # Reporting -----------------------------------------------------------------------------
    def _note(self, created, label):
        (self.created if created else self.existing).append(label)
        if self.stdout is not None:
            self.stdout.write(f"{'créé' if created else 'déjà là'} : {label}")

    # Pages ---------------------------------------------------------------------------------
    def page(self, parent, model, slug, publish=True, **fields):
        """The child of ``parent`` with this slug, created (and published) when missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self._note(False, f"page « {existing.title} »")
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        self._note(True, f"page « {page.title} »")
        return page

    def home_page(self, model, **fields):
        """The site's home page: replaces Wagtail's welcome page the first time."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site and isinstance(site.root_page.specific, model):
            self._note(False, f"page « {site.root_page.title} »")
            return site.root_page.specific
        root = Page.get_first_root_node()
        welcome = site.root_page if site else None
        home = model(slug="accueil", **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            site = Site(is_default_site=True)
        # The address the site is served at, so that absolute links (canonical, sharing tags,
        # sitemap) work: http://127.0.0.1:8000 with `make run`.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.root_page = home
        site.site_name = "Club des Développeurs de Nouvelle-Aquitaine"
        site.save()
        if welcome is not None and type(welcome.specific) is Page:
            welcome.delete()
        home.refresh_from_db()
        self._note(True, f"page « {home.title} »")
        return home

    # Images --------------------------------------------------------------------------------
    def collection(self):
        root = Collection.get_first_root_node()
        found = root.get_children().filter(name=DEMO_COLLECTION).first()
        return found or root.add_child(name=DEMO_COLLECTION)

    def image(self, title, description, colours=("#0b4f6c", "#f2b134"), size=(1200, 800)):
        """A picture drawn locally with Pillow: no network, no binary file in the repository."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            self._note(False, f"image « {title} »")
            return existing
        buffer = io.BytesIO()
        draw_picture(title, colours, size).save(buffer, format="JPEG", quality=85)
        image = Image(title=title, description=description, collection=self.collection())
        image.file = ImageFile(buffer, name=f"demo-{len(self.created)}.jpg")
        image.save()
        self._note(True, f"image « {title} »")
        return image

    # Themes --------------------------------------------------------------------------------
    def theme(self, name):
        """The theme whose slug matches ``name``'s (see ``home.themes``), created when missing."""
        found = Theme.objects.filter(slug=theme_slug(name)).first()
        theme = found or Theme.objects.create(name=clean_theme_name(name))
        self._note(found is None, f"thème « {theme.hashtag} »")
        return theme

    def summary(self):
        if not self.created:
            return f"Rien à créer : le contenu de démonstration est déjà là ({len(self.existing)} éléments)."
        return f"{len(self.created)} éléments créés, {len(self.existing)} déjà présents."


def draw_picture(text, colours, size):
    """A sober banner: a diagonal band of colour, three linked dots (the network) and a title."""
    width, height = size
    background, accent = colours
    picture = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    draw.polygon([(0, height), (width, height * 0.45), (width, height)], fill=accent)
    dots = [
        (width * 0.2, height * 0.3),
        (width * 0.42, height * 0.22),
        (width * 0.33, height * 0.5),
    ]
    draw.line(dots + [dots[0]], fill="#ffffff", width=6)
    for x, y in dots:
        draw.ellipse([x - 28, y - 28, x + 28, y + 28], fill="#ffffff")
    size = max(24, width // 24)
    try:
        font = ImageFont.truetype(DEJAVU, size)
    except OSError:
        # Pillow's built-in font has no accented letters: write "Le reseau" rather than boxes.
        font, text = ImageFont.load_default(size=size), anyascii(text)
    draw.text((width * 0.06, height * 0.72), text[:40], fill="#ffffff", font=font)
    return picture
