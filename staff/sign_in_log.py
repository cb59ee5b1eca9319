"""Every staff sign-in, sign-in failure, sign-out and lockout goes to the log, with the
address it came from. Passwords and codes never do."""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from staff.client_ip import client_ip

logger = logging.getLogger("asean_portal.auth")


def address(request):
    return client_ip(request) if request is not None else ""


def signed_in(sender, request, user, **kwargs):
    logger.info(
        "sign-in: %s", user.get_username(), extra={"event": "sign-in", "ip": address(request)}
    )


def signed_out(sender, request, user, **kwargs):
    username = user.get_username() if user is not None else ""
    logger.info("sign-out: %s", username, extra={"event": "sign-out", "ip": address(request)})


def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    logger.warning(
        "sign-in failed: %s",
        username,
        extra={"event": "sign-in-failed", "ip": address(request), "step": kwargs.get("step")},
    )


def locked_out(sender, request, username, ip_address, **kwargs):
    logger.warning(
        "locked out after repeated failures: %s",
        username,
        extra={"event": "locked-out", "ip": ip_address},
    )


def connect():
    user_logged_in.connect(signed_in, dispatch_uid="staff.sign_in_log.signed_in")
    user_logged_out.connect(signed_out, dispatch_uid="staff.sign_in_log.signed_out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="staff.sign_in_log.failed")
    user_locked_out.connect(locked_out, dispatch_uid="staff.sign_in_log.locked_out")
