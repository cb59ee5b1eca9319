import pytest

from tests.factories import StaffFactory, UserFactory


@pytest.fixture
def staff(db):
    return StaffFactory(username="editor")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def member_client(client, db):
    """A signed-in user who is not staff."""
    client.force_login(UserFactory(username="reader"))
    return client
