"""Gunicorn settings of the app servers (https://gunicorn.org/reference/settings/).

Every value can be overridden from the environment, so that the systemd unit, ``make prod-local``
and ``make loadtest`` share this file. The app server listens on loopback (or a private address)
behind the reverse proxy: only the proxy may set the forwarded headers it trusts.
"""

import gc
import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the proxy buffers slow clients. Two per core plus one, the usual rule; a page
# cache hit costs a few milliseconds, a render tens of them.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that a slow leak never grows for weeks. The app is loaded
# once in the master and forked: a recycled worker is back in milliseconds instead of importing
# Django and Wagtail again (seconds under load). Deploy new code with a restart, not a HUP.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
preload_app = True


def when_ready(server):
    """Before the first fork: compile the templates, import the hooks, build the URL resolver
    (``config/warmup.py``), so that new and recycled workers serve their first requests warm;
    then freeze what they inherit out of the garbage collector."""
    try:
        from config.warmup import warm_up

        server.log.info("Warm-up: %d templates compiled before forking", warm_up())
    except Exception:  # a cold worker is slower, never a reason not to start
        server.log.exception("Warm-up failed; workers will warm up on their first requests")
    # What the workers inherit is moved out of the garbage collector's reach: their full
    # collections then walk only their own objects (shorter pauses on the request that triggers
    # one), and leave the inherited pages shared (https://docs.python.org/3/library/gc.html#gc.freeze).
    gc.collect()
    gc.freeze()


# X-Forwarded-Proto / X-Forwarded-For are believed only from the proxy's address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

# Logs go to the journal (systemd) or the terminal; the proxy keeps the access log.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")

# Gunicorn 25+ opens a control socket in the home folder by default: one per instance, or none.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "/run/club/gunicorn.ctl")
control_socket_disable = "GUNICORN_CONTROL_SOCKET" not in os.environ
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
