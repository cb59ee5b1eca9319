"""No lost edits: a three-way merge for the admin's change forms.

The form carries the item's ``version`` as it was when the page was opened
(``base_version``). On save the row is locked and its version compared. If someone else has
saved since, each field is compared three ways — as opened (the revision of that version),
as they saved it (the row now), as posted:

- a field only you changed takes your value; a field only they changed keeps theirs;
- a field you both changed, to different values, is a *clash*: the form comes back with
  your input, the two values side by side and a choice for each ("keep mine" / "keep
  theirs"), and saves once every clash is chosen (``seen_version`` says which of their
  saves the choices were made against: a further save by someone asks again).

When the version opened is not in the history, or they changed an item's parts (the inline
rows, such as milestones, which are not merged), the save is refused as before: the form
comes back with everything typed and a box showing what they changed; saving again puts
yours over theirs (theirs stays in the history).
"""

from django import forms

from publishing.revisions import _m2m_ids, compare, tracked_fields, when, who

MERGE_PREFIX = "merge_"


def conflict_message(verbose_name):
    return (
        f"Someone else saved this {verbose_name} after you opened it. Your changes are NOT "
        "saved yet: they are still in the form below. Their changes are listed above; "
        "save again to put your version over theirs (theirs stays in the history)."
    )


def clash_message(verbose_name, count):
    fields = "a field" if count == 1 else f"{count} fields"
    return (
        f"Someone else saved this {verbose_name} after you opened it, and changed {fields} "
        "you changed too. Nothing is saved yet: for each, choose your value or theirs below, "
        "then save. Their other changes are kept; yours are still in the form."
    )


def _plain(value):
    """Values as compared: no empty-string/None or line-ending differences."""
    if value == "":
        return None
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return value


