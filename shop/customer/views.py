"""Oscar's customer views where the store differs: registration that does not tell whose email
has an account, password reset limited per address and per email address, a reset link that
signs the customer in (the way out of a paused sign-in), sign-out by POST only, and the order
pages (a guest's order-status page opened by its signed link alone, the account's order history
and order page) with the order's status, payment and tracking in the store's own look.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import patch_cache_control
from django.views import generic
from oscar.apps.customer import views
from oscar.apps.customer.utils import get_password_reset_url
from oscar.core.loading import get_class, get_classes, get_model

from compliance.notices import CHECKOUT, notices_for
from security.ratelimit import RateLimit, allow_all
from shop.checkout.views import bank_transfer_context
from shop.clientip import client_ip

Dispatcher = get_class("communication.utils", "Dispatcher")
RegisterUserMixin = get_class("customer.mixins", "RegisterUserMixin")
EmailUserCreationForm, PasswordResetForm, RegistrationForm = get_classes(
    "customer.forms", ["EmailUserCreationForm", "PasswordResetForm", "RegistrationForm"]
)

Order = get_model("order", "Order")

logger = logging.getLogger("shop.customer")

# Every email a visitor can make the store send to an address (a reset link, a registration
# link) counts against that address's allowance and against the sender's network's.
emails_to_address = RateLimit("account-email-to", limit=3, window=3600)
emails_from_network = RateLimit("account-email-from", limit=20, window=3600)
TOO_MANY_EMAILS = (
    "We have already sent several emails to this address, or from your network, in the last "
    "hour. Please check your inbox (and spam folder) for them, or try again in an hour."
)

REGISTRATION_SALT = "shop.customer.registration"
REGISTRATION_LINK_DAYS = 3


def may_send_account_email(request, email):
    return allow_all((emails_from_network, client_ip(request)), (emails_to_address, email))


def send_registration_email(request, email, redirect_url):
    """The one email a registration sends, whether or not the address has an account.

    New address: a link to choose a password. Address with an account: a note that someone
    tried to register it, with links to sign in and to reset the password. Both take one
    rendered and sent email, and a mail server that fails is logged, not shown.
    """
    User = get_user_model()
    dispatcher = Dispatcher()
    try:
        users = User._default_manager.filter(email__iexact=email)
        if users:
            for user in users:
                if user.is_active:
                    context = {
                        "user": user,
                        "reset_url": get_password_reset_url(user),
                        "login_url": reverse("customer:login"),
                    }
                    dispatcher.dispatch_user_messages(
                        user, dispatcher.get_messages("REGISTRATION_EXISTING", context)
                    )
        else:
            token = signing.dumps({"email": email, "next": redirect_url}, salt=REGISTRATION_SALT)
            context = {
                "email": email,
                "confirm_url": reverse("customer:register-confirm", args=[token]),
                "days": REGISTRATION_LINK_DAYS,
            }
            dispatcher.dispatch_direct_messages(
                email, dispatcher.get_messages("REGISTRATION_START", context)
            )
    except Exception:  # the visitor is told to check their inbox either way
        logger.exception("Registration email to an address could not be sent")


class StartRegistrationMixin:
    def start_registration(self, form):
        """Send the registration email and answer "check your email"; None when over a limit."""
        email = form.cleaned_data["email"]
        if not may_send_account_email(self.request, email):
            form.add_error(None, TOO_MANY_EMAILS)
            return None
        send_registration_email(self.request, email, str(form.cleaned_data["redirect_url"]))
        return redirect("customer:register-sent")


class AccountAuthView(StartRegistrationMixin, views.AccountAuthView):
    """Oscar's sign-in-or-register page, registering by email link."""

    registration_form_class = RegistrationForm

    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            response = self.start_registration(form)
            if response:
                return response
        return self.render_to_response(self.get_context_data(registration_form=form))


class AccountRegistrationView(StartRegistrationMixin, views.AccountRegistrationView):
    """Oscar's register page (where checkout's "create an account" leads), by email link."""

    form_class = RegistrationForm

    def form_valid(self, form):
        return self.start_registration(form) or self.form_invalid(form)


class RegistrationSentView(generic.TemplateView):
    template_name = "oscar/customer/registration_sent.html"


