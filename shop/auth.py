"""Authentication backends of the store."""

from axes.backends import AxesStandaloneBackend


class SignInRateLimitBackend(AxesStandaloneBackend):
    """django-axes' lockout check, applied to sign-in forms only.

    Oscar signs a customer in straight after registration by calling authenticate() without a
    request; that is not a guess at anyone's password, so it is left to the next backends
    instead of failing with AxesBackendRequestParameterRequired.
    """

    def authenticate(self, request=None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
