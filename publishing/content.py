"""What every piece of portal content shares: authorship, publication state, Markdown.

Public code reads content only through ``Model.objects.published()``; that one method decides
what the public may see.
"""

import datetime
from contextlib import nullcontext

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldError, ValidationError
from django.db import DatabaseError, connections, models, router, transaction
from django.db.models import BooleanField, CheckConstraint, ExpressionWrapper, Min, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.sql import Query
from django.db.models.sql.constants import SINGLE
from django.utils import timezone

from caching import content_token
from publishing.markdown import render_markdown


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Published, live now (or at ``now``): past ``publish_at`` (if set) and before
        ``unpublish_at``."""
        now = now or timezone.now()
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

    # Writes that bypass ``save()`` change the content token themselves (once, when the
    # transaction commits: see ``caching.content_token``); saves do it through
    # ``post_save``. Deletes are not hooked with ``post_delete``, which would make Django
    # load every row it deletes.
    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows:
            content_token.bump(reschedule=True)
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
            content_token.bump(reschedule=True)
        return rows


def content_models():
    return [m for m in apps.get_models() if issubclass(m, ContentModel)]


def next_scheduled_moment(after):
    """The soonest publish or unpublish time after ``after`` of any published content
    (one small aggregate per content model), or None: the content token's schedule."""
    soonest = []
    for model in content_models():
        found = model._default_manager.filter(state=State.PUBLISHED).aggregate(
            publish=Min("publish_at", filter=Q(publish_at__gt=after)),
            unpublish=Min("unpublish_at", filter=Q(unpublish_at__gt=after)),
        )
        soonest.extend(value for value in found.values() if value is not None)
    return min(soonest, default=None)


content_token.set_schedule_source(next_scheduled_moment)


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

    def clean_fields(self, exclude=None):
        # A foreign key whose row was read in this request (a form's choice field has just
        # fetched it) is not looked up again; the database's own constraint still holds.
        exclude = set(exclude or ())
        for field in self._meta.concrete_fields:
            if field.many_to_one and field.is_cached(self):
                related = field.get_cached_value(self)
                loaded = related is not None and not related._state.adding
                if loaded and related.pk == getattr(self, field.attname):
                    exclude.add(field.name)
        super().clean_fields(exclude=exclude)

    def get_constraints(self):
        # Check constraints are validated by ``validate_constraints`` below, together.
        return [
            (model, [c for c in constraints if type(c) is not CheckConstraint])
            for model, constraints in super().get_constraints()
        ]

    def validate_constraints(self, exclude=None):
        """As Django's, but every check constraint is asked in one query: Django asks one
        query in its own savepoint per constraint (18 statements for an initiative)."""
        errors = {}
        for constraint in broken_checks(self, exclude):
            error = ValidationError(
                constraint.get_violation_error_message(), code=constraint.violation_error_code
            )
            errors = error.update_error_dict(errors)
        try:
            super().validate_constraints(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

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


def broken_checks(instance, exclude=None):
    """The check constraints ``instance`` breaks as it is in memory, found in one query.
    A constraint naming an excluded field is skipped, as Django skips it."""
    checks = [c for c in instance._meta.constraints if type(c) is CheckConstraint]
    if not checks:
        return []
    using = router.db_for_write(type(instance), instance=instance)
    query = Query(None)
    for name, value in instance._get_field_expression_map(
        meta=instance._meta, exclude=exclude
    ).items():
        query.add_annotation(
            value if hasattr(value, "resolve_expression") else Value(value), name, select=False
        )
    asked = []
    for number, constraint in enumerate(checks):
        holds = Coalesce(
            ExpressionWrapper(Q(constraint.condition), output_field=BooleanField()),
            Value(True),
            output_field=BooleanField(),
        )
        try:
            query.add_annotation(holds, f"_check_{number}")
        except FieldError:
            continue
        asked.append(constraint)
    if not asked:
        return []
    connection = connections[using]
    # As Django's check: a database error must not break the caller's transaction.
    guard = transaction.atomic(using=using) if connection.in_atomic_block else nullcontext()
    try:
        with guard:
            row = query.get_compiler(using=using).execute_sql(SINGLE)
    except DatabaseError:
        return []  # the database checks again when the row is written
    return [c for c, holds in zip(asked, row, strict=True) if not holds]
