"""Benchmark: SQL queries and time of every listing, with few and with many items.

    python manage.py load_demo_content
    python manage.py benchmark_listings --items 2000

Adds the items inside a transaction that is rolled back at the end, so the database is left as it
was. Prints, for each URL, the number of SQL queries and the time to render it with a tenth of
the items and with all of them (the second of two requests: the first makes the image renditions):
the query counts must not grow (the bakery demo's blog index
runs 8,040 queries with 2,000 posts).
"""

import datetime
import itertools
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model

from home.models import Theme
from news.models import ArticlePage, NewsIndexPage, TestimonialPage, WebinarPage
from resources.models import ResourceIndexPage, ResourcePage

URLS = [
    "/",
    "/actualites/",
    "/actualites/?type=webinaire&theme=economie-territoriale",
    "/actualites/?page=2",
    "/actualites/themes/",
    "/actualites/themes/economie-territoriale/",
    "/actualites/flux.rss",
    "/actualites/themes/economie-territoriale/flux.atom",
    "/ressources/",
    "/ressources/?theme=economie-territoriale&ouvert=1",
    "/recherche/?q=territoire",
]
# Lists every page by nature: Wagtail fetches the specific pages in chunks, one query per chunk
# and page type, so its count grows (slowly) with the site. Shown, but not part of the verdict.
FULL_LISTS = ["/sitemap.xml"]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Mesure les requêtes SQL et le temps des listes avec peu puis beaucoup de contenus."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=2000, help="news items at the end")

    def handle(self, *args, **options):
        total = options["items"]
        news_index = NewsIndexPage.objects.first()
        resource_index = ResourceIndexPage.objects.first()
        if news_index is None or resource_index is None:
            raise CommandError("Load the demo content first: python manage.py load_demo_content")
        self.client = Client(HTTP_HOST="localhost")
        self.counter = itertools.count(1)
        rows = {}
        try:
            with transaction.atomic():
                for step in (total // 10, total):
                    self.fill(news_index, resource_index, step)
                    rows[step] = {url: self.measure(url) for url in URLS + FULL_LISTS}
                raise Rollback
        except Rollback:
            pass
        self.report(rows)

    def fill(self, news_index, resource_index, target):
        """Add articles, webinars, testimonials and resources until there are ``target`` news."""
        theme = Theme.objects.get(slug="economie-territoriale")
        image = get_image_model().objects.first()
        kinds = itertools.cycle([ArticlePage, WebinarPage, TestimonialPage])
        now = timezone.now()
        while news_index.get_children().count() < target:
            number = next(self.counter)
            model = next(kinds)
            fields = {
                "title": f"Territoire et projets n° {number}",
                "slug": f"benchmark-{number}",
                # Newer than the demo content: the first pages hold the same mix at every step.
                "date": datetime.date(2030, 1, 1) + datetime.timedelta(days=number),
                "introduction": "Une actualité créée pour mesurer le coût des listes.",
                "main_image": image,
            }
            if model is WebinarPage:
                fields["starts_at"] = now + datetime.timedelta(days=number % 60 - 30)
                fields["date"] = timezone.localdate(fields["starts_at"])
            if model is TestimonialPage:
                fields.update(
                    organisation="Communauté de communes (exemple)", pull_quote="Exemple."
                )
            page = news_index.add_child(instance=model(**fields))
            page.themes.add(theme)
            page.save_revision().publish()
            if number % 4 == 0:
                resource = resource_index.add_child(
                    instance=ResourcePage(
                        title=f"Dispositif territoire n° {number}",
                        slug=f"benchmark-ressource-{number}",
                        kind="dispositif",
                        summary="Un dispositif créé pour mesurer le coût des listes.",
                    )
                )
                resource.themes.add(theme)
                resource.save_revision().publish()

    def measure(self, url):
        """Queries and milliseconds of the second of two requests (the first makes renditions)."""
        self.client.get(url)
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = self.client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            elapsed = time.perf_counter() - start
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        return len(queries), elapsed * 1000

    def report(self, rows):
        few, many = sorted(rows)
        self.stdout.write(f"{'URL':<58} {'queries':>16} {'ms':>16}")
        self.stdout.write(f"{'':<58} {few:>7} {many:>8} {few:>7} {many:>8}")
        flat = True
        for url in URLS:
            (q1, t1), (q2, t2) = rows[few][url], rows[many][url]
            flat &= q2 <= q1
            self.stdout.write(f"{url:<58} {q1:>7} {q2:>8} {t1:>7.0f} {t2:>8.0f}")
        for url in FULL_LISTS:
            (q1, t1), (q2, t2) = rows[few][url], rows[many][url]
            self.stdout.write(
                f"{url + ' (toutes les pages)':<58} {q1:>7} {q2:>8} {t1:>7.0f} {t2:>8.0f}"
            )
        verdict = "ne croît pas" if flat else "CROÎT"
        self.stdout.write(
            f"De {few} à {many} actualités, le nombre de requêtes des listes {verdict}."
        )
