"""Notices in templates: `{% notices page_notices "placement" %}` renders what compliance decided.

Which notices a page carries, and where, is decided by compliance.notices.notices_for; the
view (or, for pages without products, shop.chrome) puts the result in `page_notices`.
"""

from django import template

from compliance.notices import at
from content.selectors import notices_by_slug

register = template.Library()


@register.inclusion_tag("content/partials/notices.html")
def notices(placed, placement):
    return {"notices": at(placed or [], placement), "placement": placement}


@register.simple_tag
def notice_text(slug):
    """One notice's current text, for an old order that has no record of what it showed."""
    found = notices_by_slug().get(slug)
    return found.text if found else ""
