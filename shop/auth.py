"""Sign-in: how failures are counted, what a guesser is refused, one password hash per try.

django-axes records every failed sign-in under the email typed, the client address and the
browser. `SignInAttempts`, axes' handler here, reads those records before any password is
checked (settings: the SIGNIN_* block beside AXES_*):

- Per account, from every address: the first SIGNIN_ACCOUNT_FREE_FAILURES failures cost
  nothing; after that the account waits SIGNIN_ACCOUNT_FIRST_PAUSE after its latest failure,
  twice as long after each further one, up to SIGNIN_ACCOUNT_MAX_PAUSE. Never a hard lock: a
  guesser gets a few tries an hour, and the customer waits minutes at most.
- A try during a pause is refused without checking the password and answered with the very
  page a wrong password gets; that page offers the way out, a reset link by email, which signs
  the customer in at once.
- From an address where the account has signed in before (within SIGNIN_KNOWN_ADDRESS_DAYS),
  only that address's failures for the account count: strangers elsewhere cannot pause a
  customer, or staff, at their usual address.
- Per address, across accounts: SIGNIN_ADDRESS_FAILURE_LIMIT failures within
  SIGNIN_ADDRESS_WINDOW pause sign-in from that address (a 429 page that says so) for every
  account not known there (axes keeps one count per account, address and browser: a count
  still growing within the window counts whole). Set TRUSTED_PROXY_COUNT behind a proxy, or
  every visitor shares the proxy's address and so this limit (README).
- A successful sign-in clears that account's failures from that address only (axes'
  combined ["username", "ip_address"] lockout parameter), never the address's failures for
  other accounts: signing into one's own account between guesses resets nothing.
"""

from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Q, Sum
from oscar.apps.customer.auth_backends import EmailBackend as OscarEmailBackend
from oscar.apps.customer.utils import normalise_email

ACCOUNT, ADDRESS = "account", "address"

# One message for a wrong password, an unknown email and a paused account, with the way out.
SIGN_IN_FAILED = (
    "That email address and password do not match an account, or this account has had several "
    "unsuccessful attempts to sign in. Please check them and try again in a few minutes, or "
    "reset your password by email: the link signs you in straight away."
)


def account_key(login):
    """The name an account's failures are counted under: the email (or username) typed."""
    if not login:
        return None
    return login.strip().lower()[:255]  # axes' username column holds 255 characters


def signin_username(request, credentials=None):
    """AXES_USERNAME_CALLABLE: the account a sign-in names, failed or successful.

    authenticate() passes the email typed as `username`; after a success axes only knows
    user.get_username(), so SignInAttempts.user_logged_in leaves the account's email on the
    request, and the success clears the failures recorded under that email.
    """
    account = getattr(request, "signin_account", None)
    if account is None and credentials:
        account = account_key(credentials.get("username"))
    return account


def pause_after(failures):
    """How long an account waits after its latest failure: nothing at first, then doubling."""
    over = failures - settings.SIGNIN_ACCOUNT_FREE_FAILURES
    if over < 0:
        return timedelta(0)
    pause = settings.SIGNIN_ACCOUNT_FIRST_PAUSE * 2 ** min(over, 16)
    return min(pause, settings.SIGNIN_ACCOUNT_MAX_PAUSE)


class SignInAttempts(AxesDatabaseHandler):
    """axes' database handler with the store's limits (see the module docstring).

    axes records the failures and clears them on success; this decides, in is_locked, which
    sign-ins to refuse, and leaves on the request which limit refused it (`signin_limit`) for
    shop.views.signin_locked_out to answer.
    """

    def is_locked(self, request, credentials=None):
        request.signin_limit = self.limit_reached(request, credentials)
        return request.signin_limit is not None

    def limit_reached(self, request, credentials=None):
        now, address = request.axes_attempt_time, request.axes_ip_address
        account = get_client_username(request, credentials)
        known = bool(account) and self.is_known_address(account, address, now)
        if not known:
            failures, _ = self.failures(
                since=now - settings.SIGNIN_ADDRESS_WINDOW, ip_address=address
            )
            if failures >= settings.SIGNIN_ADDRESS_FAILURE_LIMIT:
                return ADDRESS
        if account:
            match = {"username": account, **({"ip_address": address} if known else {})}
            failures, latest = self.failures(since=now - settings.AXES_COOLOFF_TIME, **match)
            if latest is not None and now < latest + pause_after(failures):
                return ACCOUNT
        return None

    @staticmethod
    def failures(*, since, **match):
        """The failures recorded since `since` that match: their sum and the latest one."""
        totals = AccessAttempt.objects.filter(attempt_time__gte=since, **match).aggregate(
            count=Sum("failures_since_start"), latest=Max("attempt_time")
        )
        return totals["count"] or 0, totals["latest"]

    @staticmethod
    def is_known_address(account, address, now):
        """Has this account signed in successfully from this address lately?"""
        User = get_user_model()
        name = User.USERNAME_FIELD
        usernames = User._default_manager.filter(
            Q(email__iexact=account) | Q(**{f"{name}__iexact": account})
        ).values(name)
        since = now - timedelta(days=settings.SIGNIN_KNOWN_ADDRESS_DAYS)
        return AccessLog.objects.filter(
            username__in=usernames, ip_address=address, attempt_time__gte=since
        ).exists()

    def user_logged_in(self, sender, request, user, **kwargs):
        request.signin_account = account_key(user.email or user.get_username())
        super().user_logged_in(sender, request, user, **kwargs)


class SignInRateLimitBackend(AxesStandaloneBackend):
    """django-axes' check, applied to sign-in forms only.

    Oscar signs a customer in straight after registration by calling authenticate() without a
    request; that is not a guess at anyone's password, so it is left to the next backends
    instead of failing with AxesBackendRequestParameterRequired.
    """

    def authenticate(self, request=None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


class EmailBackend(OscarEmailBackend):
    """Oscar's sign-in by email, as slow for an email without an account as for one with.

    Oscar's backend checks the password of every account with the email and returns at once
    when there is none, so a wrong password took one password hash longer for a real account:
    a stopwatch told anyone which emails have accounts. Without an account this hashes the
    password anyway, as Django's ModelBackend does for an unknown username.
    """

    def _authenticate(self, request, email=None, password=None, *args, **kwargs):
        login = email if email is not None else kwargs.get("username")
        if login is not None and password is not None and "@" in login:
            User = get_user_model()
            if not User._default_manager.filter(email__iexact=normalise_email(login)).exists():
                User().set_password(password)
                return None
        return super()._authenticate(request, email, password, *args, **kwargs)
