"""The Celery application: `celery -A shop worker` and `celery -A shop beat` (make worker).

Settings are the CELERY_* names in shop/settings/base.py. Without a broker every task runs inline
(eager), which is how `make run` and the tests work.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.prod")

app = Celery("shop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
