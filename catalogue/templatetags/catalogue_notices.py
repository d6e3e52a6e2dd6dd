from django import template

from catalogue.selectors import iron_product_ids

register = template.Library()


@register.filter
def contains_iron(product_id):
    """True for a product whose facts contain iron: it carries the iron warning everywhere."""
    return product_id in iron_product_ids()
