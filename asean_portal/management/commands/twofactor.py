"""Enrol staff in two-factor authentication, and recover when a phone is lost.

Run on the server by someone with shell access (an operator), e.g.::

    python manage.py twofactor enrol ann            # QR code + recovery codes for Ann
    python manage.py twofactor enrol ann --replace  # Ann lost her phone: start again
    python manage.py twofactor recovery-codes ann   # a fresh set; the old ones stop working
    python manage.py twofactor remove ann           # no devices: Ann cannot sign in
    python manage.py twofactor status               # who is enrolled
"""

import io
import logging

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
logger = logging.getLogger("asean_portal.auth")


class Command(BaseCommand):
    help = "Enrol staff in two-factor authentication (TOTP) and manage their recovery codes."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        enrol = actions.add_parser("enrol", help="Set up an authenticator app for a user.")
        enrol.add_argument("username")
        enrol.add_argument(
            "--replace",
            action="store_true",
            help="Remove the user's existing devices first (a lost or new phone).",
        )
        codes = actions.add_parser("recovery-codes", help="Issue a new set of recovery codes.")
        codes.add_argument("username")
        remove = actions.add_parser("remove", help="Remove all of a user's devices.")
        remove.add_argument("username")
        actions.add_parser("status", help="List staff and whether they are enrolled.")

    def handle(self, *args, action, **options):
        if action == "status":
            return self.status()
        user = self.get_user(options["username"])
        if action == "enrol":
            self.enrol(user, replace=options["replace"])
        elif action == "recovery-codes":
            self.print_codes(issue_recovery_codes(user))
            logger.info("2FA recovery codes reissued: %s", user.get_username())
        elif action == "remove":
            remove_devices(user)
            logger.warning("2FA devices removed: %s", user.get_username())
            self.stdout.write(f"Removed every two-factor device of {user.get_username()}.")

    def get_user(self, username):
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no user “{username}”.") from None

    @transaction.atomic
    def enrol(self, user, replace):
        if not user.is_staff:
            raise CommandError(f"{user.get_username()} is not staff: only staff sign in.")
        if TOTPDevice.objects.filter(user=user).exists():
            if not replace:
                raise CommandError(
                    f"{user.get_username()} is already enrolled. If the phone was lost or "
                    "replaced, run again with --replace (the old codes stop working)."
                )
            remove_devices(user)
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        codes = issue_recovery_codes(user)
        logger.info("2FA enrolled: %s", user.get_username())

        uri = device.config_url
        self.stdout.write(
            f"Two-factor sign-in for {user.get_username()}.\n\n"
            "1. Scan this QR code with an authenticator app (any TOTP app, e.g. FreeOTP, "
            "Google Authenticator, Microsoft Authenticator, 1Password):\n"
        )
        self.stdout.write(qr_for_terminal(uri))
        self.stdout.write(f"   or enter this address in the app by hand:\n   {uri}\n")
        self.stdout.write("2. Keep these recovery codes somewhere safe, apart from the phone:")
        self.print_codes(codes)
        self.stdout.write(
            "3. Sign in to the admin with the password and the 6-digit code the app shows.\n"
            "   Show this screen to nobody else and clear the terminal afterwards."
        )

    def print_codes(self, codes):
        self.stdout.write(
            "   Each recovery code works once, in place of the app's code:\n"
            + "".join(f"     {code}\n" for code in codes)
        )

    def status(self):
        staff = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("pk")
        enrolled = set(TOTPDevice.objects.filter(confirmed=True).values_list("user", flat=True))
        for user in staff:
            state = "enrolled" if user.pk in enrolled else "NOT ENROLLED: cannot sign in"
            self.stdout.write(f"{user.get_username()}: {state}")


def remove_devices(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def issue_recovery_codes(user):
    """A new set of one-use recovery codes for ``user``; any earlier set stops working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Recovery codes", "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def qr_for_terminal(text):
    qr = qrcode.QRCode(border=2)
    qr.add_data(text)
    out = io.StringIO()
    qr.print_ascii(out=out, invert=True)
    return out.getvalue()
