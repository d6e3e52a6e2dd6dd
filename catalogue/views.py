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

from catalogue import selectors
from compliance.notices import PRODUCT, notices_for
from content.selectors import search_articles

Category = get_model("catalogue", "Category")


class ProductDetailView(views.ProductDetailView):
    def get_queryset(self):
        return selectors.product_detail_queryset()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["page_notices"] = notices_for([self.object], context=PRODUCT)
        return ctx

    def send_signal(self, request, response, product):
        """Send nothing: Oscar's receivers would set a "recently viewed" cookie (the store shows
        no such list) and write a view count on every visit, and either would make the page
        uncacheable for anonymous visitors (shop.middleware.AnonymousPageCache)."""


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
    """Search as a database query: every word must appear in the title, description or claims.

    Replaces Oscar's Haystack view, whose query count grew with the number of matches; the
    catalogue is small enough for the database, and README says when to move to Solr or
    Elasticsearch (HAYSTACK_CONNECTIONS) instead.
    """

    template_name = "oscar/catalogue/search.html"
    MAX_WORDS = 8

    def get(self, request, *args, **kwargs):
        self.query = " ".join(request.GET.get("q", "").split())[:200]
        self.words = self.query.split()[: self.MAX_WORDS]
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.words:
            return selectors.product_cards().none()
        return selectors.search_product_cards(self.words)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["articles"] = list(search_articles(self.words)) if self.words else []
        ctx["query"] = self.query
        ctx["summary"] = f"Results for “{self.query}”" if self.query else "Search"
        return ctx
