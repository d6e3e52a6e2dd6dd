"""The Supplement Facts panel in templates, built by compliance.labels from prefetched rows."""

from django import template

from compliance import labels

register = template.Library()


@register.simple_tag
def supplement_facts(product):
    return labels.supplement_facts(product)
