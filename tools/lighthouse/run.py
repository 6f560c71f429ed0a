"""Lighthouse's mobile audit of every public page type, served as production serves it.

What it does, in a temporary folder that it deletes afterwards:
1. builds the site the browser tests browse (the demo content plus one page of every news kind,
   ``tests/browser/site_data.py``) in a SQLite database, with ``config.settings.production``;
2. runs ``collectstatic`` (hashed names, gzip and Brotli copies) and serves the site with gunicorn
   on 127.0.0.1 (``serve_with_media.py`` adds the uploaded images, which production serves from
   S3 or the proxy);
3. measures each page's critical path: the HTML and the stylesheets it links, Brotli-compressed as
   served;
4. runs Lighthouse (``npm ci`` in this folder; Debian's Chromium, mobile emulation and simulated
   throttling, Lighthouse's defaults) on each page type listed in ``tests/browser/page_types.py``
   and prints the four category scores and the Core Web Vitals as a Markdown table, then what each
   audit that lost points found.

Run it with ``make lighthouse`` (``LIGHTHOUSE_PORT`` picks the port, 8000 + 90 by default).
"""

import argparse
import datetime
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import brotli

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LIGHTHOUSE_CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    # This closed network refuses Google's hosts: never look them up.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_CLS = 0.02
ERROR_PAGE = "ERRORED_DOCUMENT_REQUEST"  # Lighthouse's answer to a 404
MAX_LCP_MS = 1500


def production_environment(workdir, port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback: no proxy in front
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }


def build_site(env, port):
    """Migrate, load the pages, collect the static files; return [(key, path, status)]."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Site

    from tests.browser.page_types import PAGE_CASES
    from tests.browser.site_data import add_news, build_demo_site

    call_command("migrate", verbosity=0, interactive=False)
    demo = build_demo_site()
    data = {**demo, **add_news(demo)}
    # Canonical and sharing links name the host Lighthouse visits.
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=port)
    call_command("collectstatic", verbosity=0, interactive=False)
    return [(case.key, case.path(data), case.status) for case in PAGE_CASES]


def start_server(env, port):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--chdir",
        str(ROOT),
        "--pythonpath",
        str(HERE),
        "--log-level",
        "warning",
        "serve_with_media:application",
    ]
    server = subprocess.Popen(command, env=env)
    try:
        wait_for(server, port)
    except BaseException:
        stop(server)
        raise
    return server


def wait_for(server, port):
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=10)
            return
        except OSError:  # not listening yet, or still importing
            if server.poll() is not None:
                raise SystemExit("gunicorn stopped while starting") from None
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer within a minute")


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fetch(url):
    """(status, headers, body as sent) of a GET accepting Brotli."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def decoded(headers, body):
    return brotli.decompress(body) if headers.get("Content-Encoding") == "br" else body


def critical_path(base, path):
    """Bytes of the HTML and of the stylesheets it links: what first paint waits for.

    Stylesheets as WhiteNoise sends them (Brotli). Django sends the HTML uncompressed; the reverse
    proxy compresses it in production, so its Brotli size (quality 5, an on-the-fly setting) is
    computed here. Under about 14 KB (TCP's first congestion window), a response arrives in one
    round trip.
    """
    _, headers, body = fetch(base + path)
    html = decoded(headers, body)
    sizes = {"html": len(brotli.compress(html, quality=5)), "html_raw": len(html)}
    sizes.update(css=0, css_raw=0, stylesheets=0)
    html = html.decode()
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        _, css_headers, css_body = fetch(base + href)
        sizes["css"] += len(css_body)
        sizes["stylesheets"] += 1
        sizes["css_raw"] += len(decoded(css_headers, css_body))
    return sizes


def lighthouse(url, output):
    command = [
        "node",
        str(LIGHTHOUSE_CLI),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME_PATH}, check=False)
    if not Path(output).exists():
        raise SystemExit(f"Lighthouse wrote no report for {url}")
    return json.loads(Path(output).read_text())


def summary(report):
    """(scores, metrics, audits that lost points), or None when Lighthouse could not audit.

    Lighthouse refuses to audit an error page (the 404): its layout shift and weight are checked
    by tests/browser/test_performance.py instead.
    """
    if report.get("runtimeError"):
        return None
    audits = report["audits"]
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {
        name: audits[name]["numericValue"]
        for name in (
            "cumulative-layout-shift",
            "largest-contentful-paint",
            "total-blocking-time",
            "first-contentful-paint",
        )
    }
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{name}: {audit['id']} ({audit['score']}) {audit['title']}")
    return scores, metrics, lost


def misses(scores, metrics):
    found = [
        f"{name} {scores[name]} < {goal}" for name, goal in TARGETS.items() if scores[name] < goal
    ]
    if metrics["cumulative-layout-shift"] > MAX_CLS:
        found.append(f"CLS {metrics['cumulative-layout-shift']:.3f} > {MAX_CLS}")
    if metrics["largest-contentful-paint"] >= MAX_LCP_MS:
        found.append(f"LCP {metrics['largest-contentful-paint'] / 1000:.2f} s >= 1.5 s")
    return found


