"""Load the seeded bodies and meetings (``seed.bodies_data``) through the seed loader's own
``sync``: matched by slug, idempotent, staff edits kept, each item with its citations."""

from bodies.models import Body
from meetings.models import Meeting
from partial_dates import PartialDate
from seed import bodies_data
from sources.models import Source


def load_bodies_and_meetings(loader, states):
    """``loader``: the running ``seed.loader.Loader``; ``states``: its Member States by slug."""
    for key, title, publisher, published, kind, notes in bodies_data.SOURCES:
        loader.sources[key] = loader.sync(
            Source,
            key,
            {
                "title": title,
                "publisher": publisher,
                "published": PartialDate.coerce(published),
                "kind": kind,
                "notes": notes,
            },
            key_field="key",
        )
    bodies = {}
    for order, item in enumerate(bodies_data.BODIES, start=1):
        parent = item["parent"]
        bodies[item["slug"]] = loader.sync(
            Body,
            item["slug"],
            {
                "name": item["name"],
                "short_name": item["short_name"],
                "kind": item["kind"],
                "parent": loader.lookup(bodies, parent, item) if parent else None,
                "pillar": item["pillar"],
                "meets": item["meets"],
                "description": item["description"],
                "order": order,
            },
            fallback=("name",),
            citations=item["sources"],
        )
    for item in bodies_data.MEETINGS:
        loader.sync(
            Meeting,
            item["slug"],
            {
                "title": item["title"],
                "body": loader.lookup(bodies, item["body"], item),
                "ordinal": item["ordinal"],
                "starts": PartialDate.coerce(item["starts"]),
                "ends": PartialDate.coerce(item["ends"]),
                "city": item["city"],
                "host_state": loader.lookup(states, item["host_state"], item),
                "chair": loader.lookup(states, item["chair"], item),
                "status": item["status"],
                "description": item["description"],
            },
            citations=item["sources"],
        )
    return bodies
