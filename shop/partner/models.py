from oscar.apps.partner.models import *  # noqa: F403  (Oscar's fork pattern: no model changes)
