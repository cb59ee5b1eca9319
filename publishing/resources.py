"""Import and export of content (django-import-export): what every content resource shares.

- Rows are matched by slug; related items are named by their slugs too, so a file reads as
  what it says and survives a move to another database.
- An unknown slug or a bad value is a row error naming the field; the admin shows every
  error of a dry run, and the real import runs in one transaction that is rolled back if any
  row fails: a file with one bad row changes nothing.
- Someone who may not publish cannot publish by importing: their new rows land as drafts
  (or in review, if the file says so), and existing rows keep their publication state and
  schedule (``publishing.workflow``).
- Nor can they change a live (published or archived) item: such a row is refused with an
  error naming the fields it would change, so the whole file is refused (a row that changes
  nothing is fine). The change form is the route for that: there the change waits for a
  Publisher as a draft (``publishing.drafts``).
- Each imported row is saved through ``save()`` as one revision in the item's history. A row
  that changes nothing is reported as unchanged ("skipped") and not saved at all: no
  revision, no new version.
- A file that names one item on two rows (the same slug) is refused: each of those rows gets
  an error naming the others; otherwise the later row would silently overwrite the earlier.
- A date that cannot be read names the format it must have.
"""

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from import_export import fields, resources, widgets

from partial_dates import PartialDate, PartialDateError
from publishing.content import State
from publishing.drafts import must_save_as_draft, take_snapshot
from publishing.history import begin_revision, end_revision
from publishing.registry import registry
from publishing.revisions import tracked_fields
from publishing.workflow import EDITOR_STATES, SCHEDULE_FIELDS, may_publish

PUBLICATION_COLUMNS = ["state", "publish_at", "unpublish_at", "review_by"]


class SlugWidget(widgets.ForeignKeyWidget):
    """A related item by its slug; an unknown slug is a field error, not a crash."""

    def __init__(self, model, thing):
        super().__init__(model, field="slug")
        self.thing = thing

    def clean(self, value, row=None, **kwargs):
        value = (value or "").strip() if isinstance(value, str) else value
        if not value:
            return None
        try:
            return self.model._default_manager.get(slug=value)
        except self.model.DoesNotExist:
            raise ValueError(f"There is no {self.thing} “{value}”.") from None


class SlugsWidget(widgets.ManyToManyWidget):
    """Related items by their slugs, separated by commas."""

    def __init__(self, model, thing):
        super().__init__(model, separator=",", field="slug")
        self.thing = thing

    def clean(self, value, row=None, **kwargs):
        slugs = [s.strip() for s in str(value or "").split(self.separator) if s.strip()]
        found = {obj.slug: obj for obj in self.model._default_manager.filter(slug__in=slugs)}
        unknown = [s for s in slugs if s not in found]
        if unknown:
            names = ", ".join(f"“{s}”" for s in unknown)
            raise ValueError(f"There is no {self.thing} {names}.")
        return [found[s] for s in slugs]


