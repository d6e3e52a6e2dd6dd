"""A US address as printed on an envelope (shop.addresses.us_address_lines).

    {% load us_address %}
    {% us_address order.shipping_address %}

renders <address>Ann Smith<br>12 Main St<br>Apt 4<br>Springfield, IL 62704</address>, every
line escaped, and nothing for an empty address. For plain text (emails), the lines themselves:

    {% for line in order.shipping_address|us_address_lines %}{{ line }}
    {% endfor %}
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from shop import addresses

register = template.Library()


@register.simple_tag
def us_address(address):
    lines = addresses.us_address_lines(address)
    if not lines:
        return ""
    joined = format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))
    return format_html("<address>{}</address>", joined)


@register.filter
def us_address_lines(address):
    return addresses.us_address_lines(address)
