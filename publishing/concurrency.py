"""No lost edits: optimistic concurrency for the admin's change forms.

The form carries the item's ``version`` as it was when the page was opened
(``base_version``). On save the row is locked and its version compared: if someone else has
saved since, the save is refused, the form comes back with everything the user typed, and a
box shows what the other person changed (from the item's history). The form now carries the
new version, so saving again is a deliberate choice to put one's own text over theirs; their
version stays in the history either way.
"""

from django import forms

from publishing.revisions import compare, when, who


def conflict_message(verbose_name):
    return (
        f"Someone else saved this {verbose_name} after you opened it. Your changes are NOT "
        "saved yet: they are still in the form below. Their changes are listed above; "
        "save again to put your version over theirs (theirs stays in the history)."
    )


class ConcurrencyFormMixin(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    conflict = None  # set when the save was refused: {"who", "when", "rows"}
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
        self.conflict = describe_conflict(self.instance, base)
        self.add_error(None, conflict_message(model._meta.verbose_name))
        self._offer_version(current)

    def _offer_version(self, current):
        """Re-render with the current version, keeping everything else the user posted."""
        data = self.data.copy()
        data[self.add_prefix("base_version")] = current
        self.data = data


def describe_conflict(instance, base_version):
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
        "rows": compare(opened, latest) if opened is not None else [],
    }
