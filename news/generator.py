"""A volume generator: ten years of realistic news items and resources, created in bulk.

Benchmarks and load tests need tens of thousands of pages; creating them one by one through the
page tree (``add_child``, ``save_revision().publish()``) runs about a hundred a minute. Here every
table is filled in bulk per chunk of pages: the tree paths are computed from the parent's path
(treebeard's materialised path, ``MP_Node._get_path``), the ``Page`` rows are inserted with
``bulk_create`` (their ids read back), each further level of the multi-table inheritance
(``NewsPage``, ``ArticlePage``...), the revisions and the theme links with ``COPY`` on PostgreSQL
(news/bulk_rows.py), and the search index entries with one SQL statement per model
(news/bulk_index.py); the title norms and the planner's statistics are refreshed once at the end.

Everything generated is marked, so that :func:`delete_generated` removes exactly that: the pages by
their slug prefix ``gen-``, the images and documents by their own collection, the themes by their
names when no other page carries them.
"""

import datetime
import io
import itertools
import random
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_serializable_data_for_fields
from modelsearch import signal_handlers as search_signals
from modelsearch.index import get_indexed_models
from PIL import Image as PILImage
from wagtail import signal_handlers as wagtail_signals
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex, Revision

from home.models import Theme
from home.page_cache.invalidation import invalidate
from news.bulk_index import finish as finish_index
from news.bulk_index import index_pages
from news.bulk_rows import insert_rows
from news.models import (
    ArticlePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTheme,
    TestimonialPage,
    WebinarPage,
)
from news.models.testimonial import DEPARTEMENTS
from resources.models import (
    ResourceDocument,
    ResourceIndexPage,
    ResourceKind,
    ResourcePage,
    ResourcePageTheme,
)

SLUG_PREFIX = "gen-"
COLLECTION_NAME = "Contenu généré (volume de test)"
CHUNK = 1000
YEARS = 10
# Sessions still to come: a twentieth of the news items, but never more than a network announces
# (a few tens over the coming months), whatever the volume and however many runs add up. The
# agenda and its calendars do not depend on this number (benchmark_scale was run with a twentieth
# of 50,000 too); the bound keeps the volume realistic.
UPCOMING_SHARE = 20
UPCOMING_MAX = 40
UPCOMING_DAYS = 180

THEMES = [
    "Économie territoriale",
    "Collectivité territoriale",
    "Transition écologique",
    "Revitalisation des centres-bourgs",
    "Numérique",
    "Mobilités",
    "Tourisme",
    "Agriculture et alimentation",
    "Emploi et compétences",
    "Commerce de proximité",
    "Habitat",
    "Coopération intercommunale",
]
SUBJECTS = [
    "l'accueil d'entreprises",
    "la reprise des commerces",
    "les tiers-lieux",
    "la rénovation des friches",
    "l'économie circulaire",
    "les circuits courts",
    "le télétravail en milieu rural",
    "les zones d'activités",
    "l'attractivité du territoire",
    "les marchés publics locaux",
    "l'artisanat",
    "le tourisme durable",
]
PLACES = [
    "en Gironde",
    "en Dordogne",
    "dans les Landes",
    "en Corrèze",
    "en Creuse",
    "en Charente",
    "dans les Deux-Sèvres",
    "en Haute-Vienne",
    "dans le Béarn",
    "au Pays basque",
]
ARTICLE_OPENINGS = [
    "Retour sur",
    "Les chiffres clés de",
    "Nouvel appel à projets pour",
    "Comment les communes repensent",
    "Le Club lance un groupe de travail sur",
]
ORGANISATIONS = [
    "Communauté de communes du Val de l'Eyre",
    "Communauté d'agglomération du Grand Périgueux",
    "Pays Adour Landes Océanes",
    "Communauté de communes Creuse Sud-Ouest",
    "PETR du Grand Libournais",
]


@dataclass
class Report:
    """What a run created (or removed), for the command's output and the tests."""

    counts: dict = field(default_factory=dict)

    def add(self, name, number):
        self.counts[name] = self.counts.get(name, 0) + number


def generated_pages():
    """Every page the generator made (under the news and resource indexes, slug ``gen-...``)."""
    return Page.objects.filter(slug__startswith=SLUG_PREFIX, depth__gte=3)


# Media ---------------------------------------------------------------------------------------


def _collection():
    found = Collection.objects.filter(name=COLLECTION_NAME).first()
    if found is None:
        found = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    return found


