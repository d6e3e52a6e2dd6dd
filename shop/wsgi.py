"""WSGI entry point, for servers: the production settings unless DJANGO_SETTINGS_MODULE says
otherwise (manage.py, for development, defaults to shop.settings.dev)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.prod")

application = get_wsgi_application()
