"""The seed names the posts and, as the lead ruled, only the Secretary-General: Dr Kao Kim
Hourn, in post since 2023 (year precision), term 2023–2027, nominated, with his sources. A
second run changes nothing; what staff have saved is theirs."""

import pytest

from faqs.models import FAQ
from people.models import Appointment, Person, Role
from publishing.content import State
from sources.references import citations_of
from tests.factories import UserFactory
from tests.seed.loading import load

pytestmark = pytest.mark.django_db


def appointments():
    return list(
        Appointment.objects.values_list(
            "person__slug", "role__slug", "started", "ended", "how_appointed", "term", "source__key"
        )
    )


def test_the_seed_names_only_the_secretary_general_with_sources():
    load()
    person = Person.objects.get()
    assert (person.full_name, person.nationality.name, person.state) == (
        "Dr Kao Kim Hourn",
        "Cambodia",
        State.PUBLISHED,
    )
    [(slug, role, started, ended, how, term, source)] = appointments()
    assert (slug, role, started.isoformat(), ended, how, term, source) == (
        "kao-kim-hourn",
        "secretary-general-of-asean",
        "2023",
        None,
        "nominated",
        "2023–2027",
        "secretary-general-of-asean-page",
    )
    cited = [c.source.key for c in citations_of([person])[("people.person", person.pk)]]
    assert cited == ["secretary-general-of-asean-page", "asean-charter"]
    roles = {r.slug: r for r in Role.objects.select_related("division")}
    assert len(roles) == 7  # one per division, the Secretary-General's the Office's
    assert roles["secretary-general-of-asean"].division.slug == "office-of-the-secretary-general"
    kinds = sorted(r.kind for r in roles.values())
    assert kinds.count("deputy-secretary-general") == 4 and kinds.count("division-head") == 2
    for role in roles.values():
        assert citations_of([role]).get(("people.role", role.pk)), role.slug
    faq = FAQ.objects.get(slug="who-leads-the-asean-secretariat")
    assert list(faq.roles.values_list("slug", flat=True)) == ["secretary-general-of-asean"]
    assert faq.answer.startswith("The ASEAN Secretariat is headed by the Secretary-General")


def test_a_second_run_changes_nothing_and_staff_edits_are_kept():
    load()
    before = (appointments(), list(Person.objects.values_list("updated_at", flat=True)))
    out = load(verbosity=1)
    assert "Appointments: 0 created, 0 updated, 1 unchanged" in out
    assert (appointments(), list(Person.objects.values_list("updated_at", flat=True))) == before
    person = Person.objects.get()
    person.updated_by = UserFactory()
    person.save()
    Appointment.objects.update(term="2023–2027 (staff)")
    out = load(verbosity=1)
    assert Appointment.objects.get().term == "2023–2027 (staff)"
    assert "Appointments: 0 created, 0 updated, 0 unchanged, 1 kept" in out
