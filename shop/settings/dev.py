"""Local development: DEBUG on, SQLite and console email unless the environment says otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# The demo staff account that `seed_store --demo-staff` creates and prints (never in prod).
DEMO_STAFF_EMAIL = "staff@example.com"
DEMO_STAFF_PASSWORD = "rls-demo-staff"
