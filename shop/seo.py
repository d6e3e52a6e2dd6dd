"""What search engines and Pinterest read about a page: schema.org JSON-LD and Open Graph.

Built here as plain dicts from the same objects the page shows, so the structured data can never
disagree with the visible price, stock or review date; templates only serialise them (the
``ld_json`` filter and ``shop/partials/seo_head.html``). Every URL is absolute, built from the
request, as crawlers and Pinterest require.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

from catalogue.reviews.summary import rating_summary

SCHEMA = "https://schema.org"
LOGO = "favicon-512.png"


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def canonical_url(request):
    """This page's URL without its query string, except the page number of a listing."""
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


def short_text(html, limit=200):
    return Truncator(" ".join(strip_tags(html or "").split())).chars(limit)


def organization(request):
    return {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": settings.OSCAR_SHOP_NAME,
        "url": absolute(request, reverse("home")),
        "logo": absolute(request, static(LOGO)),
    }


def website(request):
    """The site, with the search box Google may show under the result (its SearchAction)."""
    search = absolute(request, reverse("search:search"))
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": settings.OSCAR_SHOP_NAME,
        "url": absolute(request, reverse("home")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(request, trail):
    """A BreadcrumbList from (name, url) pairs, the same trail the page shows."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(request, url),
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def catalogue_trail(category=None):
    trail = [("Home", reverse("home")), ("Our Products", reverse("catalogue:index"))]
    if category is not None:
        trail.append((category.name, category.get_absolute_url()))
    return trail


def product_image_url(request, product):
    image = product.primary_image()
    # Oscar returns a dict placeholder when the product has no image of its own.
    return "" if isinstance(image, dict) else absolute(request, image.original.url)


def product(request, product, info):
    """Product with its Offer, from the purchase info (price, stock) the page itself shows."""
    url = absolute(request, product.get_absolute_url())
    category = next(iter(product.categories.all()), None)
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": product.get_title(),
        "description": short_text(product.description, 500),
        "url": url,
        "sku": info.stockrecord.partner_sku if info.stockrecord else product.upc,
        "brand": {"@type": "Brand", "name": settings.OSCAR_SHOP_NAME},
    }
    image = product_image_url(request, product)
    if image:
        data["image"] = [image]
    if category is not None:
        data["category"] = category.name
    if info.price.exists:
        data["offers"] = {
            "@type": "Offer",
            "url": url,
            "price": f"{info.price.incl_tax:.2f}",
            "priceCurrency": info.price.currency,
            "availability": f"{SCHEMA}/"
            + ("InStock" if info.availability.is_available_to_buy else "OutOfStock"),
            "itemCondition": f"{SCHEMA}/NewCondition",
            "seller": {"@type": "Organization", "name": settings.OSCAR_SHOP_NAME},
        }
    rating = rating_summary(product)
    if rating.count:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": rating.average_text,
            "reviewCount": rating.count,
            "bestRating": 5,
            "worstRating": 1,
        }
    return [data, breadcrumbs(request, catalogue_trail(category) + [(product.get_title(), url)])]


def product_open_graph(request, product, info):
    """Open Graph for a product: Pinterest turns these into a Product Rich Pin."""
    og = {
        "og:type": "product",
        "og:title": product.get_title(),
        "og:description": short_text(product.description),
        "og:image": product_image_url(request, product),
    }
    if info.price.exists:
        og["product:price:amount"] = f"{info.price.incl_tax:.2f}"
        og["product:price:currency"] = info.price.currency
    og["og:availability"] = "in stock" if info.availability.is_available_to_buy else "out of stock"
    return og


def article(request, article):
    """A MedicalWebPage: an Article-like page that also carries when it was last reviewed."""
    url = absolute(request, article.get_absolute_url())
    publisher = {
        "@type": "Organization",
        "name": settings.OSCAR_SHOP_NAME,
        "logo": {"@type": "ImageObject", "url": absolute(request, static(LOGO))},
    }
    data = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "headline": article.title,
        "name": article.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "author": publisher,
        "publisher": publisher,
        "inLanguage": "en-US",
    }
    if article.hero_image:
        data["image"] = [absolute(request, article.hero_image.url)]
    if article.last_reviewed:
        data["lastReviewed"] = article.last_reviewed.isoformat()
    if article.reviewer:
        data["reviewedBy"] = {"@type": "Person", "name": article.reviewer}
    if article.reference_list:
        data["citation"] = article.reference_list
    trail = [
        ("Home", reverse("home")),
        ("Articles", reverse("content:article-list")),
        (article.title, url),
    ]
    return [data, breadcrumbs(request, trail)]


def article_open_graph(request, article):
    og = {
        "og:type": "article",
        "og:title": article.title,
        "og:description": article.summary,
        "og:image": absolute(request, article.hero_image.url) if article.hero_image else "",
        "article:published_time": article.published_at.isoformat(),
        "article:modified_time": article.updated_at.isoformat(),
    }
    return og
