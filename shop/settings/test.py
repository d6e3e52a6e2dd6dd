"""Tests: fast hashing, in-memory email, DATABASE_URL honoured so CI can run on PostgreSQL."""

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"
DEMO_STAFF_EMAIL = "staff@example.com"
DEMO_STAFF_PASSWORD = "rls-demo-staff"
# Query budgets measure a real render; tests/shop/test_page_cache.py turns the cache on.
PAGE_CACHE_SECONDS = 0
# One process: memory, so parallel test runs and a running store never share cached rows.
# Tests that start server processes give them the shared file cache (tests/shop/live_servers.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Background jobs run inline when queued (after the transaction commits: tests that check an
# email use django_capture_on_commit_callbacks). tests/shop/test_celery_worker.py starts a real one.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
