"""The dose check in templates; the basket page is Oscar's own view, so it asks from here."""

from django import template

from compliance import dosage

register = template.Library()


@register.simple_tag
def basket_dose_warnings(basket):
    return dosage.basket_dose_warnings(basket)


@register.simple_tag
def product_dose_warnings(product):
    return dosage.product_dose_warnings(product)
