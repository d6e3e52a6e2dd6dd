"""sitemap.xml, robots.txt and /favicon.ico: what crawlers ask the store for first."""

from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from oscar.core.loading import get_model

from content.models import Article

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

# Pages a search engine has no business in (DESIGN §7: carts, checkout and accounts are private).
DISALLOW = ["/basket/", "/checkout/", "/accounts/", "/dashboard/", "/admin/"]


class RequestSitemap(Sitemap):
    """A sitemap whose URLs use the host and scheme of the request, like the canonical links.

    Django's default takes the domain from the Site row, which a new install leaves at
    "example.com"; the request's host is already vetted by ALLOWED_HOSTS.
    """

    def __init__(self, request):
        self.request = request

    def get_domain(self, site=None):
        return self.request.get_host()

    def get_protocol(self, protocol=None):
        return self.request.scheme


class PageSitemap(RequestSitemap):
    priority = 0.6

    def items(self):
        return ["home", "catalogue:index", "content:article-list", "contact"]

    def location(self, item):
        return reverse(item)


class FlatPageSitemap(RequestSitemap):
    """About Us and other staff-written pages; /contact/ is a form view, listed above."""

    def items(self):
        return FlatPage.objects.filter(registration_required=False).exclude(
            url__in=[reverse("contact")]
        )


class CategorySitemap(RequestSitemap):
    priority = 0.7

    def items(self):
        return Category.objects.browsable().order_by("path")


class ProductSitemap(RequestSitemap):
    priority = 0.8

    def items(self):
        return Product.objects.browsable().order_by("pk")

    def lastmod(self, product):
        return product.date_updated


class ArticleSitemap(RequestSitemap):
    priority = 0.7

    def items(self):
        return Article.objects.published().order_by("position")

    def lastmod(self, article):
        return article.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    "flatpages": FlatPageSitemap,
    "categories": CategorySitemap,
    "products": ProductSitemap,
    "articles": ArticleSitemap,
}


def sitemap(request):
    sitemaps = {name: sitemap_class(request) for name, sitemap_class in SITEMAPS.items()}
    return sitemap_views.sitemap(request, sitemaps=sitemaps)


def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page's <link rel="icon"> says."""
    return redirect(staticfiles_storage.url("favicon.ico"), permanent=True)