def critical(sizes):
    return f"{sizes['html'] / 1024:.1f} + {sizes['css'] / 1024:.1f} KB ({sizes['stylesheets']} CSS)"


def table(rows):
    lines = [
        "| page | path | perf. | access. | best pr. | SEO | CLS | LCP | TBT | FCP | HTML + CSS, br (files) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, path, scores, metrics, sizes in rows:
        if scores is None:
            lines.append(
                f"| {key} | `{path}` | – | – | – | – | – | – | – | – | {critical(sizes)} |"
            )
            continue
        lines.append(
            f"| {key} | `{path}` | {scores['performance']} | {scores['accessibility']} "
            f"| {scores['best-practices']} | {scores['seo']} "
            f"| {metrics['cumulative-layout-shift']:.3f} "
            f"| {metrics['largest-contentful-paint'] / 1000:.2f} s "
            f"| {metrics['total-blocking-time']:.0f} ms "
            f"| {metrics['first-contentful-paint'] / 1000:.2f} s "
            f"| {critical(sizes)} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("LIGHTHOUSE_PORT", 8090)))
    parser.add_argument("--only", nargs="*", help="page keys (see tests/browser/page_types.py)")
    parser.add_argument("--keep", help="copy the JSON reports into this folder")
    parser.add_argument(
        "--serve", action="store_true", help="only serve the site (to audit by hand), until Ctrl-C"
    )
    args = parser.parse_args()
    if not LIGHTHOUSE_CLI.exists():
        raise SystemExit(f"Lighthouse is not installed: run `npm ci --prefix {HERE}`.")
    if not Path(CHROME_PATH).exists():
        raise SystemExit(f"No Chromium at {CHROME_PATH} (make browser installs Debian's).")

    # Stopped with SIGTERM (or Ctrl-C): still stop gunicorn and delete the folder (finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    workdir = Path(tempfile.mkdtemp(prefix="club-lighthouse-"))
    server = None
    try:
        env = production_environment(workdir, args.port)
        pages = build_site(env, args.port)
        if args.only:
            pages = [page for page in pages if page[0] in args.only]
        server = start_server(env, args.port)
        base = f"http://127.0.0.1:{args.port}"
        if args.serve:
            print("\n".join(f"{key}: {base}{path}" for key, path, _ in pages), flush=True)
            server.wait()
            return
        # First visits make the image renditions and warm every worker (a worker's first page
        # takes seconds: imports, template loading); Lighthouse then measures warm pages.
        for _ in range(3):
            for _, path, status in pages:
                got, _, _ = fetch(base + path)
                if got != status:
                    raise SystemExit(f"{path} answered {got}, expected {status}")
        rows, problems, notes, benchmark_indexes = [], [], [], []
        for key, path, _ in pages:
            print(f"Lighthouse: {key} ({path})", file=sys.stderr)
            report = lighthouse(base + path, workdir / f"{key}.json")
            if report.get("runtimeError", {}).get("code") not in (None, ERROR_PAGE):
                # A lost trace on a busy machine (NO_NAVSTART...): once more.
                report = lighthouse(base + path, workdir / f"{key}.json")
            if args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(workdir / f"{key}.json", args.keep)
            benchmark_indexes.append(report["environment"]["benchmarkIndex"])
            audited = summary(report)
            sizes = critical_path(base, path)
            if audited is None:
                rows.append((key, path, None, None, sizes))
                error = report["runtimeError"]
                why = (
                    "Lighthouse audits no error page"
                    if error["code"] == ERROR_PAGE
                    else error.get("message", "")
                )
                notes.append(f"{key}: not audited: {error['code']} ({why})")
                continue
            scores, metrics, lost = audited
            rows.append((key, path, scores, metrics, sizes))
            problems += [f"{key}: {item}" for item in lost + misses(scores, metrics)]
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)

    chromium = subprocess.run(
        [CHROME_PATH, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    lighthouse_version = json.loads((LIGHTHOUSE_CLI.parents[1] / "package.json").read_text())[
        "version"
    ]
    benchmarks = sorted(benchmark_indexes) or [0]
    print(
        f"Lighthouse {lighthouse_version} (benchmark index of this machine during the run: "
        f"{benchmarks[0]:.0f} to {benchmarks[-1]:.0f}), mobile emulation, {chromium}, "
        f"{os.cpu_count()} cores, {datetime.date.today().isoformat()}, production settings "
        "(gunicorn, WhiteNoise) on 127.0.0.1\n"
    )
    print(table(rows))
    if rows:
        key, sizes = max(((row[0], row[4]) for row in rows), key=lambda item: item[1]["css_raw"])
        print(
            f"\nHeaviest critical path ({key}): HTML {sizes['html_raw'] / 1024:.1f} KB "
            f"({sizes['html'] / 1024:.1f} KB with Brotli), {sizes['stylesheets']} stylesheets "
            f"{sizes['css_raw'] / 1024:.1f} KB ({sizes['css'] / 1024:.1f} KB with Brotli)."
        )
    for note in notes:
        print(f"\n{note}")
    print("\nAudits that lost points and missed targets:" if problems else "\nEvery target met.")
    for problem in problems:
        print(f"- {problem}")


if __name__ == "__main__":
    main()
