"""Stored XSS: the whole corpus in every text field staff can edit, one object of each kind
per payload, read on every public page and in the admin; the HTML must stay inert (see
tests/publishing/xss.py). Its own module: the corpus is stored once for both readers and
kept until the module ends."""

import pytest
from django.urls import reverse

from tests.module_data import kept_for_the_module
from tests.publishing.xss import CONTENT_MODELS, PAYLOADS, check, report, store_payload

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def stored(django_db_setup, django_db_blocker):
    """The whole corpus stored at once: one object of each kind per payload (made once for
    the module's two readers, public and admin)."""
    with kept_for_the_module(django_db_blocker):
        yield [store_payload(number, payload) for number, payload in enumerate(PAYLOADS)]


def test_stored_payloads_stay_inert_on_every_public_page(client, stored):
    findings = []
    pages = [
        reverse("home"),
        reverse("about"),
        reverse("divisions:list"),
        reverse("faqs:list"),
    ]
    pages += [f"{reverse('initiatives:list')}?page={n}" for n in range(1, len(stored) // 20 + 2)]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        check(response, url, 0, findings)
    for number, objects in enumerate(stored):
        for kind in ("division", "initiative", "topic"):
            url = objects[kind].get_absolute_url()
            response = client.get(url)
            assert response.status_code == 200, url
            check(response, url, number, findings)
    assert not findings, report(findings)


def test_stored_payloads_stay_inert_in_the_admin(staff_client, stored):
    """Staff read what other staff wrote: the admin escapes it too. Each payload is checked
    on one model's change form (in turn), every changelist page on all of them."""
    findings = []
    for model in CONTENT_MODELS:
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        first = staff_client.get(changelist)
        assert first.status_code == 200, changelist
        for page in range(1, first.context["cl"].paginator.num_pages + 1):
            url = f"{changelist}?p={page}"
            response = staff_client.get(url)
            assert response.status_code == 200, url
            check(response, url, 0, findings, admin=True)
    kinds = list(stored[0])
    for number, objects in enumerate(stored):
        obj = objects[kinds[number % len(kinds)]]
        meta = obj._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
        response = staff_client.get(url)
        assert response.status_code == 200, url
        check(response, url, number, findings, admin=True)
    assert not findings, report(findings)
