""" "Also open by … since …" (a soft lock that expires), and a Publisher's lock."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from faqs.models import FAQ
from tests.admin_forms import admin_url as url
from tests.admin_forms import assert_saved, edit, form_data
from tests.factories import FAQFactory, RoleUserFactory

pytestmark = pytest.mark.django_db


def signed_in(username, role="Editor", **names):
    client = Client()
    client.force_login(RoleUserFactory(username=username, role=role, **names))
    return client


def test_also_open_by_someone_since_and_it_expires(settings):
    settings.EDIT_PRESENCE_MINUTES = 30
    amal = signed_in("amal", first_name="Amal", last_name="Rahman")
    budi = signed_in("budi")
    faq = FAQFactory()
    change = url(FAQ, "change", faq.pk)
    now = timezone.now()
    with time_machine.travel(now, tick=False):  # the minute shown is the minute it was opened
        amal.get(change)
        page = budi.get(change).content.decode()
    opened = timezone.localtime(now).strftime("%H:%M")
    assert "Also open by Amal Rahman since" in page and opened in page
    assert "Also open by Amal" not in amal.get(change).content.decode()  # not oneself
    with time_machine.travel(now + datetime.timedelta(minutes=31)):
        assert "Also open by" not in budi.get(change).content.decode()


def test_a_save_closes_ones_presence():
    amal, budi = signed_in("amal", role="Publisher"), signed_in("budi")
    faq = FAQFactory()
    change = url(FAQ, "change", faq.pk)
    assert_saved(amal.post(change, form_data(amal.get(change), answer="New.")))
    assert "Also open by" not in budi.get(change).content.decode()


def test_a_publisher_locks_an_item_and_nobody_else_saves_it():
    amal, budi = signed_in("amal", role="Publisher"), signed_in("budi", role="Publisher")
    faq = FAQFactory(answer="Old.")
    change = url(FAQ, "change", faq.pk)
    assert amal.post(url(FAQ, "lock", faq.pk), {"note": "Legal check"}).status_code == 302
    page = budi.get(change)
    assert "Locked by amal" in page.content.decode() and "Legal check" in page.content.decode()
    refused = budi.post(change, form_data(page, answer="Budi's."))
    assert refused.status_code == 200 and "nothing can be saved" in refused.content.decode()
    assert FAQ.objects.get(pk=faq.pk).answer == "Old."
    assert_saved(edit(amal, faq, answer="Amal's."))  # the lock holder saves
    amal.post(url(FAQ, "unlock", faq.pk))
    assert_saved(edit(budi, faq, answer="Budi's."))


def test_an_editor_may_not_lock(editor_client):
    faq = FAQFactory()
    assert editor_client.post(url(FAQ, "lock", faq.pk)).status_code == 403
    assert (
        "Lock it while you work"
        not in editor_client.get(url(FAQ, "change", faq.pk)).content.decode()
    )
