"""Recording changes: every content item keeps a history of who changed what, and when.

django-simple-history writes a record on every ``save()`` and delete, and another on every
many-to-many change. A change made through a form touches the item, its many-to-many fields
and its inline rows one after the other; ``one_revision`` records all of it as a single
revision, written once everything is saved, so each revision is a complete snapshot.
"""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from simple_history import utils
from simple_history.models import HistoricalRecords

_state = threading.local()


@contextmanager
def no_revisions():
    """Inside, nothing is recorded in any history: for a draft's sandbox, whose writes are
    rolled back anyway (a revision there cost 8 statements for an initiative)."""
    previous = getattr(_state, "off", False)
    _state.off = True
    try:
        yield
    finally:
        _state.off = previous


def recording():
    return not getattr(_state, "off", False)


class PortalHistory(HistoricalRecords):
    """``HistoricalRecords`` that leaves itself on the model as ``_history_records``, so a
    revision can be written by hand at the end of a multi-step change; it records nothing
    inside ``no_revisions()``."""

    def create_historical_record(self, instance, history_type, using=None):
        if recording():
            super().create_historical_record(instance, history_type, using)

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            sender._history_records = self

    def create_historical_record_m2ms(self, history_instance, instance):
        """The links of each many-to-many field as the revision saw them: one
        ``INSERT … SELECT`` per field (simple-history reads the link table joined to both
        ends, reloads the item's excluded fields and inserts: three statements a field)."""
        for field in history_instance._history_m2m_fields:
            m2m_history_model = self.m2m_models[field]
            through = field.remote_field.through
            copied = list(through._meta.fields)
            source = through._meta.get_field(utils.get_m2m_field_name(field)).column
            quote = connection.ops.quote_name
            target = [quote(m2m_history_model._meta.get_field(f.name).column) for f in copied]
            history = quote(m2m_history_model._meta.get_field("history").column)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {quote(m2m_history_model._meta.db_table)} "
                    f"({', '.join(target)}, {history}) "
                    f"SELECT {', '.join(quote(f.column) for f in copied)}, %s "
                    f"FROM {quote(through._meta.db_table)} WHERE {quote(source)} = %s",
                    [history_instance.pk, instance.pk],
                )

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        """Links changed from the other side (``topic.initiatives.add(...)``) are a change to
        each tracked item on this side; simple-history would record ``instance`` (the topic)
        as if it were one of them, and fail."""
        if not recording():
            return
        if not reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        cleared_key = f"_history_cleared_{attr}"
        if action == "pre_clear":
            linked = self.cls._default_manager.filter(**{attr: instance}).values_list("pk")
            setattr(instance, cleared_key, [pk for (pk,) in linked])
            return
        if action == "post_clear":
            pks = getattr(instance, cleared_key, [])
            setattr(instance, cleared_key, [])
        elif action in ("post_add", "post_remove"):
            pks = pk_set or ()
        else:
            return
        for item in self.cls._default_manager.filter(pk__in=list(pks)).order_by("pk"):
            self.create_historical_record(item, "~")


def is_tracked(model):
    return hasattr(model, "_history_records")


def record_revision(obj, history_type, user=None, reason=""):
    """Write one history record of ``obj`` as it is now (its many-to-many fields too)."""
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    type(obj)._history_records.create_historical_record(obj, history_type)


def begin_revision(obj):
    """From now until ``end_revision``, saving ``obj`` or its many-to-many fields records
    nothing by itself."""
    if is_tracked(type(obj)):
        obj._revision_creates = obj.pk is None or obj._state.adding
        obj.skip_history_when_saving = True


def end_revision(obj, user=None, reason=""):
    """Record the revision begun by ``begin_revision``: ``obj`` as it is now."""
    if not hasattr(obj, "skip_history_when_saving"):
        return
    del obj.skip_history_when_saving
    record_revision(obj, "+" if obj._revision_creates else "~", user, reason)


@contextmanager
def one_revision(obj, user=None, reason=""):
    """Save ``obj`` and its related rows inside; one revision is recorded at the end.

    Nothing is recorded if the block raises (its transaction is rolled back anyway).
    """
    begin_revision(obj)
    yield
    end_revision(obj, user, reason)


def history_of(model, pk):
    """Every recorded revision of item ``pk``, newest first."""
    return model.history.filter(id=pk).select_related("history_user")
