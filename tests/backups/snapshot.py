"""What a restore must bring back, as JSON: every public page's HTML (CSRF tokens removed),
every feed the pages link to, the sitemap, a search, the page tree with its revisions and
schedules, and every media file's SHA-256. Run as ``python -m tests.backups.snapshot OUT.json
[--light]`` in a site process's environment; two snapshots of the same site are equal."""

import hashlib
import json
import os
import re
import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page, Revision  # noqa: E402

# What changes at every rendering of a form: the CSRF token and the anti-spam stamp (home.antispam).
CSRF = re.compile(r'(name="(?:csrfmiddlewaretoken|debut)" value=")[^"]*(")')
# Links to this site, without fragment or query string (filters would multiply the pages).
LOCAL_LINK = re.compile(r'href="((?:http://testserver)?/[^"#?]*)"')
FEED_PATH = re.compile(r"\.(?:rss|atom|ics)$")
SKIPPED = ("/admin/", "/static/", "/media/", "/recherche/", "//")
SEARCH_WORD = "revitalisation"


def fetch(client, url):
    response = client.get(url, HTTP_HOST="testserver")
    body = response.content.decode(errors="replace")
    return {"status": response.status_code, "body": CSRF.sub(r"\1\2", body)}


def page_tree():
    rows = []
    for page in Page.objects.order_by("path"):
        rows.append(
            {
                "path": page.path,
                "title": page.title,
                "slug": page.slug,
                "type": page.specific_class.__name__ if page.specific_class else None,
                "live": page.live,
                "has_unpublished_changes": page.has_unpublished_changes,
                "go_live_at": page.go_live_at.isoformat() if page.go_live_at else None,
                "first_published_at": str(page.first_published_at),
                "last_published_at": str(page.last_published_at),
                "revisions": Revision.page_revisions.filter(object_id=str(page.pk)).count(),
                "latest_revision_content": page.get_latest_revision().content.get("introduction")
                if page.get_latest_revision()
                else None,
            }
        )
    scheduled = sorted(
        (revision.object_id, revision.approved_go_live_at.isoformat())
        for revision in Revision.page_revisions.filter(approved_go_live_at__isnull=False)
    )
    return {"pages": rows, "scheduled_revisions": scheduled}


def media_files():
    found = {}
    for folder, _, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as content:
                found[os.path.relpath(path, settings.MEDIA_ROOT)] = hashlib.sha256(
                    content.read()
                ).hexdigest()
    return dict(sorted(found.items()))


def crawl(client, start, limit=400):
    """Every page of the site reachable from ``start`` by its own links (routable pages such as
    theme pages included), with feeds and documents kept apart."""
    html, feeds, documents = {}, {}, {}
    queue, seen = list(start), set(start)
    while queue and len(seen) <= limit:
        url = queue.pop(0)
        if url.startswith("/documents/"):
            response = client.get(url, HTTP_HOST="testserver")
            content = b"".join(response) if response.streaming else response.content
            documents[url] = [response.status_code, hashlib.sha256(content).hexdigest()]
            continue
        result = fetch(client, url)
        (feeds if FEED_PATH.search(url) else html)[url] = result
        for link in LOCAL_LINK.findall(result["body"]):
            link = link.replace("http://testserver", "").replace("&amp;", "&")
            if link not in seen and not link.startswith(SKIPPED):
                seen.add(link)
                queue.append(link)
    return html, feeds, documents


def main(out, light=False):
    if light:
        # The data only (tree, revisions, schedules, media): enough to prove nothing changed.
        snapshot = {"tree": page_tree(), "media": media_files()}
        with open(out, "w") as target:
            json.dump(snapshot, target, indent=1, ensure_ascii=False, sort_keys=True)
        return
    client = Client()
    start = [
        page.get_url()
        for page in Page.objects.live().public().specific().order_by("path")
        if page.get_url() is not None
    ]
    html, feeds, documents = crawl(client, start)
    snapshot = {
        "html": html,
        "feeds": feeds,
        "documents": documents,
        "sitemap": fetch(client, "/sitemap.xml"),
        "search": fetch(client, f"/recherche/?q={SEARCH_WORD}"),
        "tree": page_tree(),
        # Last: rendering the pages above may have made renditions.
        "media": media_files(),
    }
    with open(out, "w") as target:
        json.dump(snapshot, target, indent=1, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], light="--light" in sys.argv[2:])
