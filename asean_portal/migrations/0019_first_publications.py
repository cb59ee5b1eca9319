"""Data: the first publication of every item already live before the public record of
changes existed (``publishing.changes`` records later ones as they happen).

Its date is the first revision in the item's history that shows it published (never before
its ``publish_at``); an item without such a revision falls back to when it was created. No
major change is invented: there were no change notes before. Reversing deletes nothing but
these first-publication entries."""

from django.db import migrations
from django.db.models import Min

LIVE = ("published", "archived")


def content_models(apps):
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields()}
        if model._meta.model_name.startswith("historical"):
            continue
        if {"state", "publish_at", "created_at", "version"} <= names:
            yield model


def first_publications(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    PublicChange = apps.get_model("asean_portal", "PublicChange")
    for model in content_models(apps):
        opts = model._meta
        try:
            history = apps.get_model(opts.app_label, f"Historical{model.__name__}")
        except LookupError:
            history = None
        rows = list(
            model._default_manager.filter(state__in=LIVE).values_list(
                "pk", "publish_at", "created_at"
            )
        )
        if not rows:
            continue
        content_type, _ = ContentType.objects.get_or_create(
            app_label=opts.app_label, model=opts.model_name
        )
        done = set(
            PublicChange.objects.filter(content_type=content_type, first=True).values_list(
                "object_id", flat=True
            )
        )
        seen = {}
        if history is not None:
            seen = dict(
                history._default_manager.filter(state="published")
                .values("id")
                .annotate(first=Min("history_date"))
                .values_list("id", "first")
            )
        PublicChange.objects.bulk_create(
            [
                PublicChange(
                    content_type=content_type,
                    object_id=pk,
                    published_at=max(
                        (d for d in (seen.get(pk) or created_at, publish_at) if d is not None)
                    ),
                    note="First published.",
                    first=True,
                )
                for pk, publish_at, created_at in rows
                if pk not in done
            ],
            batch_size=1000,
        )


def forget(apps, schema_editor):
    apps.get_model("asean_portal", "PublicChange").objects.filter(first=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("asean_portal", "0018_contact_message"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("divisions", "0003_history_review_by_version_publish_permission"),
        ("faqs", "0002_history_review_by_version_publish_permission"),
        ("initiatives", "0006_admin_search_trigram_indexes"),
    ]

    operations = [migrations.RunPython(first_publications, forget)]
