"""Oscar's customer forms, where signing in, registering or resetting a password must not tell
whose email address has an account (see shop/auth.py and shop/customer/views.py)."""

from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.apps.customer import forms as oscar_forms
from oscar.apps.customer.utils import normalise_email
from oscar.core.loading import get_class

from shop.auth import SIGN_IN_FAILED

Dispatcher = get_class("communication.utils", "Dispatcher")


class EmailAuthenticationForm(oscar_forms.EmailAuthenticationForm):
    """Oscar's sign-in form, whose one failure message also names the way out by email."""

    error_messages = {
        **oscar_forms.EmailAuthenticationForm.error_messages,
        "invalid_login": SIGN_IN_FAILED,
    }


class RegistrationForm(forms.Form):
    """Registration starts with the email address alone; the password comes with the link.

    Whether or not the address has an account, the visitor is told the same thing ("check
    your email") and the address gets one email: a link to choose a password, or, when it
    already has an account, a note with sign-in and password-reset links. The password is
    chosen by whoever holds that inbox, so no one can create an account with a password of
    their choosing for someone else's email address either.
    """

    email = forms.EmailField(label="Email address", max_length=254)
    redirect_url = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, host=None, **kwargs):
        self.host = host
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    # Oscar's own: only a page of this site, else the account page.
    clean_redirect_url = oscar_forms.EmailUserCreationForm.clean_redirect_url


class PasswordResetForm(oscar_forms.PasswordResetForm):
    """Oscar's reset request, which sends one email whether or not the address has an account.

    Django sends nothing to an address without an account, so the request took the time of
    sending an email only for real accounts. Here that address is told no account uses it, with
    a link to register: the same work, and a useful answer for someone who forgot which address
    they used.
    """

    def save(self, *args, **kwargs):
        email = self.cleaned_data["email"]
        if get_user_model()._default_manager.filter(email__iexact=email).exists():
            return super().save(*args, **kwargs)
        dispatcher = Dispatcher()
        context = {"email": email, "register_url": reverse("customer:register")}
        dispatcher.dispatch_direct_messages(
            email, dispatcher.get_messages("PASSWORD_RESET_NO_ACCOUNT", context)
        )
