"""Jobs for Celery: images kept for a product form that failed and was never saved again."""

from datetime import timedelta

from celery import shared_task
from django.core.files.storage import default_storage
from django.utils import timezone

from .views import KEPT_UPLOAD_MAX_AGE, PENDING_UPLOADS


def delete_stale_uploads(now=None):
    """Delete kept images older than the token that names them (24 hours); how many."""
    cutoff = (now or timezone.now()) - timedelta(seconds=KEPT_UPLOAD_MAX_AGE)
    deleted = 0
    try:
        folders, _files = default_storage.listdir(PENDING_UPLOADS)
    except FileNotFoundError:
        return 0
    for folder in folders:
        prefix = f"{PENDING_UPLOADS}{folder}/"
        _dirs, files = default_storage.listdir(prefix)
        for name in files:
            if default_storage.get_modified_time(prefix + name) < cutoff:
                default_storage.delete(prefix + name)
                deleted += 1
    return deleted


@shared_task(name="shop.dashboard.catalogue.tasks.delete_stale_uploads")
def delete_stale_uploads_task():
    return delete_stale_uploads()
