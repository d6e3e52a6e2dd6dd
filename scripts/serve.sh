#!/usr/bin/env bash
# Serve the store with gunicorn and the production settings on 127.0.0.1:${PORT:-8000}.
# Workers: WEB_CONCURRENCY (default 2), each with GUNICORN_THREADS threads (default 16): gthread
# workers hand a connection to a thread, so a few clients that send slowly tie up a few threads,
# not the whole store (sync workers were stalled by two). In production nginx sits in front and
# buffers whole requests (README), so slow clients never reach gunicorn at all.
# Database and cache: DATABASE_URL / REDIS_URL as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=shop.settings.prod
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
    echo "DJANGO_SECRET_KEY is not set: using a throwaway key (sessions end with this server)." >&2
    DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')"
    export DJANGO_SECRET_KEY
fi
# Plain HTTP on this machine: no redirect to https, and Django serves uploaded media itself.
# Behind a TLS-terminating proxy set SECURE_SSL_REDIRECT=true and serve media from the proxy.
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}"
export SERVE_MEDIA="${SERVE_MEDIA:-true}"
export STORE_URL="${STORE_URL:-http://127.0.0.1:${PORT:-8000}}"  # links in emails: this server
.venv/bin/python manage.py collectstatic --noinput -v0
exec .venv/bin/gunicorn shop.wsgi:application \
    --bind "127.0.0.1:${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-2}" \
    --worker-class gthread \
    --threads "${GUNICORN_THREADS:-16}" \
    --timeout 30 \
    --graceful-timeout 30 \
    --keep-alive 5 \
    --access-logfile "${ACCESS_LOG:--}" \
    "$@"
