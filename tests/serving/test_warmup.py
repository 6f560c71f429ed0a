"""Gunicorn's master warms the app up before forking workers (``config/warmup.py``, called by
``deploy/gunicorn.conf.py``): templates compiled, hooks imported, without touching the database."""

import gc
import importlib.util
from pathlib import Path

from django.conf import settings
from django.template import engines

from config.warmup import template_names, warm_up


def test_every_site_template_is_compiled_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        compiled = warm_up()
    names = template_names(engines["django"])
    assert {"base.html", "includes/card.html", "news/news_index_page.html"} <= set(names)
    assert compiled >= len(names) - 5


def test_gunicorn_runs_it_before_forking():
    path = Path(settings.BASE_DIR) / "deploy" / "gunicorn.conf.py"
    spec = importlib.util.spec_from_file_location("gunicorn_conf", path)
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    assert conf.preload_app is True

    class Log:
        def __init__(self):
            self.messages = []

        def info(self, message, *args):
            self.messages.append(message % args)

        def exception(self, message, *args):
            self.messages.append("FAILED " + message % args)

    server = type("Server", (), {"log": Log()})()
    gc.unfreeze()  # the count below is when_ready's own, whatever ran before in this process
    try:
        conf.when_ready(server)
        assert gc.get_freeze_count() > 0  # what the workers inherit, out of the collector's reach
    finally:
        gc.unfreeze()
    assert server.log.messages and server.log.messages[0].startswith("Warm-up: ")
