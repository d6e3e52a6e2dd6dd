"""Catalogue pages as plain, prefetched queries.

Oscar 4 builds its listings through Haystack, which costs hundreds of milliseconds per page
(DESIGN §1); a catalogue of this size is served better by the database directly.
"""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.views.generic import ListView
from oscar.apps.catalogue import views
from oscar.core.loading import get_model

from catalogue import search, selectors
from compliance.notices import PRODUCT, notices_for
from content.selectors import search_articles

Category = get_model("catalogue", "Category")


class ProductDetailView(views.ProductDetailView):
    def get_queryset(self):
        return selectors.product_detail_queryset()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["page_notices"] = notices_for([self.object], context=PRODUCT)
        ctx["related_products"] = selectors.related_products(self.object)
        return ctx

    def send_signal(self, request, response, product):
        """Send nothing: Oscar's receivers would set a "recently viewed" cookie (the store shows
        no such list) and write a view count on every visit, and either would make the page
        uncacheable (shop.middleware.PageCache)."""


class CatalogueView(ListView):
    """Our Products: every public product, in pages."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE

    def get_queryset(self):
        return selectors.product_cards()

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            raise Http404("There is no such page of products.") from None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["summary"] = "Our Products"
        ctx["categories"] = selectors.menu_categories()
        return ctx


class ProductCategoryView(CatalogueView):
    """One category's products; redirects to the canonical URL if the slug changed."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category.objects.browsable(), pk=kwargs["pk"])
        if request.path != self.category.get_absolute_url():
            return HttpResponsePermanentRedirect(self.category.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.product_cards(category=self.category)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["category"] = self.category
        ctx["summary"] = self.category.name
        return ctx


class SearchView(CatalogueView):
    """Search as a database query: products first, then the articles that discuss the words.

    Ranked full text on PostgreSQL, every word in the title, description or claims on SQLite
    (catalogue.search). When neither a product nor an article matches the words as typed, the
    page offers "Did you mean …?" and shows what the corrected words find. Replaces Oscar's
    Haystack view, whose query count grew with the number of matches; README says when to move
    to Solr or Elasticsearch (HAYSTACK_CONNECTIONS) instead.

    The queries are the same however large the catalogue: a count, the articles, one page of
    products with its prefetches; for a misspelling also the correction and a second count.
    """

    template_name = "oscar/catalogue/search.html"
    MAX_WORDS = 8

    def get(self, request, *args, **kwargs):
        query = search.normalised_query(request.GET.get("q", ""))
        self.words = query.split()[: self.MAX_WORDS]
        self.query = " ".join(self.words)
        self.articles, self.suggestion = [], ""
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.words:
            return selectors.product_cards().none()
        return selectors.search_product_cards(self.query, self.words)

    def get_paginator(self, queryset, per_page, **kwargs):
        """The products the words match; if nothing matches them, what the correction does."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.words:
            self.articles = search_articles(self.query, self.words)
            if paginator.count == 0 and not self.articles:
                self.suggestion = search.did_you_mean(self.words)
                if self.suggestion:
                    corrected = selectors.search_product_cards(
                        self.suggestion, self.suggestion.split()
                    )
                    paginator = super().get_paginator(corrected, per_page, **kwargs)
        return paginator

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["articles"] = self.articles
        ctx["suggestion"] = self.suggestion
        ctx["query"] = self.query
        ctx["summary"] = f"Results for “{self.query}”" if self.query else "Search"
        return ctx
