"""Protected staff accounts: lockout, two-factor sign-in (required by production settings,
switched on here with ADMIN_REQUIRE_2FA), enrolment and recovery, password rules, sessions
that end, a movable admin, and a log of every sign-in."""

import datetime
import importlib
import logging

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory
from django.urls import clear_url_caches, reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

import asean_portal.urls
from asean_portal.admin_site import NOT_ENROLLED
from asean_portal.management.commands.twofactor import issue_recovery_codes
from staff.client_ip import client_ip
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # tests/factories.py
LOGIN = reverse("admin:login")
INDEX = reverse("admin:index")


def sign_in(client, username="editor", password=PASSWORD, code=None, ip="192.0.2.10"):
    data = {"username": username, "password": password, "next": INDEX}
    if code is not None:
        data["otp_token"] = code
    return client.post(LOGIN, data, REMOTE_ADDR=ip)


def current_code(device):
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(
        device.digits
    )


@pytest.fixture(autouse=True)
def lockout(settings):
    """The lockout backend in front, as in development and production settings (the test
    settings leave it out so that other tests can use the test client's login())."""
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        *settings.AUTHENTICATION_BACKENDS,
    ]


@pytest.fixture
def enrolled(staff):
    """The staff member ``editor`` with an authenticator app and recovery codes."""
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    return device, issue_recovery_codes(staff)


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_REQUIRE_2FA = True


# --- lockout ------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_at_that_address(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    for attempt in range(1, 6):
        response = sign_in(client, password="wrong-password")
        assert response.status_code == (429 if attempt == 5 else 200)  # else: the form again
    locked = sign_in(client)  # even the right password is refused now
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()
    assert "_auth_user_id" not in client.session

    # Someone else, or the same person elsewhere, is not locked out.
    StaffFactory(username="colleague")
    assert sign_in(Client(), username="colleague").status_code == 302
    assert sign_in(Client(), ip="198.51.100.7").status_code == 302


def test_an_operator_can_unlock_an_account(client, staff):
    for _ in range(5):
        sign_in(client, password="wrong-password")
    call_command("axes_reset_username", "editor", stdout=None)
    assert sign_in(client).status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, staff):
    for _ in range(4):
        sign_in(client, password="wrong-password")
    assert sign_in(client).status_code == 302
    assert not AccessAttempt.objects.filter(username="editor").exists()


# --- two-factor sign-in ---------------------------------------------------------------------


def test_without_production_settings_a_password_is_enough(client, staff):
    assert sign_in(client).status_code == 302
    assert client.get(INDEX).status_code == 200


def test_sign_in_page_asks_for_a_code(client, two_factor):
    html = client.get(LOGIN).content.decode()
    assert 'name="otp_token"' in html and "Authentication code" in html


def test_a_password_alone_is_not_enough(client, staff, enrolled, two_factor):
    response = sign_in(client)
    assert response.status_code == 200
    assert "Please enter your OTP token." in response.content.decode()
    assert client.get(INDEX).status_code == 302


def test_password_and_code_from_the_app_sign_in(client, staff, enrolled, two_factor):
    device, _ = enrolled
    response = sign_in(client, code=current_code(device))
    assert response.status_code == 302, response.content.decode()
    assert client.get(INDEX).status_code == 200


def test_a_wrong_code_is_refused_and_counts_towards_the_lockout(
    client, staff, enrolled, two_factor
):
    wrong = str((int(current_code(enrolled[0])) + 1) % 1_000_000).zfill(6)
    response = sign_in(client, code=wrong)
    assert response.status_code == 200
    assert "Invalid token" in response.content.decode()
    assert client.get(INDEX).status_code == 302
    assert AccessAttempt.objects.get(username="editor").failures_since_start == 1
    for _ in range(4):
        sign_in(client, code="12345x")
    assert sign_in(client, code=current_code(enrolled[0])).status_code == 429


def test_a_recovery_code_works_once(client, staff, enrolled, two_factor):
    _, codes = enrolled
    assert sign_in(client, code=codes[0]).status_code == 302
    assert client.get(INDEX).status_code == 200
    assert sign_in(Client(), code=codes[0]).status_code == 200  # used up
    assert StaticToken.objects.count() == len(codes) - 1


def test_a_staff_member_not_enrolled_is_told_what_to_do(client, staff, two_factor):
    response = sign_in(client, code="123456")
    assert response.status_code == 200
    assert NOT_ENROLLED in response.content.decode()


def test_a_session_without_the_second_factor_does_not_open_the_admin(staff, two_factor):
    client = Client()
    client.force_login(staff)  # signed in, but never verified by a device
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_members_of_the_public_cannot_sign_in_to_the_admin(client, two_factor):
    UserFactory(username="reader")
    response = sign_in(client, username="reader", code="123456")
    assert response.status_code == 200
    assert client.get(INDEX).status_code == 302


# --- enrolment and recovery (manage.py twofactor) -------------------------------------------


def run(*args):
    import io

    out = io.StringIO()
    call_command("twofactor", *args, stdout=out)
    return out.getvalue()


