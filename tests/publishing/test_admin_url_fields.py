"""Every web address staff type in the admin: one typed without its scheme is https (Django
6's default, said now), and the forms are built without Django 5's warning about it."""

import warnings

import pytest
from django.urls import reverse
from django.utils.deprecation import RemovedInDjango60Warning

pytestmark = pytest.mark.django_db

URL_FIELDS = [
    ("sources_source", "url"),
    ("sources_source", "archived_url"),
    ("documents_document", "official_url"),
    ("member_states_memberstate", "national_office_url"),
]


@pytest.mark.parametrize(("admin_name", "field"), URL_FIELDS)
def test_an_address_typed_without_its_scheme_is_https(site_admin_client, admin_name, field):
    with warnings.catch_warnings():
        warnings.simplefilter("error", RemovedInDjango60Warning)
        response = site_admin_client.get(reverse(f"admin:{admin_name}_add"))
    assert response.status_code == 200
    form_field = response.context["adminform"].form.fields[field]
    assert form_field.clean("asean.org/our-communities") == "https://asean.org/our-communities"
    assert form_field.clean("http://asean.org/") == "http://asean.org/"  # as typed
