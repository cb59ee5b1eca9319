"""The publishing rule "no fact-bearing item goes public without a source".

A content type opts in at registration (``publish_checks=(requires_source,)``); the admin
asks every check before an item is saved as published, and refuses with its message. The
setting ``PUBLISH_REQUIRES_SOURCE`` (default True) turns the rule off."""

from django.conf import settings

from .models import Citation
from .references import count_sources

REFUSAL = (
    "“{item}” cannot be published without a source: add at least one under “Sources” "
    "(a document, statement or publication the content rests on), or keep it as a draft."
)


def sources_required():
    return getattr(settings, "PUBLISH_REQUIRES_SOURCE", True)


def _pending_count(formsets):
    """The citations the form will leave, when its "Sources" inline is among ``formsets``;
    None when it is not (then the stored citations count)."""
    for formset in formsets or ():
        if formset.model is Citation:
            return sum(
                1
                for form in formset.forms
                if form.is_valid()
                and form.cleaned_data.get("source")
                and not form.cleaned_data.get("DELETE")
            )
    return None


def requires_source(obj, formsets=None):
    """A refusal message when ``obj`` has no source, else None."""
    if not sources_required():
        return None
    count = _pending_count(formsets)
    if count is None:
        count = count_sources(obj) if obj.pk else 0
    return None if count else REFUSAL.format(item=obj)
