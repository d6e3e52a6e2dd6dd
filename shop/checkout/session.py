"""Every checkout step knows the notices its cart carries (compliance.notices, CHECKOUT)."""

from oscar.apps.checkout import session

from catalogue.selectors import basket_products
from compliance.notices import CHECKOUT, notices_for


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["page_notices"] = notices_for(basket_products(self.request.basket), context=CHECKOUT)
        return ctx
