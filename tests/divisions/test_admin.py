"""Staff manage the organisation's divisions and their hierarchy in the admin."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from divisions.models import Division, DivisionKind, Pillar
from publishing.content import State
from tests.factories import DivisionFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:divisions_division_changelist")
ADD = reverse("admin:divisions_division_add")


def change_url(division):
    return reverse("admin:divisions_division_change", args=[division.pk])


def form_data(division=None, **fields):
    """What the division form posts: the division's current values, then ``fields``."""
    data = {
        "name": "Economic Community Department",
        "slug": "economic",
        "short_name": "AEC",
        "kind": DivisionKind.DEPARTMENT,
        "pillar": Pillar.ECONOMIC,
        "parent": "",
        "order": "2",
        "head_title": "Deputy Secretary-General",
        "summary": "Supports the ASEAN Economic Community.",
        "mandate": "Coordinates *economic* integration.",
        "email": "",
        "phone": "",
        "address": "",
        "state": State.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",  # the "Sources" inline
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
    }
    if division is not None:
        for name in data.keys() & {f.name for f in Division._meta.fields}:
            value = getattr(division, name)
            data[name] = "" if value is None else value
        data["parent"] = division.parent_id or ""
    return {**data, **fields}


def assert_saved(response):
    """A saved admin form redirects; anything else shows why it did not save."""
    if response.status_code != 302:
        form = response.context["adminform"].form
        raise AssertionError(f"not saved: {form.errors.as_data()}")


def test_changelist_lists_divisions_with_their_parent(staff_client):
    top = DivisionFactory(name="Office of the Secretary-General")
    DivisionFactory(name="Community and Corporate Affairs", parent=top)
    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Community and Corporate Affairs" in content
    assert "Office of the Secretary-General" in content


def test_changelist_search_finds_the_division(staff_client):
    DivisionFactory(name="External Relations Directorate", short_name="ERD")
    DivisionFactory(name="Administration and Finance Department")
    for term in ["external", "ERD"]:
        response = staff_client.get(CHANGELIST, {"q": term})
        assert response.status_code == 200
        names = [d.name for d in response.context["cl"].result_list]
        assert names == ["External Relations Directorate"]


def test_changelist_filters_by_pillar(staff_client):
    DivisionFactory(name="Economic", pillar=Pillar.ECONOMIC)
    DivisionFactory(name="Socio-Cultural", pillar=Pillar.SOCIO_CULTURAL)
    response = staff_client.get(CHANGELIST, {"pillar__exact": Pillar.ECONOMIC})
    assert [d.name for d in response.context["cl"].result_list] == ["Economic"]


def test_add_page(staff_client):
    response = staff_client.get(ADD)
    assert response.status_code == 200
    assert "Markdown:" in response.content.decode()


def test_add_creates_the_division(staff_client, staff):
    top = DivisionFactory(name="Office of the Secretary-General")
    response = staff_client.post(ADD, form_data(parent=top.pk))
    assert_saved(response)
    division = Division.objects.get(slug="economic")
    assert division.parent == top
    assert division.mandate_html == "<p>Coordinates <em>economic</em> integration.</p>"
    assert (division.created_by, division.updated_by) == (staff, staff)


def test_change_saves_and_records_who_changed_it(staff_client, staff):
    author = UserFactory(username="author", is_staff=True)
    division = DivisionFactory(created_by=author, updated_by=author)

    response = staff_client.get(change_url(division))
    assert response.status_code == 200
    assert response.context["has_absolute_url"]

    assert_saved(staff_client.post(change_url(division), form_data(division, head_title="Head")))
    division.refresh_from_db()
    assert division.head_title == "Head"
    assert division.created_by == author
    assert division.updated_by == staff


def test_view_on_site_goes_to_the_public_page(staff_client):
    division = DivisionFactory(slug="economic")
    link = reverse(
        "admin:view_on_site", args=[ContentType.objects.get_for_model(Division).pk, division.pk]
    )
    assert link in staff_client.get(change_url(division)).content.decode()
    response = staff_client.get(link)
    assert response.status_code == 302
    assert response["Location"].endswith("/divisions/economic/")


def test_a_division_cannot_become_its_own_grandparent(staff_client):
    grandparent = DivisionFactory(name="Grandparent")
    parent = DivisionFactory(name="Parent", parent=grandparent)
    child = DivisionFactory(name="Child", parent=parent)

    response = staff_client.post(change_url(grandparent), form_data(grandparent, parent=child.pk))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["parent"] == [
        "A division cannot report to itself or to one of its own units."
    ]
    grandparent.refresh_from_db()
    assert grandparent.parent is None


def test_a_division_cannot_be_its_own_parent(staff_client):
    division = DivisionFactory()
    response = staff_client.post(change_url(division), form_data(division, parent=division.pk))
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    division.refresh_from_db()
    assert division.parent is None


def test_parent_is_chosen_by_autocomplete(staff_client):
    DivisionFactory(name="Office of the Secretary-General")
    DivisionFactory(name="Economic Community Department")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "divisions",
            "model_name": "division",
            "field_name": "parent",
            "term": "secretary",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Office of the Secretary-General"]


@pytest.mark.parametrize("url", [CHANGELIST, ADD])
def test_anonymous_user_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_member_of_the_public_cannot_reach_the_admin(member_client):
    division = DivisionFactory()
    for url in [CHANGELIST, ADD, change_url(division)]:
        response = member_client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
