"""Persistent content for the load test: news items until the news index holds ``--items``.

Run by deploy/loadtest.sh (``python deploy/loadtest_content.py --items 2000``) on the load
test's own database, after ``load_demo_content``. Items are created live, with a theme and the
demo image, cycling through the three kinds; a second run adds nothing. They are created live
without revisions (what visitors see is the same): publishing 2,000 revisions one by one takes
long on a small machine.
(``manage.py benchmark_listings`` creates items in a transaction it rolls back; this file keeps
them, so that gunicorn can serve them.)
"""

import argparse
import datetime
import itertools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402

from home.models import Theme  # noqa: E402
from news.models import ArticlePage, NewsIndexPage, TestimonialPage, WebinarPage  # noqa: E402


def fill(target):
    news_index = NewsIndexPage.objects.first()
    if news_index is None:
        sys.exit("Load the demo content first: python manage.py load_demo_content")
    theme = Theme.objects.get(slug="economie-territoriale")
    image = get_image_model().objects.first()
    kinds = itertools.cycle([ArticlePage, WebinarPage, TestimonialPage])
    now = timezone.now()
    existing = news_index.get_children().count()
    for number in range(existing + 1, target + 1):
        model = next(kinds)
        fields = {
            "title": f"Territoire et projets n° {number}",
            "slug": f"charge-{number}",
            "date": datetime.date(2024, 1, 1) + datetime.timedelta(days=number % 700),
            "introduction": "Une actualité créée pour le test de charge.",
            "main_image": image,
        }
        if model is WebinarPage:
            fields["starts_at"] = now + datetime.timedelta(days=number % 60 - 30)
            fields["date"] = timezone.localdate(fields["starts_at"])
        if model is TestimonialPage:
            fields.update(organisation="Communauté de communes (exemple)", pull_quote="Exemple.")
        with transaction.atomic():
            page = model(**fields, live=True, first_published_at=now, last_published_at=now)
            page.themes.add(theme)
            news_index.add_child(instance=page)
        if number % 200 == 0:
            print(f"{number} / {target}", flush=True)
    return max(target - existing, 0)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    created = fill(parser.parse_args().items)
    print(f"{created} news items created.")
