from oscar.apps.address.models import *  # noqa: F403  (Oscar's fork pattern: no model changes)
