"""Who runs the portal and how to reach them: the contact form (stored first, spam kept out
without third parties, bad input never a 500), the privacy notice, /about-this-site/ and the
footer on every page, with and without published operator details."""

import time

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from pages.contact import started_stamp
from pages.models import ContactMessage
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

OPERATOR = {
    "name": "Example Civic Media Foundation",
    "url": "https://civic.example.org/",
    "email": "portal@civic.example.org",
    "address": "Jalan Contoh 1\nJakarta",
    "privacy_contact": "privacy@civic.example.org",
}
NO_OPERATOR = dict.fromkeys(OPERATOR, "")


def message(**changes):
    data = {
        "topic": "correction",
        "name": "Siti",
        "email": "siti@example.org",
        "page": "/initiatives/asean-single-window/",
        "message": "The start date looks wrong.",
        "website": "",
        "started": started_stamp(time.time() - 30),
    }
    data.update(changes)
    return data


def post(client, data, ip="203.0.113.7"):
    return client.post(reverse("contact"), data, REMOTE_ADDR=ip)


def test_a_message_is_stored_and_confirmed(client):
    response = post(client, message())
    assert response.status_code == 302
    assert response["Location"] == reverse("contact-sent")
    stored = ContactMessage.objects.get()
    assert (stored.topic, stored.name, stored.email, stored.message) == (
        "correction",
        "Siti",
        "siti@example.org",
        "The start date looks wrong.",
    )
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "your message has been received" in confirmation.content.decode()


def test_only_the_message_is_required(client):
    response = post(client, message(name="", email="", page="", topic="other"))
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1


def test_the_honeypot_refuses_and_stores_nothing(client):
    response = post(client, message(website="http://spam.example"))
    assert response.status_code == 400
    assert "must be left empty" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_a_message_sent_too_fast_is_refused_and_kept_in_the_form(client):
    response = post(client, message(started=started_stamp(time.time() - 1)))
    assert response.status_code == 400
    page = response.content.decode()
    assert "faster than a person can write" in page
    assert "The start date looks wrong." in page  # what was typed stays
    assert not ContactMessage.objects.exists()
    # The form comes back with a fresh timestamp: sent again a little later, it goes.
    form = response.context["form"]
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=10)):
        assert post(client, message(started=form.data["started"])).status_code == 302


@pytest.mark.parametrize("started", ["", "garbage", "1700000000", started_stamp(0)])
def test_a_missing_tampered_or_stale_timestamp_is_refused(client, started):
    response = post(client, message(started=started))
    assert response.status_code == 400
    assert "out of date" in response.content.decode()
    assert not ContactMessage.objects.exists()


@override_settings(CONTACT_MESSAGES_PER_HOUR=2)
def test_one_address_may_send_only_so_many_an_hour(client):
    assert post(client, message()).status_code == 302
    assert post(client, message()).status_code == 302
    response = post(client, message(message="A third one."))
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many messages" in page and "A third one." in page
    assert ContactMessage.objects.count() == 2
    assert post(client, message(), ip="198.51.100.9").status_code == 302  # someone else
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=1, minutes=1)):
        assert post(client, message()).status_code == 302


