from django import template

from catalogue.selectors import iron_product_ids
from content.notices import IRON_WARNING
from content.selectors import notices_by_slug

register = template.Library()


@register.filter
def contains_iron(product_id):
    """True for a product whose facts contain iron: it carries the iron warning everywhere."""
    return product_id in iron_product_ids()


@register.simple_tag
def nutrient_warnings(product):
    """The good-practice warnings a product carries because of its facts, as Notice objects.

    The iron warning is left out: the law wants it in full, boxed, beside the buy button, so the
    product page shows it there and never inside the collapsible list these go in.
    """
    notices = notices_by_slug()
    return [
        notices[slug]
        for slug in product.warning_notice_slugs
        if slug != IRON_WARNING and slug in notices
    ]
