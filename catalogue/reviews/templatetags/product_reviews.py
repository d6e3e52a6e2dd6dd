from django import template

from catalogue.reviews.summary import latest_reviews, rating_summary

register = template.Library()


@register.simple_tag
def review_summary(product):
    """{% review_summary product as summary %}: summary.count, .average_text, .stars..."""
    return rating_summary(product)


@register.simple_tag
def newest_reviews(product, limit=5):
    """{% newest_reviews product 5 as reviews %}: the newest approved reviews."""
    return latest_reviews(product, limit)
