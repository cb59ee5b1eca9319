"""``public.instances.with_only``: an instance from values already read, the rest deferred."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from member_states.models import MemberState
from public.instances import with_only
from tests.factories import MemberStateFactory

pytestmark = pytest.mark.django_db


def test_an_instance_holds_the_values_and_reads_the_rest_only_when_asked():
    stored = MemberStateFactory(name="Viet Nam", slug="viet-nam")
    with CaptureQueriesContext(connection) as queries:
        state = with_only(MemberState, pk=stored.pk, slug="viet-nam", name="Viet Nam")
        shown = (state.pk, state.name, state.get_absolute_url())
    assert len(queries) == 0
    assert shown == (stored.pk, "Viet Nam", stored.get_absolute_url())
    assert state == stored and not state._state.adding
    assert "slug" not in state.get_deferred_fields()
    assert "state" in state.get_deferred_fields()
    assert state.state == stored.state  # read when asked
