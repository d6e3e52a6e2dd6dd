from django.views.generic import TemplateView

from catalogue import selectors


class HomeView(TemplateView):
    """The front page: what the store is, its categories and its range."""

    template_name = "shop/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["categories"] = selectors.menu_categories()
        ctx["products"] = selectors.product_cards()[:8]
        return ctx
