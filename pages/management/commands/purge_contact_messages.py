"""Delete contact messages older than ``CONTACT_RETENTION_DAYS`` (the privacy notice
promises it): run it daily, e.g. from cron or the platform's scheduler."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from pages.models import ContactMessage


class Command(BaseCommand):
    help = "Delete contact messages older than CONTACT_RETENTION_DAYS (default 365)."

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=settings.CONTACT_RETENTION_DAYS)
        deleted, _ = ContactMessage.objects.filter(received_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} contact message(s) received before {cutoff:%Y-%m-%d}."
        )