@pytest.mark.parametrize(
    "changes",
    [
        {"message": ""},
        {"message": "   "},
        {"message": "x" * 5001},
        {"email": "not an address"},
        {"topic": "nonsense"},
        {"topic": ""},
        {"name": "n" * 201},
        {"page": "p" * 501},
        {"message": "\x00 null byte"},
        {"started": ["a", "b"]},
    ],
)
def test_bad_input_gets_a_clear_message_never_a_500(client, changes):
    response = post(client, message(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Your message has not been sent yet" in page
    assert not ContactMessage.objects.exists()


def test_an_empty_post_is_a_400_with_the_form(client):
    response = client.post(reverse("contact"), {})
    assert response.status_code == 400
    assert "Please write your message." in response.content.decode()


def test_the_form_needs_its_csrf_token(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("contact"), message()).status_code == 403
    page = strict.get(reverse("contact"))
    token = page.cookies["csrftoken"].value
    data = message(csrfmiddlewaretoken=token)
    assert strict.post(reverse("contact"), data, REMOTE_ADDR="192.0.2.1").status_code == 302


def test_the_contact_page_is_never_cached(client):
    first = client.get(reverse("contact"))
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert "ETag" not in first  # not taken into the page cache
    token = first.context["csrf_token"]
    second = client.get(reverse("contact"))
    assert 'name="csrfmiddlewaretoken"' in second.content.decode()
    assert "ETag" not in second and str(token)


def test_messages_are_read_only_for_staff(staff_client):
    post_client_message = ContactMessage.objects.create(message="Hello", topic="question")
    listing = staff_client.get(reverse("admin:asean_portal_contactmessage_changelist"))
    assert listing.status_code == 200 and "Hello" in listing.content.decode()
    change = reverse("admin:asean_portal_contactmessage_change", args=[post_client_message.pk])
    response = staff_client.post(change, {"message": "Edited", "topic": "other"})
    assert response.status_code == 403
    assert ContactMessage.objects.get().message == "Hello"


def test_old_messages_are_purged_after_the_retention_period():
    with time_machine.travel(timezone.now() - timezone.timedelta(days=400)):
        ContactMessage.objects.create(message="Old")
    ContactMessage.objects.create(message="New")
    call_command("purge_contact_messages", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(ContactMessage.objects.values_list("message", flat=True)) == ["New"]


# --- who runs it -----------------------------------------------------------------------


def site_pages():
    initiative = InitiativeFactory()
    return [
        reverse("home"),
        reverse("about-this-site"),
        reverse("privacy"),
        reverse("contact"),
        reverse("updates"),
        initiative.get_absolute_url(),
    ]


@override_settings(PORTAL_OPERATOR=NO_OPERATOR)
def test_without_operator_details_every_footer_says_so_plainly(client):
    for url in site_pages():
        page = client.get(url).content.decode()
        assert "not the Secretariat’s own website" in page, url
        assert "The operator’s details have not been published yet." in page, url
        for name in ("about-this-site", "contact", "privacy", "updates"):
            assert f'href="{reverse(name)}"' in page, (url, name)
    about = client.get(reverse("about-this-site")).content.decode()
    assert "have not been published yet" in about
    privacy = client.get(reverse("privacy")).content.decode()
    assert "No separate privacy contact has been published yet" in privacy


@override_settings(PORTAL_OPERATOR=OPERATOR)
def test_with_operator_details_the_site_names_them(client):
    page = client.get(reverse("home")).content.decode()
    assert 'Run by <a href="https://civic.example.org/">Example Civic Media Foundation</a>' in page
    about = client.get(reverse("about-this-site")).content.decode()
    assert "portal@civic.example.org" in about and "Jalan Contoh 1<br>Jakarta" in about
    privacy = client.get(reverse("privacy")).content.decode()
    assert "privacy@civic.example.org" in privacy


def test_the_privacy_notice_says_what_is_kept_and_for_how_long(client):
    page = client.get(reverse("privacy")).content.decode()
    for words in (
        "No cookies",
        "csrftoken",
        "Server logs",
        "365 days",
        "session cookie",
        "8 hours",
        "do not store your IP address",
    ):
        assert words in page, words


def test_the_about_this_site_page_says_what_the_portal_is(client):
    page = client.get(reverse("about-this-site")).content.decode()
    assert "independent" in page and "not run by the Secretariat" in page
    assert 'href="https://asean.org/"' in page


def test_the_new_pages_are_in_the_sitemap(client):
    pages_section = client.get("/sitemap-pages.xml").content.decode()
    for name in ("about-this-site", "privacy", "contact", "updates"):
        assert f"http://testserver{reverse(name)}</loc>" in pages_section, name
