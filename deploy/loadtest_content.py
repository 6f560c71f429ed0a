"""Persistent content for the load test: news items until the news index holds ``--items``.

Run by deploy/loadtest.sh (``python deploy/loadtest_content.py --items 2000``) on the load
test's own database, after ``load_demo_content``. The items come from the volume generator
(``news/generator.py``, the one ``generate_content`` and ``benchmark_scale`` use): articles,
webinars and testimonials over ten years and the themes, live, with revisions and search
entries, in bulk (about a minute for 2,000 where creating them one by one took twenty).
A second run adds nothing.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from news import generator  # noqa: E402
from news.models import NewsIndexPage  # noqa: E402


def fill(target):
    news_index = NewsIndexPage.objects.first()
    if news_index is None:
        sys.exit("Load the demo content first: python manage.py load_demo_content")
    missing = target - news_index.get_children().count()
    if missing > 0:
        generator.generate(news=missing)
    return max(missing, 0)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    created = fill(parser.parse_args().items)
    print(f"{created} news items created.")
