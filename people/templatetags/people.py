"""``{% load people %}``: who holds the posts an item is about, for any app that links items
to posts (an FAQ's ``roles``) without this app knowing it.

``{% holders_now faqs as now %}`` reads the items' link table and the posts' current
holders in two queries, whatever the number of items; ``{{ now|holdings_of:faq }}`` gives
one item's appointments, and ``{% references_of faqs now as references %}`` numbers their
sources with the page's."""

from django import template

from caching.prepared_queries import prepared_for
from people.current import current_by_role

register = template.Library()


class Holdings:
    """``{item id: [Appointment, ...]}``; iterating gives every appointment once."""

    def __init__(self, by_item=None):
        self.by_item = by_item or {}

    def of(self, item):
        return self.by_item.get(getattr(item, "pk", None), [])

    def __iter__(self):
        seen = {}
        for appointments in self.by_item.values():
            for appointment in appointments:
                seen.setdefault(appointment.pk, appointment)
        return iter(seen.values())

    def __bool__(self):
        return any(self.by_item.values())


@register.simple_tag
def holders_now(items, field="roles"):
    items = [item for item in items or () if getattr(item, "pk", None) is not None]
    if not items:
        return Holdings()
    relation = items[0]._meta.get_field(field)
    through = relation.remote_field.through
    item_column = relation.m2m_field_name() + "_id"
    role_column = relation.m2m_reverse_field_name() + "_id"
    prepared = prepared_for(
        ("post links", through, item_column, role_column),
        lambda pks: (
            through.objects.filter(**{f"{item_column}__in": pks})
            .order_by("pk")
            .values_list(item_column, role_column)
        ),
    )
    links = prepared.rows(pks=[item.pk for item in items])
    holders = current_by_role({role_id for _, role_id in links})
    by_item = {}
    for item_id, role_id in links:
        by_item.setdefault(item_id, []).extend(holders.get(role_id, []))
    return Holdings(by_item)


@register.filter
def holdings_of(holdings, item):
    return holdings.of(item) if holdings else []