def _png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 675), colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_media(images=4, documents=3):
    """A few images and documents in the generator's own collection, shared by the pages."""
    collection = _collection()
    image_model, document_model = get_image_model(), get_document_model()
    colours = [(0, 83, 149), (0, 122, 94), (206, 96, 0), (117, 30, 110), (70, 70, 70)]
    made_images = list(image_model.objects.filter(collection=collection))
    for number in range(len(made_images), images):
        image = image_model(
            title=f"Illustration générée {number + 1}",
            description="Un aplat de couleur : illustration des contenus de test.",
            collection=collection,
            file=ImageFile(io.BytesIO(_png(colours[number % len(colours)])), name="gen.png"),
        )
        image.save()
        made_images.append(image)
    made_documents = list(document_model.objects.filter(collection=collection))
    for number in range(len(made_documents), documents):
        document = document_model(
            title=f"Document généré {number + 1}",
            collection=collection,
            file=ContentFile(b"%PDF-1.4\n% generated\n", name="gen.pdf"),
        )
        document.save()
        made_documents.append(document)
    return made_images, made_documents


def make_themes():
    """The site's themes (created when missing), in a fixed order."""
    existing = {theme.name: theme for theme in Theme.objects.filter(name__in=THEMES)}
    for name in THEMES:
        if name not in existing:
            existing[name] = Theme.objects.create(name=name)
    return [existing[name] for name in THEMES]


# Tree ----------------------------------------------------------------------------------------


def _children(parent):
    """The parent's children, read from the paths (``get_children()`` trusts ``numchild``)."""
    return Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)


