"""The staff side's admin site: with ``ADMIN_REQUIRE_2FA`` (production) a staff member
signs in with a password and a one-time code, and is admitted only once verified."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.signals import user_login_failed
from django.urls import path
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.inbox import inbox_context
from staff.review_due import review_due

TOTP_DIGITS = 6
NOT_ENROLLED = (
    "This account has no two-factor device yet. Ask a site administrator to enrol you "
    "(python manage.py twofactor enrol YOUR-USERNAME)."
)


def device_for_token(user, token):
    """Which of the user's devices a code belongs to: six digits come from the
    authenticator app, anything else is a recovery code. Only that one device is tried,
    so a typo never counts as a failure against the other."""
    token = (token or "").strip()
    model = TOTPDevice if token.isdigit() and len(token) == TOTP_DIGITS else StaticDevice
    return model.objects.devices_for_user(user, confirmed=True).first()


def is_enrolled(user):
    return any(
        model.objects.devices_for_user(user, confirmed=True).exists()
        for model in (TOTPDevice, StaticDevice)
    )


class TwoFactorLoginForm(OTPAdminAuthenticationForm):
    otp_token = forms.CharField(
        label="Authentication code",
        required=False,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
        ),
    )

    def _chosen_device(self, user):
        return device_for_token(user, self.cleaned_data.get("otp_token"))

    def clean_otp(self, user):
        if user is None:
            return
        if not is_enrolled(user):
            self._failed(user)
            raise forms.ValidationError(NOT_ENROLLED, code="not_enrolled")
        try:
            super().clean_otp(user)
        except forms.ValidationError:
            # A right password with a wrong code is a failed sign-in: it counts towards
            # the lockout like a wrong password does.
            self._failed(user)
            raise

    def _failed(self, user):
        user_login_failed.send(
            sender=__name__,
            credentials={"username": user.get_username()},
            request=self.request,
            step="second-factor",
        )


class PortalAdminSite(admin.AdminSite):
    """Reads ``ADMIN_REQUIRE_2FA`` on every request, so tests can switch it on."""

    @property
    def login_form(self):
        return TwoFactorLoginForm if settings.ADMIN_REQUIRE_2FA else None

    @property
    def login_template(self):
        return "admin/login_2fa.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        allowed = super().has_permission(request)
        if allowed and settings.ADMIN_REQUIRE_2FA:
            return request.user.is_verified()
        return allowed

    def index(self, request, extra_context=None):
        """The admin home, with the signed-in person's review inbox (``staff.inbox``)."""
        return super().index(request, {**inbox_context(request), **(extra_context or {})})

    def get_urls(self):
        """The admin's own pages plus the staff's review report (``admin:review_due``)."""
        return [
            path("review-due/", self.admin_view(review_due), name="review_due"),
            *super().get_urls(),
        ]
