#!/usr/bin/env bash
# Load test on loopback: gunicorn with production settings (PostgreSQL, Redis, 2,000 news items),
# measured with wrk (Debian's package), each page beside a bare Django "ok" view, the ceiling of
# this stack on this machine. Cold: the page cache is bypassed (a header only this run allows);
# warm: served from it. Prints req/s, p50, p99, errors and the ratio to the ceiling.
# Bounded: DURATION seconds per measurement (about 20 measurements).
LOADTEST_PORT="${LOADTEST_PORT:-8002}"
LOADTEST_DB="${LOADTEST_DB:-club_loadtest}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/1}"
LOADTEST_ITEMS="${LOADTEST_ITEMS:-2000}"
GUNICORN_WORKERS="${GUNICORN_WORKERS:-2}"
DURATION="${DURATION:-5}"
COLD_CONNECTIONS="${COLD_CONNECTIONS:-16}"
WARM_CONNECTIONS="${WARM_CONNECTIONS:-64}"
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
RUN_DIR="${LOADTEST_DIR:-/tmp/club-loadtest-${LOADTEST_PORT}}"
mkdir -p "$RUN_DIR"

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi

export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="loadtest-$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$LOADTEST_PORT"
export DATABASE_URL="$PG_URL/$LOADTEST_DB"
export REDIS_URL SECURE_SSL_REDIRECT=false LOG_LEVEL=WARNING
# Persistent connections, as production should run (README, DATABASE_CONN_MAX_AGE).
export DATABASE_CONN_MAX_AGE="${DATABASE_CONN_MAX_AGE:-60}"
export LOADTEST_CEILING_VIEW=true PAGE_CACHE_ALLOW_BYPASS_HEADER=true
export GUNICORN_BIND="127.0.0.1:$LOADTEST_PORT" GUNICORN_WORKERS GUNICORN_PIDFILE="$RUN_DIR/gunicorn.pid"

if ! psql "$PG_URL/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$LOADTEST_DB'" | grep -q 1; then
    psql "$PG_URL/postgres" -qc "CREATE DATABASE \"$LOADTEST_DB\""
fi
echo "== database $LOADTEST_DB: migrate, demo content, $LOADTEST_ITEMS news items (created once)"
$PY manage.py migrate --no-input -v 0
$PY manage.py load_demo_content -v 0 >/dev/null
$PY manage.py collectstatic --no-input -v 0
$PY deploy/loadtest_content.py --items "$LOADTEST_ITEMS"

stop() {
    if [ -s "$RUN_DIR/gunicorn.pid" ]; then
        local pid
        pid="$(cat "$RUN_DIR/gunicorn.pid")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 160); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    fi
}
trap stop EXIT INT TERM
echo "== gunicorn, production settings, $GUNICORN_WORKERS sync workers on 127.0.0.1:$LOADTEST_PORT"
$PY -m gunicorn --config deploy/gunicorn.conf.py --daemon --error-logfile "$RUN_DIR/gunicorn.log"
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$LOADTEST_PORT/sante/" && break; sleep 0.5; done

$PY deploy/loadtest_report.py \
    --base "http://127.0.0.1:$LOADTEST_PORT" --duration "$DURATION" \
    --cold-connections "$COLD_CONNECTIONS" --warm-connections "$WARM_CONNECTIONS"
