from django.contrib import messages
from django.shortcuts import redirect
from oscar.apps.basket import views
from oscar.core import ajax
from oscar.core.utils import is_ajax

from catalogue.selectors import basket_products
from compliance.notices import CART, notices_for

INCOMPLETE_UPDATE = (
    "Your cart was not updated: the form was incomplete or out of date. "
    "Please check your cart and try again."
)


class CompleteManagementForm:
    """Oscar's cart formsets read the management form's four fields as they please: one missing
    (or not a number) was a KeyError, a 500. An update without all four is refused with a
    message, the cart as it was."""

    def post(self, request, *args, **kwargs):
        if self.accepts(self.construct_formset()):
            return super().post(request, *args, **kwargs)
        return self.refuse_update()

    def accepts(self, formset):
        management = formset.management_form
        sent = all(management.add_prefix(name) in formset.data for name in management.fields)
        return sent and management.is_valid()

    def refuse_update(self):
        messages.error(self.request, INCOMPLETE_UPDATE)
        return redirect("basket:summary")


class BasketView(CompleteManagementForm, views.BasketView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["page_notices"] = notices_for(basket_products(self.request.basket), context=CART)
        return ctx

    def refuse_update(self):
        if not is_ajax(self.request):
            return super().refuse_update()
        flash_messages = ajax.FlashMessages()
        flash_messages.error(INCOMPLETE_UPDATE)
        kwargs = self.get_formset_kwargs()
        for posted in ("data", "files", "queryset"):
            kwargs.pop(posted, None)
        self.object_list = self.get_queryset()
        formset = self.get_formset()(queryset=self.object_list, **kwargs)
        ctx = self.get_context_data(formset=formset, basket=self.request.basket)
        return self.json_response(ctx, flash_messages)


class SavedView(CompleteManagementForm, views.SavedView):
    def accepts(self, formset):
        """The saved-for-later formset, unlike the cart's, has no answer for a form without one
        of the saved lines behind it (no id, an unknown id, an extra form): moving that to the
        cart was a 500. The page renders one form per saved line, so nothing else is taken."""
        return (
            super().accepts(formset)
            and formset.total_form_count() == formset.initial_form_count()
            and all(form.instance.pk is not None for form in formset.initial_forms)
        )

    def get_queryset(self):
        """Oscar's gives a list when there is no saved basket, which a bound formset cannot
        look lines up in (a 500); an empty queryset it can."""
        lines = super().get_queryset()
        return self.model.objects.none() if isinstance(lines, list) else lines
