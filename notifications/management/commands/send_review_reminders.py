"""Daily, from a scheduler (cron, a systemd timer): tell each division's owner what is due
for review. Safe to run more than once a day: nothing is sent twice."""

from django.core.management.base import BaseCommand

from notifications.reminders import send_review_reminders


class Command(BaseCommand):
    help = "Send the review-by reminders to each division's owner (idempotent)."

    def handle(self, *args, **options):
        count = send_review_reminders()
        self.stdout.write(f"{count} item{'s' if count != 1 else ''} reminded.")
