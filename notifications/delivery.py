"""Telling people: a notification in the admin and an e-mail (Django's e-mail framework:
the console in development, SMTP in production; see README "Notifications").

The e-mails go after the transaction commits (``caching.after_commit``): work that is rolled
back tells nobody. Each notification is e-mailed once (``emailed_at``)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from caching import after_commit
from notifications.models import Notification, Preferences

EMAIL_TOPIC = "notifications-email"
log = logging.getLogger(__name__)


def wants(users, kind):
    """The ``users`` who have not switched ``kind`` off."""
    users = [u for u in users if u is not None and u.is_active]
    if not users:
        return []
    off = {
        p.user_id
        for p in Preferences.objects.filter(user__in=users)
        if kind in (p.switched_off or [])
    }
    return [u for u in users if u.pk not in off]


def notify(users, kind, subject, body="", url="", actor=None):
    """Tell each of ``users`` (but ``actor``: nobody is told of their own work), once each.
    Returns the notifications made."""
    seen, unique = set(), []
    for user in users:
        if user is not None and user.pk not in seen and (actor is None or user.pk != actor.pk):
            seen.add(user.pk)
            unique.append(user)
    made = Notification.objects.bulk_create(
        [
            Notification(recipient=u, kind=kind, subject=subject[:250], body=body, url=url)
            for u in wants(unique, kind)
        ]
    )
    if made:
        after_commit.record(EMAIL_TOPIC, *(n.pk for n in made if n.pk is not None))
    return made


def absolute(url):
    base = getattr(settings, "PORTAL_BASE_URL", "").rstrip("/")
    return f"{base}{url}" if url.startswith("/") and base else url


def send_emails(pks):
    """E-mail the notifications ``pks`` not e-mailed yet, to recipients with an address."""
    rows = Notification.objects.filter(pk__in=list(pks), emailed_at__isnull=True).select_related(
        "recipient"
    )
    for notification in rows:
        address = notification.recipient.email
        if address:
            text = notification.body
            if notification.url:
                text = f"{text}\n\n{absolute(notification.url)}".strip()
            try:
                send_mail(
                    f"{settings.EMAIL_SUBJECT_PREFIX}{notification.subject}",
                    text,
                    None,
                    [address],
                )
            except OSError:  # the mail server is down: the notification is still listed
                log.exception("notification e-mail not sent", extra={"id": notification.pk})
                continue
        with transaction.atomic():
            Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


after_commit.handle(EMAIL_TOPIC, send_emails, order=50)
