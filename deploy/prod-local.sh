#!/usr/bin/env bash
# The production topology on this machine's loopback:
#   visitor -> Varnish (PROXY_PORT) -> gunicorn, production settings (APP_PORT) -> PostgreSQL + Redis
#
#   deploy/prod-local.sh run     start, print the addresses, stop everything on Ctrl-C (make prod-local)
#   deploy/prod-local.sh start   start in the background (then: deploy/prod-local.sh stop)
#   deploy/prod-local.sh stop    stop what `start` started (by the process ids it wrote)
#
# It uses the PostgreSQL and Redis this machine runs (127.0.0.1:5432, 127.0.0.1:6379), creates
# its own database, migrates, loads the demo content and collects the static files. Varnish is
# installed from Debian's packages when missing. Every port and name can be overridden:
PROXY_PORT="${PROXY_PORT:-8080}"
APP_PORT="${APP_PORT:-8001}"
PROD_LOCAL_DB="${PROD_LOCAL_DB:-club_prod_local}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/1}"
RUN_DIR="${PROD_LOCAL_DIR:-/tmp/club-prod-local-${PROXY_PORT}}"
GUNICORN_WORKERS="${GUNICORN_WORKERS:-2}"
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

log() { printf '== %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_varnish() {
    if ! command -v varnishd >/dev/null && [ ! -x /usr/sbin/varnishd ]; then
        log "installing Varnish from Debian's packages"
        as_root apt-get install -y -q varnish >/dev/null
    fi
}

ensure_services() {
    pg_isready -d "$PG_URL/postgres" -q || { echo "PostgreSQL does not answer at $PG_URL" >&2; exit 1; }
    [ "$(redis-cli -u "$REDIS_URL" ping 2>/dev/null)" = PONG ] || { echo "Redis does not answer at $REDIS_URL" >&2; exit 1; }
}

write_env() {
    mkdir -p "$RUN_DIR"
    [ -s "$RUN_DIR/secret" ] || head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$RUN_DIR/secret"
    cat >"$RUN_DIR/env" <<ENV
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY=$(cat "$RUN_DIR/secret")
export ALLOWED_HOSTS=127.0.0.1,localhost
export CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$PROXY_PORT
export WAGTAILADMIN_BASE_URL=http://127.0.0.1:$PROXY_PORT
export DATABASE_URL=$PG_URL/$PROD_LOCAL_DB
export REDIS_URL=$REDIS_URL
export FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:$PROXY_PORT
export SECURE_SSL_REDIRECT=false
export SERVE_MEDIA_FILES=true
export GUNICORN_BIND=127.0.0.1:$APP_PORT
export GUNICORN_WORKERS=$GUNICORN_WORKERS
export GUNICORN_PIDFILE=$RUN_DIR/gunicorn.pid
export DATABASE_CONN_MAX_AGE=60
ENV
}

prepare_database() {
    if ! psql "$PG_URL/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$PROD_LOCAL_DB'" | grep -q 1; then
        log "creating the database $PROD_LOCAL_DB"
        psql "$PG_URL/postgres" -qc "CREATE DATABASE \"$PROD_LOCAL_DB\""
    fi
    # shellcheck disable=SC1091
    source "$RUN_DIR/env"
    log "migrate, demo content, collectstatic"
    # The proxy is not running yet: nothing to purge while the content is loaded.
    local quiet=(env FRONTEND_CACHE_PURGE_URL= LOG_LEVEL=WARNING)
    "${quiet[@]}" $PY manage.py migrate --no-input -v 0
    "${quiet[@]}" $PY manage.py load_demo_content -v 0
    "${quiet[@]}" $PY manage.py collectstatic --no-input -v 0
    # Absolute links (feeds, sitemap) and purges name the address visitors use.
    "${quiet[@]}" $PY manage.py shell -v 0 -c "
from wagtail.models import Site
Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port=$PROXY_PORT)"
}

start_gunicorn() {
    log "gunicorn on 127.0.0.1:$APP_PORT ($GUNICORN_WORKERS workers)"
    # shellcheck disable=SC1091
    source "$RUN_DIR/env"
    $PY -m gunicorn --config deploy/gunicorn.conf.py --daemon --error-logfile "$RUN_DIR/gunicorn.log"
}

start_varnish() {
    log "Varnish on 127.0.0.1:$PROXY_PORT"
    sed "s/\.port = \"8000\";/.port = \"$APP_PORT\";/" deploy/varnish/default.vcl >"$RUN_DIR/default.vcl"
    local jail=()
    [ "$(id -u)" = 0 ] && jail=(-j none)
    /usr/sbin/varnishd "${jail[@]}" -n "$RUN_DIR/varnish" -a "127.0.0.1:$PROXY_PORT" \
        -T "127.0.0.1:0" -f "$RUN_DIR/default.vcl" -s malloc,64m -P "$RUN_DIR/varnish.pid" \
        -p http_gzip_support=off
}

wait_healthy() {
    for _ in $(seq 1 60); do
        if curl -fsS "http://127.0.0.1:$PROXY_PORT/sante/" >/dev/null 2>&1; then return 0; fi
        sleep 0.5
    done
    echo "the stack did not become healthy; see $RUN_DIR/gunicorn.log" >&2
    return 1
}

stop() {
    for name in varnish gunicorn; do
        local pidfile="$RUN_DIR/$name.pid"
        if [ -s "$pidfile" ]; then
            local pid
            pid="$(cat "$pidfile")"
            if kill -0 "$pid" 2>/dev/null; then
                log "stopping $name ($pid)"
                kill "$pid"
                for _ in $(seq 1 160); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
            fi
            rm -f "$pidfile"
        fi
    done
}

start() {
    ensure_varnish
    ensure_services
    stop
    write_env
    prepare_database
    start_gunicorn
    start_varnish
    wait_healthy
    log "site:   http://127.0.0.1:$PROXY_PORT/ (through Varnish)"
    log "app:    http://127.0.0.1:$APP_PORT/ (gunicorn)"
    log "health: http://127.0.0.1:$PROXY_PORT/sante/"
}

case "${1:-run}" in
    start) start ;;
    stop) stop ;;
    run)
        trap stop EXIT INT TERM
        start
        log "Ctrl-C stops everything"
        while sleep 3600; do :; done
        ;;
    *) echo "usage: $0 [run|start|stop]" >&2; exit 2 ;;
esac
