#!/usr/bin/env bash
# The Celery worker for `make serve`, with the beat schedule inside it (one machine): the order
# emails, the payment-deadline sweep every 10 minutes and the email retries every minute.
# Several machines: `celery -A shop worker` on each, and exactly one `celery -A shop beat`.
# Needs the web servers' DJANGO_SECRET_KEY (it signs the order-status links in emails), their
# DATABASE_URL and STORE_URL, and a broker: CELERY_BROKER_URL, or REDIS_URL's Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=shop.settings.prod
if [ -z "${CELERY_BROKER_URL:-}${REDIS_URL:-}" ]; then
    echo "Set CELERY_BROKER_URL (or REDIS_URL) to the Redis the web servers queue jobs on." >&2
    exit 2
fi
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
    echo "Set DJANGO_SECRET_KEY to the web servers' key: it signs the links in the emails." >&2
    exit 2
fi
export STORE_URL="${STORE_URL:-http://127.0.0.1:${PORT:-8000}}"
mkdir -p .cache
exec .venv/bin/celery -A shop worker --beat \
    --schedule .cache/celerybeat-schedule \
    --concurrency "${CELERY_CONCURRENCY:-2}" \
    --loglevel "${CELERY_LOG_LEVEL:-INFO}"
