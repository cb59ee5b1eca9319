"""Who is told: the Publishers of an item's type (of its owning division, where they set
one), and the named owner of a division. The item's type is read from the item itself and
the registry; no app is named."""

from django.contrib.auth import get_user_model

from notifications.models import Preferences
from publishing.content import publish_permission


def owning_division_id(item):
    field = type(item).owning_division_field
    if field == "id":
        return item.pk
    return getattr(item, type(item)._meta.get_field(field).attname, None)


def publishers_of(item):
    """The active staff who may publish ``item``'s type; those whose division is the item's
    owning division, when any has said so (else all of them)."""
    users = list(
        get_user_model()
        .objects.with_perm(publish_permission(type(item)), include_superusers=False)
        .filter(is_staff=True)
        .order_by("pk")
    )
    division = owning_division_id(item)
    if division is None or not users:
        return users
    own = set(
        Preferences.objects.filter(user__in=users, division_id=division).values_list(
            "user_id", flat=True
        )
    )
    return [u for u in users if u.pk in own] or users


def division_owner(division):
    """The person named as the division's owner (its ``owner`` field), or None."""
    return getattr(division, "owner", None) if division is not None else None
