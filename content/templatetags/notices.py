"""`{% notice "slug" %}` renders one notice from the database: no notice text lives in templates."""

from django import template

from content.selectors import notices_by_slug

register = template.Library()


@register.inclusion_tag("content/partials/notice.html")
def notice(slug, style="", plain=False):
    return {"notice": notices_by_slug().get(slug), "style": style, "plain": plain}


@register.simple_tag
def notice_text(slug):
    found = notices_by_slug().get(slug)
    return found.text if found else ""
