"""Queue background jobs once the data they read is committed, and never fail a request for it.

`after_commit(task, *args)` queues the Celery task when the current transaction commits (at once
outside one). A worker that read the order before its transaction committed would find nothing,
and a rolled-back order must send no email. When the broker cannot be reached the job runs
inline instead: slower for that one request, but nothing is lost; the database stays the truth.
"""

import logging

from django.db import transaction

logger = logging.getLogger("shop.tasks")


def enqueue(task, *args, **kwargs):
    """Queue `task` now; if the broker is down, run it here (its own errors are logged)."""
    try:
        return task.apply_async(args=args, kwargs=kwargs)
    except Exception:  # broker unreachable or refusing: do the job in this process
        logger.warning("Broker unavailable: running %s inline", task.name, exc_info=True)
        try:
            return task.apply(args=args, kwargs=kwargs)
        except Exception:
            logger.exception("Task %s failed inline", task.name)
            return None


def after_commit(task, *args, **kwargs):
    """Queue `task` once the current transaction commits (now, outside a transaction)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs), robust=True)
