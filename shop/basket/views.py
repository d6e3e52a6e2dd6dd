from oscar.apps.basket import views

from catalogue.selectors import basket_products
from compliance.notices import CART, notices_for


class BasketView(views.BasketView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["page_notices"] = notices_for(basket_products(self.request.basket), context=CART)
        return ctx
