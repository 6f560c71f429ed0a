"""Benchmark at volume: queries, p50 and p99 of every page type at 100, 5,000... news items.

    python manage.py load_demo_content
    python manage.py benchmark_scale --volumes 100 5000 50000 --requests 20

Fills the database in ``DATABASE_URL`` with ``generate_content`` (news/generator.py; a fifth as
many resources as news items) up to each volume, measures each URL ``--requests`` times through
Django's test client (after one warm-up request that makes the image renditions), and prints a
table. The generated content is removed at the end unless ``--keep`` is given. Before each
volume's measures, the objects the generator left in this process are frozen out of the garbage
collector (``gc.freeze()``), as gunicorn's master does for what its workers inherit. Like
``generate_content``, it refuses to run with ``DEBUG`` off unless ``--force``.
"""

import gc
import math
import os
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.querysets import pages
from home.sitemaps import PageSitemap
from news import generator
from news.listing import PER_PAGE
from news.models import ArticlePage, NewsIndexPage, NewsPage, TestimonialPage, WebinarPage
from resources.models import ResourcePage

PUBLIC_URLS = [
    "/",
    "/actualites/",
    "/actualites/?page=2",
    "/actualites/?type=webinaire&theme=numerique",
    "/actualites/themes/",
    "/actualites/themes/numerique/",
    "/actualites/flux.rss",
    "/actualites/themes/numerique/flux.atom",
    "/ressources/",
    "/ressources/?theme=numerique&ouvert=1",
    "/recherche/?q=territoires",
    "/recherche/?q=Gironde",
    "/recherche/?q=tiers-lieux+webinaire",
    "/recherche/?q=territoires&type=ressource",
    "/recherche/?q=" + "+".join("abcdefghijklmnopqrstuvwxyz"[n % 26] for n in range(100)),
    "/sitemap.xml",
    "/sitemap-pages.xml",
]
BENCH_USER = "benchmark-scale"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Mesure requêtes SQL, p50 et p99 de chaque type de page à plusieurs volumes."

    def add_arguments(self, parser):
        parser.add_argument("--volumes", type=int, nargs="+", default=[100, 5000])
        parser.add_argument("--requests", type=int, default=20)
        parser.add_argument("--keep", action="store_true", help="keep the generated content")
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("DEBUG est désactivé : relancez avec --force si vous êtes sûr.")
        news_index = NewsIndexPage.objects.first()
        if news_index is None:
            raise CommandError("Load the demo content first: python manage.py load_demo_content")
        self.requests = max(options["requests"], 1)
        generator.delete_generated()
        user, created = get_user_model().objects.get_or_create(
            username=BENCH_USER, defaults={"is_superuser": True, "is_staff": True}
        )
        self.client = Client(HTTP_HOST="localhost")
        self.admin = Client(HTTP_HOST="localhost")
        self.admin.force_login(user)
        table = {}
        made = 0
        try:
            for volume in sorted(options["volumes"]):
                start = time.perf_counter()
                generator.generate(news=volume - made, resources=(volume - made) // 5)
                made = volume
                load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
                self.stdout.write(
                    f"{volume} news: generated in {time.perf_counter() - start:.0f} s "
                    f"(load average {load})"
                )
                # The generator leaves a heap of objects in this process that no app server
                # holds; frozen, the collector's full passes (hundreds of ms) stop landing on
                # whichever request triggers them and skewing its p99.
                gc.collect()
                gc.freeze()
                table[volume] = {
                    label: self.measure(client, url) for label, client, url in self.urls()
                }
        finally:
            # Called from a longer-lived process (a test run), the heap must be collectable again.
            gc.unfreeze()
            if created:
                user.delete()
            if not options["keep"]:
                generator.delete_generated()
        self.report(table)

    def urls(self):
        """``(label, client, url)``: the public URLs, the pages of the main menu (the other apps'
        pages too, such as the sessions' calendar page, without naming them), the last page of the
        listing and of the sitemap, one page of each type, and the admin explorer of the news
        index."""
        urls = [(url, self.client, url) for url in PUBLIC_URLS]
        root = Site.objects.get(is_default_site=True).root_page
        for page in pages().child_of(root).visible().in_menu():
            url = page.get_url()
            if url and url not in PUBLIC_URLS:
                urls.append((url, self.client, url))
        last = max(1, math.ceil(NewsPage.objects.visible().count() / PER_PAGE))
        urls.append(("/actualites/?page=(dernière)", self.client, f"/actualites/?page={last}"))
        sections = max(1, math.ceil(PageSitemap().visible_pages().count() / PageSitemap.limit))
        urls.append(
            ("/sitemap-pages.xml?p=(dernière)", self.client, f"/sitemap-pages.xml?p={sections}")
        )
        for model in (ArticlePage, WebinarPage, TestimonialPage, ResourcePage):
            page = model.objects.filter(slug__startswith=generator.SLUG_PREFIX).first()
            label = f"{model._meta.verbose_name} ({page.url.rstrip('/').rsplit('/', 1)[0]}/...)"
            urls.append((label, self.client, page.url))
        news_index = NewsIndexPage.objects.first()
        explorer = f"/admin/pages/{news_index.pk}/"
        urls.append((explorer, self.admin, explorer))
        return urls

    def measure(self, client, url):
        status = client.get(url).status_code
        if status == 404:  # a second page of results at a tiny volume: shown as "-"
            return None
        if status != 200:
            raise CommandError(f"{url} answered {status}")
        times = []
        for _ in range(self.requests):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)
                times.append((time.perf_counter() - start) * 1000)
        return len(queries), percentile(times, 0.5), percentile(times, 0.99)

    def report(self, table):
        volumes = sorted(table)
        header = " | ".join(f"{v} q / p50 / p99 ms" for v in volumes)
        self.stdout.write(f"| URL | {header} |")
        self.stdout.write("|---" * (len(volumes) + 1) + "|")
        for url in table[volumes[0]]:
            cells = []
            for volume in volumes:
                row = table[volume].get(url)
                cells.append(f"{row[0]} / {row[1]:.0f} / {row[2]:.0f}" if row else "-")
            shown = url if len(url) < 60 else url[:57] + "..."
            self.stdout.write(f"| `{shown}` | " + " | ".join(cells) + " |")
