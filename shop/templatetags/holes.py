"""`{% hole "name" %}` and `{% hole "name" product.pk %}`: a visitor's own part of a page."""

from django import template

from shop import holes

register = template.Library()


@register.simple_tag(takes_context=True)
def hole(context, name, product_pk=None):
    return holes.render(name, product_pk, context["request"])
