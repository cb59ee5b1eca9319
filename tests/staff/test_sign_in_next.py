"""Sign-in with a ``next`` that points off the site (an open-redirect attempt) lands on the
admin home; a ``next`` within the site is followed."""

import pytest
from django.urls import reverse

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

UNSAFE = [
    "//evil.example/",
    "https://evil.example/admin/",
    "/\\evil.example/",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:///evil.example",
    " //evil.example",
    "",
]


@pytest.mark.parametrize("next_url", UNSAFE)
def test_an_unsafe_next_lands_on_the_admin_home(client, next_url):
    StaffFactory(username="signer")
    response = client.post(
        f"{reverse('admin:login')}?next={next_url}",
        {"username": "signer", "password": "a-long-test-password", "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def test_a_next_within_the_site_is_followed(client):
    StaffFactory(username="signer")
    target = reverse("admin:faqs_faq_changelist")
    response = client.post(
        reverse("admin:login"),
        {"username": "signer", "password": "a-long-test-password", "next": target},
    )
    assert response["Location"] == target