class ConcurrencyFormMixin(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    conflict = None  # a refused save: {"who", "when", "rows"}
    clashes = None  # fields both changed: [{"name", "label", "mine", "theirs", "choice"}]
    merged = None  # a merged save: {"who", "kept": [labels of their fields kept]}
    #: The row as stored, read (and locked) by the check: its version and ``STORED_FIELDS``.
    stored = None
    STORED_FIELDS = ("state", "publish_at", "unpublish_at", "updated_by_id")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self.check_version(self.cleaned_data.get("base_version"))
        return cleaned

    def check_version(self, base):
        model = type(self.instance)
        # Locked until the transaction ends (PostgreSQL): two saves cannot both pass. The
        # publication fields come along for the admin's permission check (one read).
        self.stored = (
            model._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values("version", *self.STORED_FIELDS)
            .first()
        )
        current = self.stored["version"] if self.stored else None
        # A post without a version (a script, not the admin's own form) is not checked.
        if base is None or current is None or base == current:
            return
        opened = self.opened_record(base)
        if (
            opened is None
            or current != self.instance.version  # saved again while this request ran
            or self._parts_changed(opened)
        ):
            self.refuse(base, current)
            return
        self.merge(opened, current)

    # --- refusing (the version opened is unknown) ------------------------------------

    def refuse(self, base, current):
        self.conflict = describe_conflict(self.instance, base)
        self.add_error(None, conflict_message(type(self.instance)._meta.verbose_name))
        self._offer_version(current)

    def _offer_version(self, current):
        """Re-render with the current version, keeping everything else the user posted."""
        data = self.data.copy()
        data[self.add_prefix("base_version")] = current
        self.data = data

    # --- merging ---------------------------------------------------------------------

    def opened_record(self, base):
        """The item as it was at version ``base`` (a history record), or None."""
        history = getattr(type(self.instance), "history", None)
        if history is None:
            return None
        return (
            history.filter(id=self.instance.pk, version=base)
            .order_by("-history_date", "-history_id")
            .first()
        )

    def describe_others(self, opened):
        """Who saved since the form was opened, and when (no comparison rows)."""
        return describe_conflict(self.instance, opened.version, rows=False)

    def _parts_changed(self, opened):
        """Did they change the item's parts (inline rows: not merged)?"""
        if not hasattr(opened, "milestones_snapshot") or not hasattr(
            self.instance, "parts_snapshot"
        ):
            return False
        return (opened.milestones_snapshot or []) != self.instance.parts_snapshot()

    def _merged_fields(self):
        """``(form field name, model field)`` of the form's fields that are the item's own
        editable fields or many-to-many links."""
        model = type(self.instance)
        tracked = {f.name: f for f in tracked_fields(model)}
        tracked.update({f.name: f for f in model._meta.many_to_many})
        return [(name, tracked[name]) for name in self.fields if name in tracked]

    def merge(self, opened, current):
        seen = self.cleaned_data.get("seen_version") == current
        described = self.describe_others(opened)
        kept, clashes = [], []
        for name, field in self._merged_fields():
            if name not in self.cleaned_data:
                continue
            base = _record_value(opened, field)
            theirs = _instance_value(self.instance, field)
            mine = _posted_value(self.cleaned_data[name], field)
            if mine == base:
                if theirs != base:
                    del self.cleaned_data[name]  # the instance holds theirs: it stays
                    kept.append(field)
                continue
            if theirs in (base, mine):
                continue  # only mine changed it, or we agree
            choice = self.data.get(self.add_prefix(MERGE_PREFIX + name)) if seen else None
            if choice == "theirs":
                del self.cleaned_data[name]
                kept.append(field)
            elif choice != "mine":
                clashes.append(
                    {
                        "name": name,
                        "input": self.add_prefix(MERGE_PREFIX + name),
                        "label": field.verbose_name,
                        "mine": _shown(self.cleaned_data[name], field),
                        "theirs": _shown(_instance_shown(self.instance, field), field),
                    }
                )
        if clashes:
            self.clashes = clashes
            self.merged = {**described, "kept": [str(f.verbose_name) for f in kept]}
            self.add_error(
                None, clash_message(type(self.instance)._meta.verbose_name, len(clashes))
            )
            self._show_merge(current, kept)
        elif kept or described["who"]:
            self.merged = {**described, "kept": [str(f.verbose_name) for f in kept]}

    def _show_merge(self, current, kept):
        """Re-render: the clashes' choices are asked against ``current``; the fields only
        they changed show their values (simple inputs; the others keep theirs on save)."""
        data = self.data.copy()
        data[self.add_prefix("seen_version")] = current
        for field in kept:
            form_field = self.fields.get(field.name)
            widget = getattr(form_field, "widget", None)
            simple = (
                not isinstance(
                    widget, forms.MultiWidget | forms.CheckboxInput | forms.SelectMultiple
                )
                and not field.many_to_many
            )
            if simple:
                value = _instance_value(self.instance, field)
                data[self.add_prefix(field.name)] = "" if value is None else str(value)
        self.data = data


def _record_value(record, field):
    if field.many_to_many:
        return frozenset(_m2m_ids(record, field))
    return _plain(getattr(record, field.attname, None))


def _instance_value(instance, field):
    if field.many_to_many:
        return frozenset(getattr(instance, field.name).values_list("pk", flat=True))
    return _plain(getattr(instance, field.attname))


def _instance_shown(instance, field):
    if field.many_to_many:
        return list(getattr(instance, field.name).all())
    return getattr(instance, field.name)


def _posted_value(value, field):
    if field.many_to_many:
        return frozenset(o.pk for o in value or ())
    if field.is_relation:
        return getattr(value, "pk", value)
    return _plain(value)


def _shown(value, field):
    """A value as staff read it (plain text; the template escapes it)."""
    if value is None or value == "":
        return "—"
    if field.many_to_many:
        return ", ".join(sorted(str(o) for o in value)) or "—"
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def describe_conflict(instance, base_version, rows=True):
    """What changed between the version the user opened and the one saved now."""
    history = type(instance).history.filter(id=instance.pk).select_related("history_user")
    latest = history.first()
    if latest is None:
        return {"who": "someone", "when": "", "rows": []}
    opened = history.filter(version=base_version).order_by("-history_date").first()
    authors = sorted({who(r) for r in history.filter(version__gt=base_version)})
    return {
        "who": ", ".join(authors) or who(latest),
        "when": when(latest),
        "rows": compare(opened, latest) if rows and opened is not None else [],
    }
