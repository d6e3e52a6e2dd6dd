"""Oscar's back-in-stock alert views, where a guest's alert request meets the email limits.

A guest's alert sends a confirmation email to the address typed in, so, like registration and
password reset, it counts against that address's and the sender's network's hourly allowance
(shop/customer/views.py); over it, nothing is saved or sent and the form says why.
"""

from django.contrib import messages
from django.shortcuts import redirect
from oscar.apps.customer.alerts import views

from shop.customer.views import TOO_MANY_EMAILS, may_send_account_email

ProductAlertListView = views.ProductAlertListView
ProductAlertConfirmView = views.ProductAlertConfirmView
ProductAlertCancelView = views.ProductAlertCancelView


class ProductAlertCreateView(views.ProductAlertCreateView):
    def form_valid(self, form):
        email = form.cleaned_data.get("email")
        if not self.request.user.is_authenticated and email:
            if not may_send_account_email(self.request, email.lower()):
                messages.error(self.request, TOO_MANY_EMAILS)
                return redirect(self.product.get_absolute_url())
        return super().form_valid(form)
