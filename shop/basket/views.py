from django.contrib import messages
from django.shortcuts import redirect
from oscar.apps.basket import views
from oscar.core import ajax
from oscar.core.utils import is_ajax

from catalogue.selectors import basket_products
from compliance.notices import CART, notices_for
from shop.shipping.repository import free_shipping_progress

INCOMPLETE_UPDATE = (
    "Your cart was not updated: the form was incomplete or out of date. "
    "Please check your cart and try again."
)
CART_ISSUES = "Your cart was not updated. Please correct the quantity shown below."
BAD_STEP = "Your cart was not updated: that item is no longer in your cart."

#: The − and + buttons on a cart line: <button name="quantity-step" value="form-0:+1">.
#: They work without JavaScript, as submit buttons of the cart's one form.
QUANTITY_STEP = "quantity-step"
STEPS = {"-1": -1, "+1": 1}


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
        ctx["free_shipping"] = free_shipping_progress(self.request.basket)
        # Oscar prints its line warnings under a British heading outside any block: the
        # template prints them itself (basket_form_headers).
        ctx["cart_warnings"] = ctx.pop("basket_warnings", [])
        return ctx

    def post(self, request, *args, **kwargs):
        step = request.POST.get(QUANTITY_STEP)
        if step is None:
            return super().post(request, *args, **kwargs)
        stepped = self.stepped(request.POST, step)
        if stepped is None:
            messages.error(request, BAD_STEP)
            return redirect("basket:summary")
        data, line, quantity = stepped
        request.POST = data
        response = super().post(request, *args, **kwargs)
        if response.status_code == 302 and not is_ajax(request):
            title = line.product.get_title()
            if quantity == 0:
                messages.success(request, f"{title} was removed from your cart.")
            else:
                messages.success(request, f"{title}: quantity is now {quantity}.")
        return response

    def stepped(self, posted, step):
        """The posted cart with one line's quantity one up or down from what the cart holds:
        (data, line, new quantity), or None for a step that names no line of this cart."""
        prefix, _, delta = step.rpartition(":")
        line_id = posted.get(f"{prefix}-id", "")
        if delta not in STEPS or not prefix or not line_id.isdigit():
            return None
        line = next((li for li in self.request.basket.all_lines() if li.pk == int(line_id)), None)
        if line is None:
            return None
        quantity = max(line.quantity + STEPS[delta], 0)
        data = posted.copy()
        data[f"{prefix}-quantity"] = str(quantity)
        return data, line, quantity

    def formset_invalid(self, formset):
        """Oscar's, with the message in American English ("Your basket has got some issues")."""
        has_deletion = any(formset._should_delete_form(form) for form in formset.forms)
        others_valid = all(
            form.is_valid() or formset._should_delete_form(form) for form in formset.forms
        )
        if has_deletion:
            self.remove_deleted_forms(formset)
            if others_valid:
                return self.formset_valid(formset)
        flash_messages = ajax.FlashMessages()
        flash_messages.warning(CART_ISSUES)
        if is_ajax(self.request):
            ctx = self.get_context_data(formset=formset, basket=self.request.basket)
            return self.json_response(ctx, flash_messages)
        flash_messages.apply_to_request(self.request)
        return super(views.BasketView, self).formset_invalid(formset)

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