def _next_step(parent):
    """The step after the parent's last child (1 for the first)."""
    last = _children(parent).order_by("-path").values_list("path", flat=True).first()
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def bulk_add_children(parent, pages, now):
    """Insert ``pages`` (unsaved specific instances, one model each) as live children of
    ``parent``: paths, depth, url_path, every table of their models, and one published revision
    each. Returns the pages, saved (their ``pk`` set)."""
    step = _next_step(parent)
    depth = parent.depth + 1
    page_ct = ContentType.objects.get_for_model(Page)
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, depth, step + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.content_type = ContentType.objects.get_for_model(type(page))
    Page.objects.bulk_create(pages, batch_size=CHUNK)  # sets .id (RETURNING on both databases)
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, objs in by_model.items():
        for level in reversed(model._meta.get_parent_list()):
            if level is Page:
                continue
            for obj in objs:
                setattr(obj, level._meta.pk.attname, obj.id)
            insert_rows(level, objs)
        for obj in objs:
            setattr(obj, model._meta.pk.attname, obj.id)
        insert_rows(model, objs)
    revisions = [
        Revision(
            content_type=page.content_type,
            base_content_type=page_ct,
            object_id=str(page.id),
            created_at=page.last_published_at or now,
            object_str=page.title,
            content=get_serializable_data_for_fields(page),
        )
        for page in pages
    ]
    insert_rows(Revision, revisions)
    latest = Revision.objects.filter(
        base_content_type=page_ct, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    Page.objects.filter(pk__in=[page.id for page in pages]).update(
        live_revision=Subquery(latest.values("pk")[:1]),
        latest_revision=Subquery(latest.values("pk")[:1]),
    )
    Page.objects.filter(pk=parent.pk).update(numchild=_children(parent).count())
    return pages


# Content -------------------------------------------------------------------------------------


def _paragraphs(rng, subject, place):
    text = (
        f"<p>Le Club des Développeurs s'est intéressé à {subject} {place}. Élus, techniciens "
        "et partenaires ont partagé leurs méthodes, leurs réussites et leurs difficultés.</p>"
    )
    more = (
        "<p>Les territoires présents ont comparé leurs dispositifs d'accompagnement, le rôle "
        "des intercommunalités et les financements mobilisables auprès de la Région.</p>"
    )
    return [
        {"type": "paragraph", "value": text, "id": f"{rng.getrandbits(64):016x}"},
        {"type": "paragraph", "value": more, "id": f"{rng.getrandbits(64):016x}"},
    ]


def _news_item(number, rng, today, images, upcoming):
    """One unsaved news item of a kind chosen by ``number`` (articles, webinars past and
    upcoming, testimonials), dated over the last ten years."""
    subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
    day = today - datetime.timedelta(days=rng.randrange(YEARS * 365))
    kind = number % 5
    common = {
        "slug": f"{SLUG_PREFIX}{number}",
        "introduction": f"Ce que les territoires retiennent sur {subject} {place}.",
        "body": _paragraphs(rng, subject, place),
        "main_image": images[number % len(images)] if images and number % 2 == 0 else None,
    }
    if kind in (1, 3) or upcoming:
        if upcoming:
            day = today + datetime.timedelta(days=1 + rng.randrange(UPCOMING_DAYS))
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
        page = WebinarPage(
            title=f"Webinaire : {subject} {place} (n° {number})",
            starts_at=starts,
            date=day,
            duration_minutes=rng.choice([45, 60, 90]),
            recap_summary="" if upcoming else f"<p>Les échanges sur {subject}.</p>",
            registration_url="https://example.org/inscription" if upcoming else "",
            **common,
        )
    elif kind == 4:
        page = TestimonialPage(
            title=f"Témoignage : {subject} {place} (n° {number})",
            date=day,
            organisation=rng.choice(ORGANISATIONS),
            speaker_name="Camille Martin",
            speaker_role="chargée de mission développement économique",
            departement=rng.choice(DEPARTEMENTS)[0],
            pull_quote=f"Travailler ensemble sur {subject} a changé notre façon de faire.",
            **common,
        )
    else:
        page = ArticlePage(
            title=f"{rng.choice(ARTICLE_OPENINGS)} {subject} {place} (n° {number})",
            date=day,
            author=rng.choice(["", "Service communication"]),
            **common,
        )
    published = min(
        timezone.make_aware(datetime.datetime.combine(min(day, today), datetime.time(9))),
        timezone.now(),
    )
    page.first_published_at = page.last_published_at = published
    page.latest_revision_created_at = published
    return page


def _resource(number, rng, today):
    """One unsaved resource: every kind, every status (permanent, open, closed, upcoming)."""
    subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
    kind = list(ResourceKind)[number % len(ResourceKind)]
    status = number % 4
    opens_on = closes_on = None
    if status == 1:  # open
        opens_on, closes_on = today - datetime.timedelta(days=30), today + datetime.timedelta(60)
    elif status == 2:  # closed
        start = today - datetime.timedelta(days=rng.randrange(60, YEARS * 365))
        opens_on, closes_on = start, start + datetime.timedelta(days=90)
    elif status == 3:  # upcoming
        opens_on = today + datetime.timedelta(days=rng.randrange(10, 120))
    published = timezone.make_aware(
        datetime.datetime.combine(
            today - datetime.timedelta(days=rng.randrange(YEARS * 365)), datetime.time(9)
        )
    )
    return ResourcePage(
        title=f"{kind.label} : {subject} {place} (n° {number})",
        slug=f"{SLUG_PREFIX}{slugify(kind.value)}-{number}",
        kind=kind,
        summary=f"Pour accompagner {subject} {place}.",
        body=_paragraphs(rng, subject, place),
        opens_on=opens_on,
        closes_on=closes_on,
        official_url="https://example.org/dispositif",
        first_published_at=published,
        last_published_at=published,
        latest_revision_created_at=published,
    )


def _link_themes(through, pages, themes, rng):
    links = [
        through(content_object_id=page.id, tag_id=theme.id)
        for page in pages
        for theme in rng.sample(themes, rng.choice([1, 2, 3]))
    ]
    insert_rows(through, links)
    return len(links)


def _upcoming_to_make(news, now):
    """How many of ``news`` new items are upcoming sessions (``UPCOMING_SHARE``, ``UPCOMING_MAX``)."""
    made = WebinarPage.objects.filter(slug__startswith=SLUG_PREFIX, starts_at__gt=now).count()
    return max(0, min(news // UPCOMING_SHARE, UPCOMING_MAX - made))


def _start_number():
    """The first free number of generated slugs, so that successive runs add up."""
    return generated_pages().count() + 1


def generate(news=0, resources=0, seed=1, progress=None):
    """Create ``news`` news items and ``resources`` resources under the site's indexes."""
    news_index = NewsIndexPage.objects.first()
    resource_index = ResourceIndexPage.objects.first()
    if news and news_index is None:
        raise LookupError("no news index page: load the demo content first")
    if resources and resource_index is None:
        raise LookupError("no resource index page: load the demo content first")
    rng = random.Random(seed)
    report = Report()
    now, today = timezone.now(), timezone.localdate()
    images, documents = make_media()
    themes = make_themes()
    counter = itertools.count(_start_number())
    upcoming = _upcoming_to_make(news, now)
    for kind_total, parent, build in (
        (news, news_index, "news"),
        (resources, resource_index, "resources"),
    ):
        done = 0
        while done < kind_total:
            size = min(CHUNK, kind_total - done)
            with transaction.atomic():
                parent.refresh_from_db()
                if build == "news":
                    pages = [
                        # The last ones are the upcoming sessions.
                        _news_item(
                            next(counter), rng, today, images, done + i >= kind_total - upcoming
                        )
                        for i in range(size)
                    ]
                    bulk_add_children(parent, pages, now)
                    report.add("theme links", _link_themes(NewsPageTheme, pages, themes, rng))
                else:
                    pages = [_resource(next(counter), rng, today) for _ in range(size)]
                    bulk_add_children(parent, pages, now)
                    report.add("theme links", _link_themes(ResourcePageTheme, pages, themes, rng))
                    insert_rows(
                        ResourceDocument,
                        [
                            ResourceDocument(
                                page_id=page.id, document=documents[i % len(documents)]
                            )
                            for i, page in enumerate(pages)
                            if documents and i % 3 == 0
                        ],
                    )
                index_pages(pages)
            done += size
            report.add(build, size)
            if progress:
                progress(build, done, kind_total)
    if news or resources:
        finish_index()
        analyze()
        # Rows written in bulk send no signal: retire what the shared cache holds (pages, counts,
        # menus) on every app server, as a publication does.
        invalidate()
    return report


def analyze():
    """Refresh the planner's statistics: after thousands of rows arrive at once, stale figures
    make PostgreSQL pick nested loops over the whole page table (seconds instead of
    milliseconds) until autovacuum comes by.

    On PostgreSQL, outside a transaction (``VACUUM`` cannot run in one, as in the tests), the
    dead rows the bulk load leaves are reclaimed too: the title norms rewrite every index
    entry and the page rows are updated after their insert, so until autovacuum comes by (it
    may be off, as on the benchmark machine) every index scan of search reads twice the rows:
    a two-word search took 250 ms instead of 130 ms at 50,000 items."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


@contextmanager
def _bulk_page_deletion():
    """Without the handlers that cost a few queries per deleted page (about 70 ms a page on a
    loaded machine: an hour for 60,000), each replaced by what the deletion does in bulk:

    - the search index entries go with the pages through their generic relation;
    - the reference index rows are removed per chunk (:func:`_remove_references`);
    - Wagtail's unpublishing of each live page before its deletion only tells the front-end
      cache and the page cache, which the deletion tells anyway (``post_delete``).
    """
    search_models = [
        model for model in get_indexed_models() if issubclass(model, (NewsPage, ResourcePage, Page))
    ]
    for model in search_models:
        post_delete.disconnect(search_signals.post_delete_signal_handler, sender=model)
    pre_delete.disconnect(wagtail_signals.pre_delete_page_unpublish, sender=Page)
    try:
        with wagtail_signals.disable_reference_index_auto_update():
            yield
    finally:
        pre_delete.connect(wagtail_signals.pre_delete_page_unpublish, sender=Page)
        for model in search_models:
            post_delete.connect(search_signals.post_delete_signal_handler, sender=model)


def _remove_references(ids):
    """The reference index rows from and to these pages (Wagtail's ``remove_for_object`` and
    ``remove_references_to``, for a chunk of pages at once)."""
    page_ct = ContentType.objects.get_for_model(Page)
    object_ids = [str(pk) for pk in ids]
    ReferenceIndex.objects.filter(base_content_type=page_ct, object_id__in=object_ids).delete()
    ReferenceIndex.objects.filter(to_content_type=page_ct, to_object_id__in=object_ids).delete()


def delete_generated(progress=None):
    """Remove every generated page with its revisions, links and index entries, then the
    generator's media and the themes it created that no page carries any more."""
    report = Report()
    ids = list(generated_pages().values_list("pk", flat=True))
    with _bulk_page_deletion():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            with transaction.atomic():
                _remove_references(chunk)
                Page.objects.filter(pk__in=chunk).delete()
            report.add("pages", len(chunk))
            if progress:
                progress("pages", start + CHUNK, len(ids))
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is not None:
        for model in (get_image_model(), get_document_model()):
            for item in model.objects.filter(collection=collection):
                item.delete()  # Wagtail removes the file (and renditions) after the row
                report.add("media", 1)
        collection.delete()
    unused = Theme.objects.filter(name__in=THEMES, news_items=None, resource_items=None)
    report.add("themes", unused.delete()[0])
    return report
