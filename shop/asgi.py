"""ASGI entry point, for servers: the production settings unless DJANGO_SETTINGS_MODULE says
otherwise (manage.py, for development, defaults to shop.settings.dev)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.prod")

application = get_asgi_application()
