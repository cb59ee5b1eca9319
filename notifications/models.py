"""What a person is told, and what they chose to be told."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Kind(models.TextChoices):
    SENT_FOR_REVIEW = "sent_for_review", "Something is sent for my review"
    PUBLISHED = "published", "My work is published"
    CHANGES_REQUESTED = "changes_requested", "Changes are requested on my work"
    DISCARDED = "discarded", "My draft is discarded"
    REVIEW_DUE = "review_due", "Content I own is due for review"


class Notification(models.Model):
    """One message to one person: listed in the admin, and e-mailed (``emailed_at``)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    subject = models.CharField(max_length=250)
    body = models.TextField(blank=True)
    url = models.CharField("link", max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField("read at", null=True, blank=True)
    emailed_at = models.DateTimeField("e-mailed at", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=[k.value for k in Kind]), name="notification_kind_valid"
            )
        ]

    def __str__(self):
        return self.subject


class Preferences(models.Model):
    """A person's notification settings: the kinds switched off, and their division (a
    Publisher with a division is told of what that division owns; see ``recipients``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    switched_off = models.JSONField(default=list, blank=True)
    #: The owning division (the registry's owning model; no foreign key, so this wing names
    #: no app). Empty: told of every division's items.
    division_id = models.PositiveBigIntegerField("division", null=True, blank=True)

    class Meta:
        verbose_name = "notification settings"
        verbose_name_plural = "notification settings"

    def __str__(self):
        return f"Notification settings of {self.user}"


class ReviewReminder(models.Model):
    """A review-by reminder sent for one item, date and stage: what keeps the daily
    command from sending it twice."""

    SOON, OVERDUE = "soon", "overdue"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    review_by = models.DateField()
    stage = models.CharField(max_length=8, choices=[(SOON, "due soon"), (OVERDUE, "overdue")])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "review_by", "stage"],
                name="reviewreminder_once",
            )
        ]

    def __str__(self):
        return f"{self.stage} reminder, item #{self.object_id}, review by {self.review_by}"