def test_enrol_prints_a_qr_code_the_address_and_recovery_codes(staff, two_factor):
    out = run("enrol", "editor")
    device = TOTPDevice.objects.get(user=staff)
    assert device.confirmed
    assert device.config_url in out
    assert device.config_url.startswith("otpauth://totp/")
    assert "ASEAN%20Secretariat%20Knowledge%20Portal" in device.config_url
    assert "█" in out or "▀" in out  # the QR code, drawn in the terminal
    codes = set(StaticToken.objects.values_list("token", flat=True))
    assert len(codes) == 10 and all(code in out for code in codes)
    # The printed secret really signs in.
    assert sign_in(Client(), code=current_code(device)).status_code == 302


def test_enrolling_twice_needs_replace_and_then_the_old_phone_stops_working(staff, two_factor):
    run("enrol", "editor")
    old = TOTPDevice.objects.get(user=staff)
    old_codes = list(StaticToken.objects.values_list("token", flat=True))
    with pytest.raises(CommandError, match="--replace"):
        run("enrol", "editor")
    run("enrol", "editor", "--replace")
    new = TOTPDevice.objects.get(user=staff)
    assert new.pk != old.pk and new.key != old.key
    assert not StaticToken.objects.filter(token__in=old_codes).exists()


def test_new_recovery_codes_replace_the_old_ones(staff, enrolled):
    _, old_codes = enrolled
    out = run("recovery-codes", "editor")
    new_codes = list(StaticToken.objects.values_list("token", flat=True))
    assert len(new_codes) == 10 and all(code in out for code in new_codes)
    assert not set(old_codes) & set(new_codes)


def test_remove_and_status(staff, enrolled):
    StaffFactory(username="newcomer")
    status = run("status")
    assert "editor: enrolled" in status and "newcomer: NOT ENROLLED" in status
    run("remove", "editor")
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert not StaticToken.objects.exists()


@pytest.mark.parametrize(("username", "message"), [("nobody", "no user"), ("reader", "not staff")])
def test_enrol_refuses_unknown_users_and_non_staff(username, message):
    UserFactory(username="reader")
    with pytest.raises(CommandError, match=message):
        run("enrol", username)


# --- passwords and sessions -----------------------------------------------------------------


@pytest.mark.parametrize("password", ["short1!", "password1234", "123456789012", "editor-editor"])
def test_weak_passwords_are_refused(password):
    user = UserFactory.build(username="editor-editor", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_the_admin_refuses_a_weak_password_for_a_new_account(staff_client):
    response = staff_client.post(
        reverse("admin:auth_user_add"),
        {"username": "newcomer", "password1": "password1234", "password2": "password1234"},
    )
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()


def test_sessions_end_with_the_browser_and_after_a_working_day(client, staff, settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    sign_in(client)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    session = Session.objects.get()
    assert session.expire_date <= timezone.now() + datetime.timedelta(hours=8, seconds=5)

    assert client.get(INDEX).status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(INDEX).status_code == 302  # expired: sign in again


# --- the admin's address ------------------------------------------------------------------------


@pytest.fixture
def admin_at(settings):
    def move(url):
        settings.ADMIN_URL = url
        importlib.reload(asean_portal.urls)
        clear_url_caches()

    yield move
    move("admin/")


def test_the_admin_can_live_elsewhere(client, staff_client, admin_at):
    admin_at("staff-desk-7f3a/")
    assert reverse("admin:index") == "/staff-desk-7f3a/"
    assert client.get("/admin/").status_code == 404
    assert staff_client.get("/staff-desk-7f3a/").status_code == 200
    response = client.get("/staff-desk-7f3a/")
    assert response["Location"].startswith("/staff-desk-7f3a/login/")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # robots.txt does not give the new address away.
    robots = client.get("/robots.txt").content.decode()
    assert "staff-desk" not in robots and "Disallow: /admin/" not in robots


def test_robots_txt_keeps_crawlers_out_of_the_default_admin(client):
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()


# --- the sign-in log ------------------------------------------------------------------------------


def test_sign_ins_failures_sign_outs_and_lockouts_are_logged(client, staff, caplog):
    caplog.set_level(logging.INFO, logger="asean_portal.auth")
    sign_in(client, password="wrong-password", ip="192.0.2.44")
    sign_in(client, ip="192.0.2.44")
    client.post(reverse("admin:logout"), REMOTE_ADDR="192.0.2.44")
    for _ in range(5):
        sign_in(client, password="wrong-password", ip="192.0.2.44")
    records = [r for r in caplog.records if r.name == "asean_portal.auth"]
    events = [r.event for r in records]
    assert events[:3] == ["sign-in-failed", "sign-in", "sign-out"]
    assert "locked-out" in events
    assert all(r.ip == "192.0.2.44" for r in records)
    assert all(r.getMessage().endswith("editor") for r in records)
    assert not any(
        PASSWORD in r.getMessage() or "wrong-password" in r.getMessage() for r in records
    )


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy trusted: the header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a client-written entry is skipped
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # fewer hops than configured: do not guess
    ],
)
def test_the_client_address_behind_proxies(settings, hops, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = hops
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
