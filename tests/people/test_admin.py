"""Staff keep people and posts in the admin: clear errors for impossible appointments
(never a 500), no publishing without a source, and an Editor's change to a live person's
appointments waits for a Publisher as a draft."""

import pytest

from people.models import Appointment, Person
from publishing.content import State
from publishing.models import Draft
from tests.admin_forms import admin_url, assert_saved, form_data
from tests.factories import AppointmentFactory, PersonFactory, RoleFactory, SourceFactory, cite

pytestmark = pytest.mark.django_db


def appointment_rows(data, *rows):
    """``data`` with the appointments inline's rows replaced by ``rows`` (dicts)."""
    prefix = "appointments"
    for key in [k for k in data if k.startswith(f"{prefix}-")]:
        del data[key]
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(len(rows)),
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    )
    for n, row in enumerate(rows):
        for name, value in {
            "order": "0",
            "how_appointed": "",
            "term": "",
            "ended": "",
            **row,
        }.items():
            data[f"{prefix}-{n}-{name}"] = value
    return data


def person_data(response, **changes):
    """``form_data`` without the empty portrait (a file field posts nothing when unchanged)."""
    data = form_data(response, **changes)
    data.pop("portrait", None)
    return data


def add_form(client, **fields):
    url = admin_url(Person, "add")
    data = person_data(client.get(url), name="New Person", slug="new-person", **fields)
    return url, data


def errors_of(response):
    errors = [str(response.context["adminform"].form.errors)]
    errors += [str(inline.formset.errors) for inline in response.context["inline_admin_formsets"]]
    errors += [
        str(inline.formset.non_form_errors())
        for inline in response.context["inline_admin_formsets"]
    ]
    return " ".join(errors)


def test_staff_add_a_person_with_an_appointment(admin_client):
    role = RoleFactory()
    url, data = add_form(admin_client)
    appointment_rows(data, {"role": str(role.pk), "started": "2023", "how_appointed": "nominated"})
    assert_saved(admin_client.post(url, data))
    appointment = Appointment.objects.get()
    assert (appointment.person.slug, appointment.started.isoformat()) == ("new-person", "2023")


def test_an_end_before_the_start_is_a_form_error(admin_client):
    role = RoleFactory()
    url, data = add_form(admin_client)
    appointment_rows(data, {"role": str(role.pk), "started": "2023-05", "ended": "2022"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "is before its start" in errors_of(response)
    assert not Person.objects.exists()


def test_the_same_post_twice_at_once_is_a_form_error(admin_client):
    role = RoleFactory()
    url, data = add_form(admin_client)
    appointment_rows(
        data,
        {"role": str(role.pk), "started": "2019"},
        {"role": str(role.pk), "started": "2021-03", "ended": "2022"},
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "only once at a time" in errors_of(response)
    assert not Person.objects.exists() and not Appointment.objects.exists()


def test_a_malformed_date_is_a_form_error(admin_client):
    role = RoleFactory()
    url, data = add_form(admin_client)
    appointment_rows(data, {"role": str(role.pk), "started": "sometime in 2023"})
    response = admin_client.post(url, data)
    assert response.status_code == 200 and not Person.objects.exists()


def test_a_person_is_not_published_without_a_source(publisher_client):
    person = PersonFactory(draft=True)
    url = admin_url(Person, "change", person.pk)
    response = publisher_client.post(url, person_data(publisher_client.get(url), state="published"))
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.state == State.DRAFT
    cite(person, SourceFactory())
    assert_saved(
        publisher_client.post(url, person_data(publisher_client.get(url), state="published"))
    )


def test_an_editors_change_to_a_live_persons_appointments_is_a_draft(
    editor_client, publisher_client, client
):
    appointment = AppointmentFactory(started="2023", person=PersonFactory(name="Live Person"))
    person = appointment.person
    cite(person, SourceFactory())
    url = admin_url(Person, "change", person.pk)
    page = editor_client.get(url)
    permissions = {
        i.formset.prefix: i.has_change_permission for i in page.context["inline_admin_formsets"]
    }
    assert permissions["appointments"] is True  # draft_inlines: a draft keeps them
    data = person_data(page, **{"appointments-0-ended": "2024-06"})
    response = editor_client.post(url, data)
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert not appointment.ended  # the live page is unchanged
    draft = Draft.objects.get()
    assert [row["ended"] for row in draft.data["parts"]] == ["2024-06"]
    response = publisher_client.post(admin_url(Person, "draft_action", person.pk, "publish"))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.ended.isoformat() == "2024-06"
    history = Person.history.filter(id=person.pk).order_by("-history_id").first()
    assert history.milestones_snapshot[0]["ended"] == "2024-06"


def test_the_appointments_admin_refuses_an_overlap_and_guards_live_people(
    admin_client, editor_client
):
    first = AppointmentFactory(started="2019")
    url = admin_url(Appointment, "add")
    data = form_data(
        admin_client.get(url),
        person=str(first.person.pk),
        role=str(first.role.pk),
        started="2021",
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200 and "only once at a time" in str(
        response.context["adminform"].form.errors
    )
    assert Appointment.objects.count() == 1
    change = editor_client.get(admin_url(Appointment, "change", first.pk))
    assert change.status_code == 200 and not change.context["has_change_permission"]
