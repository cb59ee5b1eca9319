import datetime

import pytest
from django.test import Client

from caching import after_commit
from tests.factories import StaffFactory, UserFactory


class CommittingClient(Client):
    """Each request is its own transaction in production: what its commit sets off (the
    search index, the content token: ``caching.after_commit``) is done when it returns,
    though the test's own transaction never commits. What the test wrote before the
    request is committed first, as a shell's writes would be."""

    def request(self, **request):
        after_commit.run_pending()
        response = super().request(**request)
        after_commit.run_pending()
        return response


@pytest.fixture
def client():
    """pytest-django's ``client``, committing each request (``CommittingClient``)."""
    return CommittingClient()


@pytest.fixture
def staff(db):
    return StaffFactory(username="editor")


@pytest.fixture
def staff_client(staff):
    """A signed-in staff member; independent of the anonymous ``client``."""
    staff_client = CommittingClient()
    staff_client.force_login(staff)
    return staff_client


@pytest.fixture
def member_client(db):
    """A signed-in user who is not staff."""
    member_client = CommittingClient()
    member_client.force_login(UserFactory(username="reader"))
    return member_client


@pytest.fixture
def queries_for(client):
    """``queries_for(url)``: how many SQL queries one GET of ``url`` runs (status 200 asserted)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url, expected_status=200):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == expected_status, url
        return len(ctx.captured_queries)

    return count


# Both ends of the UTC day. The portal keeps Asia/Jakarta time (UTC+7): at 23:30 UTC it is
# already tomorrow there, at 00:30 UTC it is the same day in both. A test that compares a
# UTC date with a portal date passes at one end and fails at the other.
CLOCK_TIMES = {
    "late in the UTC day": datetime.time(23, 30),
    "early in the UTC day": datetime.time(0, 30),
}


@pytest.fixture(params=list(CLOCK_TIMES))
def any_hour(request):
    """Runs the test twice, its clock set to 23:30 UTC and to 00:30 UTC of today's date (and
    ticking on from there). Ask for it first, so every fixture's data is made at that time."""
    import time_machine

    moment = datetime.datetime.combine(
        datetime.datetime.now(datetime.UTC).date(), CLOCK_TIMES[request.param], datetime.UTC
    )
    with time_machine.travel(moment, tick=True):
        yield moment


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (pages, counts), as after a deploy."""
    from django.core.cache import cache

    from caching.content_token import local_memory

    cache.clear()
    local_memory.clear()
    yield
    cache.clear()
    local_memory.clear()


# --- issue 4: clients signed in as each staff role ------------------------------------


def _signed_in(user):
    role_client = CommittingClient()
    role_client.force_login(user)
    return role_client


@pytest.fixture
def editor(db):
    from tests.factories import RoleUserFactory

    return RoleUserFactory(username="an-editor", role="Editor")


@pytest.fixture
def publisher(db):
    from tests.factories import RoleUserFactory

    return RoleUserFactory(username="a-publisher", role="Publisher")


@pytest.fixture
def site_admin(db):
    from tests.factories import RoleUserFactory

    return RoleUserFactory(username="a-site-admin", role="Site administrator")


@pytest.fixture
def editor_client(editor):
    return _signed_in(editor)


@pytest.fixture
def publisher_client(publisher):
    return _signed_in(publisher)


@pytest.fixture
def site_admin_client(site_admin):
    return _signed_in(site_admin)
