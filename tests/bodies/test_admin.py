"""Staff keep ASEAN's bodies in the admin: the structure stays a tree, with a clear message."""

import pytest
from django.urls import reverse

from bodies.models import BodyKind
from publishing.content import State
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:bodies_body_changelist")
ADD = reverse("admin:bodies_body_add")
MESSAGE = (
    "A body cannot report to itself or to a body under it: choose a body above it in the structure."
)


def change_url(body):
    return reverse("admin:bodies_body_change", args=[body.pk])


def form_data(body, **fields):
    data = {
        "name": body.name,
        "slug": body.slug,
        "short_name": body.short_name,
        "kind": body.kind,
        "parent": body.parent_id or "",
        "pillar": body.pillar,
        "order": body.order,
        "supporting_division": "",
        "chair": "",
        "chair_from": "",
        "chair_until": "",
        "meets": body.meets,
        "description": body.description,
        "owning_division": "",
        "state": State.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
    }
    return {**data, **fields}


def test_the_changelist_search_and_add_form_answer(staff_client):
    BodyFactory(name="ASEAN Economic Ministers", short_name="AEM")
    assert "ASEAN Economic Ministers" in staff_client.get(f"{CHANGELIST}?q=AEM").content.decode()
    assert staff_client.get(ADD).status_code == 200


def test_a_body_cannot_become_its_own_grandparent(staff_client):
    top = BodyFactory(name="Top", kind=BodyKind.SUMMIT, draft=True)
    middle = BodyFactory(name="Middle", parent=top, draft=True)
    low = BodyFactory(name="Low", parent=middle, draft=True)
    response = staff_client.post(change_url(top), form_data(top, parent=low.pk))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"] == [MESSAGE]
    top.refresh_from_db()
    assert top.parent is None


def test_a_body_cannot_be_its_own_parent(staff_client):
    body = BodyFactory(draft=True)
    response = staff_client.post(change_url(body), form_data(body, parent=body.pk))
    assert response.context["adminform"].form.errors["parent"] == [MESSAGE]


def test_a_new_body_is_saved_under_its_parent(staff_client):
    top = BodyFactory(name="Top", kind=BodyKind.SUMMIT)
    new = BodyFactory.build(name="New council", slug="new-council", kind=BodyKind.COMMUNITY_COUNCIL)
    response = staff_client.post(ADD, form_data(new, parent=top.pk))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert top.children.get().name == "New council"


def test_a_body_without_a_source_is_not_published(staff_client):
    body = BodyFactory(draft=True, sources=[])
    response = staff_client.post(change_url(body), form_data(body, state=State.PUBLISHED))
    assert response.status_code == 200
    assert "cannot be published without a source" in response.content.decode()
