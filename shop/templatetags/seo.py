"""Template side of shop/seo.py: canonical link, Open Graph meta and JSON-LD blocks.

Registered as a builtin (settings TEMPLATES), so every template can use the tags without {% load %}.
"""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from shop import seo

register = template.Library()

# A title such as "</script>" must not end the block early; \u003c is still "<" to a JSON reader.
LD_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def ld_json(value):
    """JSON for a <script type="application/ld+json"> block.

    Django's json_script escapes the same way but adds an id and type="application/json",
    which is not what search engines read.
    """
    return mark_safe(
        json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(LD_ESCAPES)
    )


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context.get("request")
    return seo.canonical_url(request) if request is not None else ""


def head(request, og, ld=()):
    """Context for shop/partials/seo_head.html: Open Graph defaults, then the page's own."""
    defaults = {
        "og:site_name": settings.OSCAR_SHOP_NAME,
        "og:locale": "en_US",
        "og:url": seo.canonical_url(request),
    }
    og = {**defaults, **og}
    og["og:image"] = og.get("og:image") or seo.absolute(request, static(seo.LOGO))
    return {"og": og, "ld": list(ld)}


@register.inclusion_tag("shop/partials/seo_head.html", takes_context=True)
def page_seo(context, title, description="", kind="website"):
    """Open Graph for a page with no structured data of its own (About Us, Contact Us…)."""
    og = {"og:type": kind, "og:title": title, "og:description": description}
    return head(context["request"], og)


@register.inclusion_tag("shop/partials/seo_head.html", takes_context=True)
def home_seo(context, title, description):
    request = context["request"]
    og = {"og:type": "website", "og:title": title, "og:description": description}
    return head(request, og, [seo.organization(request), seo.website(request)])


@register.inclusion_tag("shop/partials/seo_head.html", takes_context=True)
def listing_seo(context, title, category=None):
    request = context["request"]
    description = seo.short_text(category.description) if category else ""
    og = {
        "og:type": "website",
        "og:title": title,
        "og:description": description or "Vitamins and minerals with full Supplement Facts.",
    }
    return head(request, og, [seo.breadcrumbs(request, seo.catalogue_trail(category or None))])


@register.inclusion_tag("shop/partials/seo_head.html", takes_context=True)
def product_seo(context, product):
    request = context["request"]
    info = request.strategy.fetch_for_product(product)
    return head(
        request, seo.product_open_graph(request, product, info), seo.product(request, product, info)
    )


@register.inclusion_tag("shop/partials/seo_head.html", takes_context=True)
def article_seo(context, article):
    request = context["request"]
    return head(request, seo.article_open_graph(request, article), seo.article(request, article))