class DateWidget(widgets.DateWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(
                f"“{value}” is not a date: write it as YYYY-MM-DD, for example 2026-12-31."
            ) from None


class DateTimeWidget(widgets.DateTimeWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(
                f"“{value}” is not a date and time: write it as YYYY-MM-DD HH:MM, for example "
                f"2026-12-31 09:30 ({settings.TIME_ZONE} time, as the export writes it)."
            ) from None


def slug_field(name, model, thing, many=False):
    widget = SlugsWidget(model, thing) if many else SlugWidget(model, thing)
    return fields.Field(attribute=name, column_name=name, widget=widget)


class ContentResource(resources.ModelResource):
    """Base for the resources of ``ContentModel`` subclasses."""

    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "DateField": DateWidget,
        "DateTimeField": DateTimeWidget,
    }

    class Meta:
        import_id_fields = ["slug"]
        clean_model_instances = True  # the model's validation and constraints, per row
        skip_unchanged = True  # an unchanged row is not saved: no revision, no new version
        report_skipped = True
        use_transactions = True

    def row_key(self, row):
        return tuple(str(row.get(name) or "").strip() for name in self._meta.import_id_fields)

    def before_import(self, dataset, **kwargs):
        """Note the keys (slugs) that more than one row of the file names."""
        super().before_import(dataset, **kwargs)
        rows = defaultdict(list)
        if all(name in (dataset.headers or []) for name in self._meta.import_id_fields):
            for number, values in enumerate(dataset.dict, 1):  # numbered as the admin shows
                key = self.row_key(values)
                if any(key):
                    rows[key].append(number)
        self.repeated_keys = {key: numbers for key, numbers in rows.items() if len(numbers) > 1}

    def repeated_key_errors(self, row):
        numbers = getattr(self, "repeated_keys", {}).get(self.row_key(row))
        if not numbers:
            return {}
        names = " and ".join([", ".join(str(n) for n in numbers[:-1]), str(numbers[-1])])
        key = "”, “".join(self.row_key(row))
        message = (
            f"“{key}” is on rows {names} of this file: each row must name a different item. "
            "Keep one of these rows."
        )
        return {self._meta.import_id_fields[0]: ValidationError(message)}

    def import_instance(self, instance, row, **kwargs):
        """Check the many-to-many columns too (the library only reads them after saving), so
        an unknown slug there is a field error of its row like any other; and refuse a
        key that another row of the file names too."""
        errors = self.repeated_key_errors(row)
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = ValidationError(str(error))
        if errors:
            raise ValidationError(errors)

    # --- export, from plain values ------------------------------------------------------
    # The library exports model instances with their related items prefetched as instances:
    # about 65 initiatives a second on this (busy) machine, so 100,000 would take minutes,
    # far past gunicorn's 30 s. These read plain values, a chunk at a time, and render each
    # cell with the field's own widget, so the file is the same (tests/publishing/
    # test_import_attacks.py compares the two).

    def export_chunk(self, ids, selected_fields=None):
        """The exported rows of the items ``ids``, in that order."""
        model = self._meta.model
        fields = self.get_export_fields(selected_fields)
        columns = {}  # column name -> {pk: rendered cell}
        plain = {}
        for field in fields:
            name = field.column_name
            if hasattr(self, f"dehydrate_{name}"):
                columns[name] = self.export_column(name, ids)
            elif isinstance(field.widget, widgets.ManyToManyWidget):
                columns[name] = self.export_many(field, ids)
            elif isinstance(field.widget, widgets.ForeignKeyWidget):
                plain[name] = (field, f"{field.attribute}__{field.widget.field}")
            else:
                plain[name] = (field, field.attribute)
        rows = model._default_manager.filter(pk__in=ids).values(
            "pk", *(a for _, a in plain.values())
        )
        by_id = {row["pk"]: row for row in rows}
        for pk in ids:
            row = by_id.get(pk)
            if row is None:
                continue  # deleted meanwhile
            cells = []
            for field in fields:
                name = field.column_name
                if name in columns:
                    cells.append(columns[name].get(pk, ""))
                    continue
                widget_field, attribute = plain[name]
                value = row[attribute]
                if isinstance(widget_field.widget, widgets.ForeignKeyWidget):
                    cells.append("" if value is None else str(value))
                else:
                    cells.append(widget_field.widget.render(value))
            yield cells

    def export_many(self, field, ids):
        """``{pk: "slug,slug"}`` of a many-to-many column, in the related model's order."""
        relation = self._meta.model._meta.get_field(field.attribute)
        through = relation.remote_field.through
        source = relation.m2m_field_name()
        target = relation.m2m_reverse_field_name()
        ordering = [
            f"-{target}__{o[1:]}" if o.startswith("-") else f"{target}__{o}"
            for o in relation.related_model._meta.ordering
        ]
        pairs = (
            through.objects.filter(**{f"{source}_id__in": ids})
            .order_by(f"{source}_id", *ordering)
            .values_list(f"{source}_id", f"{target}__{field.widget.field}")
        )
        cells = defaultdict(list)
        for pk, value in pairs:
            cells[pk].append(str(value))
        return {pk: field.widget.separator.join(values) for pk, values in cells.items()}

    def export_column(self, name, ids):
        """Hook: ``{pk: cell}`` of a computed column (``dehydrate_<name>``) for ``ids``."""
        raise NotImplementedError(f"export_column for {name}")

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return super().skip_row(
            instance, original, row, import_validation_errors
        ) and self.parts_unchanged(instance, original)

    def parts_unchanged(self, instance, original):
        """Hook: whether the rows that belong to the item (milestones) stay as they are."""
        return True

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        creating = instance._state.adding
        if user is not None and not may_publish(user, type(instance)):
            self.keep_publication(instance, creating)
            if not creating:
                self.watch_live_item(instance, user)
        self.check_publish_rules(instance, creating)
        if user is not None:
            if creating:
                instance.created_by = user
            instance.updated_by = user
        begin_revision(instance)

    def check_publish_rules(self, instance, creating):
        """A row that would make an item public is refused for what its type requires first
        (a source, for fact-bearing types: ``publish_checks``), as the admin's form refuses
        it. An item already public keeps being updated: the rule held when it went live."""
        if instance.state != State.PUBLISHED:
            return
        model = type(instance)
        if (
            not creating
            and model._default_manager.filter(pk=instance.pk, state=State.PUBLISHED).exists()
        ):
            return
        registration = registry.get(model)
        refusals = registration.publish_refusals(instance) if registration else []
        if refusals:
            raise ValidationError({"state": refusals})

    def keep_publication(self, instance, creating):
        """Without the publish permission, a new row may only be a draft or in review, and
        an existing row keeps its publication state and schedule as they are."""
        if creating:
            if instance.state not in EDITOR_STATES:
                instance.state = State.DRAFT
            instance.publish_at = instance.unpublish_at = None
            return
        before = (
            type(instance)
            ._default_manager.filter(pk=instance.pk)
            .values("state", *SCHEDULE_FIELDS)
            .get()
        )
        if before["state"] not in EDITOR_STATES or instance.state not in EDITOR_STATES:
            instance.state = before["state"]
        for name in SCHEDULE_FIELDS:
            setattr(instance, name, before[name])

    def watch_live_item(self, instance, user):
        """Before the row of a live item is saved by someone who may not publish: remember
        the item as it is, and start a savepoint to take the row back to."""
        live = type(instance)._default_manager.get(pk=instance.pk)
        if must_save_as_draft(user, type(instance), live.state):
            instance._live_before = (transaction.savepoint(), take_snapshot(live))

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        self.save_parts(instance, row)
        end_revision(instance, kwargs.get("user"), "Imported")
        watched = getattr(instance, "_live_before", None)
        if watched is not None:
            del instance._live_before
            savepoint, before = watched
            after = take_snapshot(instance)
            transaction.savepoint_rollback(savepoint)  # the live item stays as it was
            if after != before:
                raise ValidationError(self.live_change_errors(instance, before, after))

    def live_change_errors(self, instance, before, after):
        model = type(instance)
        state = model._default_manager.get(pk=instance.pk).get_state_display().lower()
        message = (
            f"“{instance}” is {state}: only a Publisher may change it by importing. Edit it "
            "in the admin instead (your change then waits for a Publisher), or leave this "
            "value as it is."
        )
        names = [
            f.name
            for f in tracked_fields(model)
            if before["fields"].get(f.attname) != after["fields"].get(f.attname)
        ]
        names += [n for n in after["m2m"] if before["m2m"].get(n) != after["m2m"][n]]
        if before.get("parts") != after.get("parts"):
            names.append("milestones")
        return {name: [message] for name in names}

    def save_parts(self, instance, row):
        """Hook: save rows that belong to ``instance`` (an initiative's milestones)."""


class PartialDateWidget(widgets.Widget):
    """A partial date in a cell (``partial_dates``): reduced ISO out ("1995-07-28", "2021-01",
    "2023"); in, any form ``PartialDate`` reads, an empty cell being no date. A date it cannot
    read is the row's error, with ``PartialDate``'s message."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        try:
            return PartialDate.coerce(value)
        except PartialDateError as error:
            raise ValueError(str(error)) from None

    def render(self, value, obj=None, **kwargs):
        value = PartialDate.coerce(value)
        return value.isoformat() if value else ""


def partial_date_field(name):
    """An import/export column for the ``PartialDateField`` ``name``."""
    return fields.Field(attribute=name, column_name=name, widget=PartialDateWidget())