class RegistrationConfirmView(RegisterUserMixin, generic.FormView):
    """The link from the registration email: choose a password, and the account exists.

    Following the link proves the inbox is the visitor's, so from here on the page may say
    that the address already has an account.
    """

    template_name = "oscar/customer/registration_confirm.html"
    form_class = EmailUserCreationForm

    def dispatch(self, request, *args, token, **kwargs):
        if request.user.is_authenticated:
            return redirect(settings.LOGIN_REDIRECT_URL)
        try:
            self.pending = signing.loads(
                token, salt=REGISTRATION_SALT, max_age=REGISTRATION_LINK_DAYS * 24 * 3600
            )
        except signing.BadSignature:  # expired links included
            return render(request, "oscar/customer/registration_link_invalid.html", status=400)
        if get_user_model()._default_manager.filter(email__iexact=self.pending["email"]):
            messages.info(
                request,
                "You already have an account with this email address: sign in below, or "
                "reset your password if you have forgotten it.",
            )
            return redirect("customer:login")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["host"] = self.request.get_host()
        if "data" in kwargs:  # the email address and next page come from the signed link
            data = kwargs["data"].copy()
            data["email"] = self.pending["email"]
            data["redirect_url"] = self.pending.get("next") or ""
            kwargs["data"] = data
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(email=self.pending["email"], **kwargs)

    def form_valid(self, form):
        self.register_user(form)  # Oscar's: creates the account, welcome email, signs in
        messages.success(self.request, "Welcome! Your account is ready and you are signed in.")
        return redirect(form.cleaned_data["redirect_url"])


class PasswordResetView(auth_views.PasswordResetView):
    """Oscar's password reset request, limited per address and per email address.

    The page says the same for an email with or without an account (Django's), and so does
    the limit: it counts requests, not accounts.
    """

    form_class = PasswordResetForm
    success_url = reverse_lazy("password-reset-done")
    template_name = "oscar/registration/password_reset_form.html"

    def form_valid(self, form):
        if not may_send_account_email(self.request, form.cleaned_data["email"]):
            form.add_error(None, TOO_MANY_EMAILS)
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The reset link: set a new password and be signed in at once.

    It is the way out of a paused sign-in (shop/auth.py): the new sign-in also makes this
    address one the account is known at, so strangers' guesses elsewhere no longer pause it.
    """

    template_name = "oscar/registration/password_reset_confirm.html"
    post_reset_login = True
    post_reset_login_backend = "shop.auth.EmailBackend"
    success_url = reverse_lazy("customer:summary")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Your new password is set and you are signed in.")
        return response


class LogoutView(views.LogoutView):
    """Sign-out by POST only, so another site cannot sign a customer out with a link or image.

    GET shows a page with the Sign out button (for a bookmarked or typed URL); the header's
    Sign out is a small form posting here.
    """

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(settings.OSCAR_HOMEPAGE)
        return render(request, "oscar/customer/logout_confirm.html")

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class OrderLineView(views.OrderLineView):
    """The target of a line's "Re-order" button on the customer's order page.

    Oscar ships no page for a single line (a GET was a 500 for a missing template, and a line id
    not on the order a 500 too). The order page already shows every line with its button, so a
    GET goes there instead of a second page that would repeat it; a line not on the customer's
    own order is a 404.
    """

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except ObjectDoesNotExist as missing:
            raise Http404("No such line on this order") from missing

    def get(self, request, *args, **kwargs):
        return redirect("customer:order", order_number=self.get_object().order.number)


# ------------------------------------------------------------------------------------------------
# Order pages
# ------------------------------------------------------------------------------------------------


def orders_for_pages(queryset):
    """Orders with all an order page reads loaded at once: lines with their products and options
    (a line's description), address, shipping events (tracking), discounts and surcharges."""
    return queryset.select_related("shipping_address__country").prefetch_related(
        "lines__product", "lines__attributes__option", "shipping_events", "discounts", "surcharges"
    )


def order_page_context(order):
    """What every order page shows besides the order: the bank details it is paid to and the
    notices the checkout showed (medical advice under the heading, the iron warning beside
    the lines)."""
    products = [line.product for line in order.lines.all() if line.product is not None]
    return {**bank_transfer_context(), "page_notices": notices_for(products, context=CHECKOUT)}


class AnonymousOrderDetailView(generic.DetailView):
    """A guest's order-status page, opened by the link in their emails and on the thank-you page.

    The link's signature proves the store made it for this order, so it opens the page on its
    own; Oscar asked for the order's email address again first. A link with a signature that
    does not match, or one for an order placed from an account, is a 404 like any unknown page.
    The page is one person's: never stored by a cache (shop.middleware, /accounts/), never
    indexed.
    """

    template_name = "oscar/customer/anon_order.html"
    context_object_name = "order"

    def get_object(self, queryset=None):
        order = get_object_or_404(
            orders_for_pages(Order.objects), user=None, number=self.kwargs["order_number"]
        )
        if not order.check_verification_hash(self.kwargs["hash"]):  # Oscar's signed link
            raise Http404("No such order")
        return order

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(order_page_context(self.object))
        return ctx

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response


class AnonymousOrderFormView(generic.RedirectView):
    """Oscar's "type your email to see this order" step, gone: the signed link is enough."""

    pattern_name = "customer:anon-order"


class OrderHistoryView(views.OrderHistoryView):
    """The account's order history, with each order's status; its item counts in one query."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related("lines")


class OrderDetailView(views.OrderDetailView):
    """The account's order page: its status (payment, tracking), lines and totals."""

    def get_object(self, queryset=None):
        return get_object_or_404(
            orders_for_pages(self.model._default_manager),
            user=self.request.user,
            number=self.kwargs["order_number"],
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(order_page_context(self.object))
        return ctx
