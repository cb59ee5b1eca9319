"""Loads ``seed/people_data.py`` through the main loader's rules (``seed.loader``): rows are
matched by slug, created when missing, brought in line with the seed unless staff have
saved them (``updated_by`` set), and saved only when something differs; a person's
appointments follow the person. Runs inside ``Loader.run``'s transaction."""

from divisions.models import Division
from faqs.models import FAQ
from member_states.models import MemberState
from partial_dates import PartialDate
from people.models import Appointment, Person, Role
from publishing.content import State
from publishing.history import one_revision
from seed import people_data
from sources.models import Source


def load_people(loader):
    """Called once from ``Loader.run``, after the divisions, Member States and FAQs."""
    loader.sources.update(
        {
            key: loader.sync(
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
            for key, title, publisher, published, kind, notes in people_data.SOURCES
        }
    )
    divisions = {d.slug: d for d in Division.objects.all()}
    states = {s.slug: s for s in MemberState.objects.all()}
    roles = {}
    for item in people_data.ROLES:
        roles[item["slug"]] = loader.sync(
            Role,
            item["slug"],
            {
                "title": item["title"],
                "kind": item["kind"],
                "division": loader.lookup(divisions, item["division"], item),
                "description": item["description"],
                "order": item["order"],
            },
            fallback=("title",),
            citations=item["sources"],
        )
    for item in people_data.PEOPLE:
        person = loader.sync(
            Person,
            item["slug"],
            {
                "name": item["name"],
                "honorific": item["honorific"],
                "nationality": loader.lookup(states, item["nationality"], item),
                "owning_division": loader.lookup(divisions, item["owning_division"], item),
            },
            citations=item["sources"],
        )
        write_appointments(loader, person, item, roles)
    link_faqs(loader, roles)


def wanted_appointments(loader, item, roles):
    return [
        (
            loader.lookup(roles, row["role"], item).pk,
            PartialDate.coerce(row["started"]),
            PartialDate.coerce(row["ended"]),
            row["how_appointed"],
            row["term"],
            loader.source(row["source"], item["slug"]).pk,
            order,
        )
        for order, row in enumerate(item["appointments"], start=1)
    ]


def current_appointments(person):
    return list(
        person.appointments.order_by("order", "pk").values_list(
            "role_id", "started", "ended", "how_appointed", "term", "source_id", "order"
        )
    )


def write_appointments(loader, person, item, roles):
    tally = loader.result.tally("Appointments")
    wanted = wanted_appointments(loader, item, roles)
    if current_appointments(person) == wanted:
        tally.unchanged += len(wanted)
        return
    if person.updated_by_id is not None:  # staff have saved this person: theirs now
        tally.kept += len(wanted)
        loader.log(f"Appointments: kept those of {person.slug}")
        return
    with one_revision(person, reason="Loaded from the seed content"):
        person.appointments.all().delete()
        for role_id, started, ended, how, term, source_id, order in wanted:
            appointment = Appointment(
                person=person,
                role_id=role_id,
                started=started,
                ended=ended,
                how_appointed=how,
                term=term,
                source_id=source_id,
                order=order,
            )
            appointment.full_clean()
            appointment.save()
        person.save()
    tally.created += len(wanted)
    loader.log(f"Appointments: wrote those of {person.slug}")


def link_faqs(loader, roles):
    """The FAQs about a post name it (``FAQ.roles``), unless staff have saved the FAQ."""
    for slug, role_slugs in people_data.FAQ_ROLES.items():
        faq = FAQ.objects.filter(slug=slug, state=State.PUBLISHED).first()
        if faq is None or faq.updated_by_id is not None:
            continue
        wanted = {loader.lookup(roles, role, {"slug": slug}).pk for role in role_slugs}
        if set(faq.roles.values_list("pk", flat=True)) != wanted:
            with one_revision(faq, reason="Loaded from the seed content"):
                faq.roles.set(wanted)
            loader.log(f"FAQs: {slug} names its posts")
