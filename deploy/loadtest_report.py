"""Runs wrk against the load test's gunicorn and prints one line per page (deploy/loadtest.sh).

Each page is measured cold (``X-Page-Cache-Bypass``: rendered from the database) at
``--cold-connections`` and warm (from the page cache) at ``--warm-connections``, each beside
the bare "ok" view measured at the same concurrency: the ratio is the page's share of what this
stack can serve at all on this machine. "SQL/req" is the number of SQL queries of one such
request, counted by Django in this process on the same database and cache (the database's own
statistics are flushed late and also count requests still in flight when wrk stops).
"""

import argparse
import datetime
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from news.models import ArticlePage, WebinarPage  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
CEILING = "/loadtest/ok/"
BYPASS = "X-Page-Cache-Bypass: 1"
BYPASS_META = {"HTTP_X_PAGE_CACHE_BYPASS": "1"}


def pages():
    return [
        ("home", "/"),
        ("listing", "/actualites/"),
        ("listing p.50", "/actualites/?page=50"),
        ("theme page", "/actualites/themes/economie-territoriale/"),
        ("article", ArticlePage.objects.live().order_by("-date").first().url),
        ("webinar", WebinarPage.objects.live().order_by("-date").first().url),
        ("feed (RSS)", "/actualites/flux.rss"),
        ("search", "/recherche/?q=territoire"),
    ]


def millis(output, percentile):
    """A latency percentile of wrk's --latency distribution, in ms (nan if wrk printed none)."""
    found = re.search(rf"{percentile}%\s+([\d.]+)(us|ms|s|m)\b", output)
    return float(found.group(1)) * UNITS[found.group(2)] if found else float("nan")


def queries_per_request(base, path, bypass):
    """SQL queries of one request for ``path``, the same request as wrk's, after a warm-up."""
    host = base.split("://", 1)[-1].split(":", 1)[0]
    client = Client(HTTP_HOST=host, **(BYPASS_META if bypass else {}))
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def wrk(base, path, connections, duration, headers=()):
    threads = min(2, connections)
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "5s",
    ]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(
        [*command, base + path], capture_output=True, text=True, check=True
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    socket = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = sum(map(int, socket.groups())) if socket else 0
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": millis(output, 50),
        "p99": millis(output, 99),
        "errors": errors,
        "requests": requests,
    }


def measure(args, path, connections, headers=()):
    result = wrk(args.base, path, connections, args.duration, headers)
    result["sql"] = queries_per_request(args.base, path, bypass=BYPASS in headers)
    return result


def line(name, result, ceiling):
    return (
        f"{name:<14} {result['rps']:>8.0f} {result['p50']:>7.1f} {result['p99']:>7.1f} "
        f"{result['errors']:>6} {result['rps'] / ceiling['rps']:>6.0%} {result['sql']:>7}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--cold-connections", type=int, default=16)
    parser.add_argument("--warm-connections", type=int, default=64)
    args = parser.parse_args()

    print(
        f"\nLoad test {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
        f"({platform.machine()}), gunicorn {os.environ.get('GUNICORN_WORKERS')} sync workers, "
        f"PostgreSQL + Redis, wrk -t2, {args.duration} s per line"
    )
    header = f"{'':<14} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} {'ceil.':>6} {'SQL/req':>7}"
    for label, connections, headers in (
        ("COLD: page cache bypassed", args.cold_connections, (BYPASS,)),
        ("WARM: from the page cache", args.warm_connections, ()),
    ):
        ceiling = measure(args, CEILING, connections)
        print(f"\n{label}, {connections} connections")
        print(header)
        print(line("ceiling (ok)", ceiling, ceiling))
        for name, path in pages():
            wrk(args.base, path, 1, 1, headers)  # warm up (fills the cache for the warm run)
            print(line(name, measure(args, path, connections, headers), ceiling), flush=True)


if __name__ == "__main__":
    main()
