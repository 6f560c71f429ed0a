"""``/sante/``: what a load balancer asks an app server before sending it visitors.

503 when the database does not answer (this server cannot serve pages); 200 when it does, with
the shared cache's state in the body. A Redis outage only makes pages slower (they are served
uncached), so it must not take every app server out of the load balancer.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

PROBE_KEY = "health:probe"


def cache_state():
    token = uuid.uuid4().hex
    try:
        cache.set(PROBE_KEY, token, timeout=30)
        return "ok" if cache.get(PROBE_KEY) == token else "indisponible"
    except Exception as error:
        logger.warning("Health check: cache unavailable: %r", error)
        return "indisponible"


@never_cache
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        logger.error("Health check: database unavailable: %r", error)
        return HttpResponse(
            "base de données : indisponible\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(
        f"base de données : ok\ncache : {cache_state()}\n",
        content_type="text/plain; charset=utf-8",
    )


def ceiling(request):
    """A bare "ok": the load test's ceiling for this stack (mounted only when
    ``LOADTEST_CEILING_VIEW`` is on, see ``config/urls.py``)."""
    return HttpResponse(b"ok", content_type="text/plain")
