"""The staff's "due for review" page: content past its review-by date, and due within
``DUE_SOON_DAYS`` days, by owning division.

Every content item has an owning division and a review-by date. This page counts what is
overdue for each division and content type (one grouped query per type) and lists the
longest-overdue items, each linking to its change form; the counts link to the content
type's list filtered the same way. Archived items are not counted: nobody reads them as
current.
"""

import datetime

from django.contrib import admin
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from publishing.content import State
from publishing.registry import registry

ITEMS_PER_GROUP = 10
DUE_SOON_DAYS = 30
FETCHED_PER_TYPE = 500  # the longest overdue; enough to show ITEMS_PER_GROUP per division


def owner_lookup(model):
    field = model.owning_division_field
    return "id" if field == "id" else f"{field}_id"


def reviewed_types():
    """The registered content types on the report."""
    return [t for t in registry.types() if t.review]


def content_admins(request):
    """``(model, model_admin)`` for each reviewed content type the user may see, in admin
    order."""
    reviewed = {t.model for t in reviewed_types()}
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model in reviewed and model_admin.has_view_or_change_permission(request)
    ]


def division_model():
    """The model of the owning divisions, found from the types' owning-division fields."""
    owners = {t.owning_division_model() for t in reviewed_types()}
    if len(owners) != 1:
        raise LookupError(f"The reviewed types name {len(owners)} owning models, not one.")
    return owners.pop()


def review_due(request):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    divisions = {d.pk: d for d in division_model().objects.order_by("order", "name")}
    rows = {
        pk: {"division": d, "counts": [], "items": [], "soon": []} for pk, d in divisions.items()
    }
    unowned = {"division": None, "counts": [], "items": [], "soon": []}
    types = []
    for model, _model_admin in content_admins(request):
        lookup = owner_lookup(model)
        overdue = model._default_manager.filter(review_by__lt=today).exclude(state=State.ARCHIVED)
        counts = dict(
            overdue.order_by().values_list(lookup).annotate(n=Count("pk")).values_list(lookup, "n")
        )
        due_soon = model._default_manager.filter(review_by__gte=today, review_by__lte=soon).exclude(
            state=State.ARCHIVED
        )
        soon_counts = dict(
            due_soon.order_by().values_list(lookup).annotate(n=Count("pk")).values_list(lookup, "n")
        )
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        filter_name = "id__exact" if lookup == "id" else f"{model.owning_division_field}__exact"
        types.append(model._meta.verbose_name_plural)
        for pk, row in [*rows.items(), (None, unowned)]:
            where = (
                f"{model.owning_division_field}__isnull=True"
                if pk is None
                else f"{filter_name}={pk}"
            )
            row["counts"].append(
                {"n": counts.get(pk, 0), "url": f"{changelist}?review=overdue&{where}"}
            )
            if soon_counts.get(pk):
                row["soon"].append(
                    {
                        "n": soon_counts[pk],
                        "type": model._meta.verbose_name_plural,
                        "url": f"{changelist}?review=soon&{where}",
                    }
                )
        for item in overdue.order_by("review_by")[:FETCHED_PER_TYPE]:
            row = rows.get(getattr(item, lookup), unowned)
            if len(row["items"]) < ITEMS_PER_GROUP * len(types):
                row["items"].append(
                    {
                        "item": item,
                        "type": model._meta.verbose_name,
                        "days": (today - item.review_by).days,
                        "url": reverse(
                            f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                            args=[item.pk],
                        ),
                    }
                )
    groups = [
        row
        for row in [*rows.values(), unowned]
        if any(c["n"] for c in row["counts"]) or row["soon"]
    ]
    for row in groups:
        row["total"] = sum(c["n"] for c in row["counts"])
        row["soon_total"] = sum(c["n"] for c in row["soon"])
        row["items"].sort(key=lambda entry: -entry["days"])
        row["items"] = row["items"][:ITEMS_PER_GROUP]
    context = {
        **admin.site.each_context(request),
        "title": "Content due for review",
        "today": today,
        "types": types,
        "groups": groups,
        "items_per_group": ITEMS_PER_GROUP,
        "due_soon_days": DUE_SOON_DAYS,
    }
    return TemplateResponse(request, "admin/portal/review_due.html", context)
