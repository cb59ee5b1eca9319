"""What every piece of portal content shares: authorship, publication state, Markdown.

Public code reads content only through ``Model.objects.published()``; that one method decides
what the public may see.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from caching import content_token
from publishing.markdown import render_markdown


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Published, live now: past ``publish_at`` (if set) and before ``unpublish_at``."""
        now = timezone.now()
        return self.filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=now),
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now),
            state=State.PUBLISHED,
        )

    def reachable(self):
        """What a public detail page may show: published and live, or archived (shown with
        an "archived" notice, but left out of every list, feed and search)."""
        return self.published() | self.filter(state=State.ARCHIVED)

    def visible_to(self, user):
        """Staff preview everything; everybody else sees what is published."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()

    # Writes that bypass ``save()`` change the content version themselves (see
    # ``caching.content_token``); saves do it through ``post_save``. Deletes are not
    # hooked with ``post_delete``, which would make Django load every row it deletes.
    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows:
            content_token.reschedule()
        return rows

    def delete(self):
        deleted = super().delete()
        if deleted[0]:
            content_token.bump()
        return deleted

    delete.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            content_token.bump([t for o in created for t in (o.publish_at, o.unpublish_at)])
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        rows = super().bulk_update(objs, fields, *args, **kwargs)
        if rows:
            content_token.reschedule()
        return rows


def default_review_by():
    """A new item's owning division reviews it again after the configured interval."""
    interval = datetime.timedelta(days=settings.CONTENT_REVIEW_INTERVAL_DAYS)
    return timezone.localdate() + interval


def publish_permission(model):
    """``app_label.publish_<model>``: publish, schedule, unpublish and archive ``model``."""
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def publish_permission_meta(model_name, verbose_name_plural):
    """The ``Meta.permissions`` entry that declares a content model's publish permission."""
    return (
        f"publish_{model_name}",
        f"Can publish, schedule, unpublish and archive {verbose_name_plural}",
    )


class ContentModel(models.Model):
    """Abstract base: who touched it and when, its publication state, rendered Markdown.

    Subclasses list their Markdown fields in ``markdown_fields`` as ``{"body": "body_html"}``;
    the sanitised HTML is stored on save so no request renders Markdown.
    """

    markdown_fields: dict[str, str] = {}
    #: The field naming the division that owns (keeps current) this item; "id" for a
    #: division, which owns itself.
    owning_division_field = "owning_division"

    state = models.CharField(
        "publication state", max_length=16, choices=State.choices, default=State.DRAFT
    )
    publish_at = models.DateTimeField(
        "publish at", null=True, blank=True, help_text="Leave empty to publish at once."
    )
    unpublish_at = models.DateTimeField(
        "unpublish at", null=True, blank=True, help_text="Leave empty to keep it published."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    review_by = models.DateField(
        "review by",
        default=default_review_by,
        help_text="When the owning division should next check that this is still true.",
    )
    # Optimistic concurrency: every save adds one; a form posted with an older number was
    # based on a copy someone else has changed since (see publishing.concurrency).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.render_markdown_fields()
        if not self._state.adding:
            self.version += 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = (
                set(update_fields)
                | {"version"}
                | {self.markdown_fields[f] for f in update_fields if f in self.markdown_fields}
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        content_token.bump()
        return deleted

    @classmethod
    def publication_constraints(cls, prefix):
        """Constraints every content table carries; ``prefix`` keeps the names unique."""
        return [
            models.CheckConstraint(
                condition=Q(state__in=State.values), name=f"{prefix}_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(publish_at__isnull=True)
                | Q(unpublish_at__isnull=True)
                | Q(unpublish_at__gt=models.F("publish_at")),
                name=f"{prefix}_unpublish_after_publish",
                violation_error_message="The unpublish time must be after the publish time.",
            ),
        ]

    def render_markdown_fields(self):
        for source, target in self.markdown_fields.items():
            setattr(self, target, render_markdown(getattr(self, source)))

    @property
    def is_scheduled(self):
        """Published, but its publish time has not come yet."""
        return (
            self.state == State.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def is_expired(self):
        """Published, but its unpublish time has passed."""
        return (
            self.state == State.PUBLISHED
            and self.unpublish_at is not None
            and self.unpublish_at <= timezone.now()
        )

    @property
    def is_public(self):
        now = timezone.now()
        return (
            self.state == State.PUBLISHED
            and (self.publish_at is None or self.publish_at <= now)
            and (self.unpublish_at is None or self.unpublish_at > now)
        )
