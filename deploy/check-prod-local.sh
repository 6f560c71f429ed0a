#!/usr/bin/env bash
# CI check of the production topology (deploy/prod-local.sh) on loopback: a page through the
# proxy (cached the second time), a publication visible through the proxy on the next request
# (Wagtail's purge reached Varnish), the health URL (never cached), documents never served as
# media files. Stops everything it started, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
export PROXY_PORT="${PROXY_PORT:-8080}" APP_PORT="${APP_PORT:-8001}"
BASE="http://127.0.0.1:$PROXY_PORT"
RUN_DIR="${PROD_LOCAL_DIR:-/tmp/club-prod-local-${PROXY_PORT}}"
export PROD_LOCAL_DIR="$RUN_DIR"

trap 'deploy/prod-local.sh stop' EXIT
deploy/prod-local.sh start

fail() { echo "FAILED: $*" >&2; exit 1; }
header() { curl -fsS -o /dev/null -D - "$BASE$1" | tr -d '\r' | grep -i "^$2:" | cut -d' ' -f2- || true; }

echo "== a page through the proxy, cached the second time"
header / X-Proxy-Cache >/dev/null
[ "$(header / X-Proxy-Cache)" = HIT ] || fail "the home page is not cached by the proxy"
[[ "$(header / Cache-Control)" == *s-maxage=* ]] || fail "no s-maxage on the home page"

echo "== a publication shows through the proxy on the next request"
# shellcheck disable=SC1091
source "$RUN_DIR/env"
url="$(LOG_LEVEL=WARNING .venv/bin/python manage.py shell -v 0 -c "
from news.models import ArticlePage
print(ArticlePage.objects.live().first().url)")"
for path in "$url" /actualites/; do
    curl -fsS -o /dev/null "$BASE$path"
    [ "$(header "$path" X-Proxy-Cache)" = HIT ] || fail "$path is not cached by the proxy"
done
title="Titre vérifié $(date +%s%N)"
LOG_LEVEL=WARNING .venv/bin/python manage.py shell -v 0 -c "
from news.models import ArticlePage
page = ArticlePage.objects.live().first()
page.title = '$title'
page.save_revision().publish()"
for path in "$url" /actualites/; do
    page="$(curl -fsS "$BASE$path")"
    grep -q "$title" <<<"$page" || fail "$path still shows the old title through the proxy"
done

echo "== the health URL, never cached"
for _ in 1 2; do
    body="$(curl -fsS -D "$RUN_DIR/health-headers" "$BASE/sante/")"
    grep -qi "^X-Proxy-Cache: MISS" "$RUN_DIR/health-headers" || fail "/sante/ was cached"
done
grep -q "cache : ok" <<<"$body" || fail "/sante/ says: $body"

echo "== static files keep their Brotli and gzip copies through the proxy"
css="$(curl -fsS "$BASE/" | grep -o '/static/home/css/club[^"]*\.css' | head -n 1)"
[ -n "$css" ] || fail "no stylesheet on the home page"
encoding() { curl -fsS -o /dev/null -D - -H "Accept-Encoding: $1" "$BASE$css" | tr -d '\r' | grep -i '^Content-Encoding:' | cut -d' ' -f2- || true; }
for _ in 1 2; do  # the second answer comes from the proxy's cache
    [ "$(encoding 'gzip, deflate, br')" = br ] || fail "$css is not sent with Brotli"
    [ "$(encoding 'gzip')" = gzip ] || fail "$css is not sent with gzip"
done
[[ "$(header "$css" Cache-Control)" == *immutable* ]] || fail "$css is not immutable"

echo "== documents are never served as media files"
code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE/media/documents/anything.pdf")"
[ "$code" = 404 ] || fail "/media/documents/ answered $code"

echo "prod-local check passed."
