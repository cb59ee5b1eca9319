"""What this app adds to other types' pages (``public.page_parts``): a division's page
names who heads it now, though ``divisions`` knows nothing of people."""

from django.utils import timezone

from caching.prepared_queries import PreparedQuery
from divisions.models import Division
from public.page_parts import page_parts

from .current import current_by_role
from .models import HEADING_KINDS, Role

# The posts heading some divisions, compiled once per number of divisions.
_HEADING_POSTS = PreparedQuery(
    lambda divisions, now: (
        Role.objects.published(now)
        .filter(division_id__in=divisions, kind__in=HEADING_KINDS)
        .order_by("order", "title")
    )
)


def division_heads(divisions):
    """``{division id: {"posts": [(role, [current appointments])]}}`` for a batch of
    divisions: two queries whatever their number (one when no post heads any of them)."""
    ids = [division.pk for division in divisions]
    roles = _HEADING_POSTS.rows(divisions=ids, now=timezone.now())
    holders = current_by_role([role.pk for role in roles], timezone.localdate())
    posts = {pk: [] for pk in ids}
    for role in roles:
        posts[role.division_id].append((role, holders.get(role.pk, [])))
    return {pk: {"posts": found} for pk, found in posts.items()}


def register():
    page_parts.contribute(
        Division, "head", template="people/parts/division_head.html", load=division_heads
    )
