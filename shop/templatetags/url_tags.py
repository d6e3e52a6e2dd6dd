"""Oscar's `absolute_url` tag, made to build every link in an email from settings.STORE_URL.

Oscar's emails (password reset, registration, order, alerts) write
`{% absolute_url site.domain path %}`, joining OSCAR_URL_SCHEMA to the Sites framework's domain:
whatever a seed or an admin left there, not where the store is served. This library has the same
name as Oscar's and, as the store's app comes after Oscar's in INSTALLED_APPS, Django loads it
in its place (a later app's tag library of the same name wins), so each of those templates
links to the store's public address without being copied. The `domain` argument is ignored.
"""

from django import template

from shop.links import public_url

register = template.Library()


@register.simple_tag
def absolute_url(domain, path):
    return public_url(path)
