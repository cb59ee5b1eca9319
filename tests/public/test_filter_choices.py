"""Every slug choice on a public list offers the published rows of its model, and only
those: a draft's slug or one scheduled for later is refused with the list's message, and
is offered once it is published or its time comes (the remembered options follow the
content token)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from publishing.content import State
from tests.factories import BodyFactory, DivisionFactory, MemberStateFactory, TopicFactory

pytestmark = pytest.mark.django_db

# (list, parameter, what the message calls it, factory)
CHOICES = [
    ("/initiatives/", "division", "division", DivisionFactory),
    ("/initiatives/", "lead_division", "lead division", DivisionFactory),
    ("/initiatives/", "topic", "topic", TopicFactory),
    ("/initiatives/", "member_state", "member state", MemberStateFactory),
    ("/faqs/", "topic", "topic", TopicFactory),
    ("/faqs/", "division", "division", DivisionFactory),
    ("/documents/", "body", "issuing body", BodyFactory),
    ("/documents/", "member_state", "member state", MemberStateFactory),
    ("/documents/", "topic", "topic", TopicFactory),
    ("/meetings/", "body", "body", BodyFactory),
    ("/meetings/", "member_state", "member state", MemberStateFactory),
]


def refused(client, path, parameter, slug, thing):
    response = client.get(path, {parameter: slug})
    return response.status_code == 400 and f"There is no {thing} “{slug}”." in (
        response.content.decode()
    )


@pytest.mark.parametrize(("path", "parameter", "thing", "factory"), CHOICES)
def test_a_draft_is_refused_until_it_is_published(client, path, parameter, thing, factory):
    shown = factory(slug="shown-one")
    hidden = factory(slug="hidden-one", draft=True)
    assert client.get(path, {parameter: shown.slug}).status_code == 200
    assert refused(client, path, parameter, hidden.slug, thing)
    hidden.state = State.PUBLISHED
    hidden.save()
    assert client.get(path, {parameter: hidden.slug}).status_code == 200


@pytest.mark.parametrize(("path", "parameter", "thing", "factory"), CHOICES)
def test_a_scheduled_row_is_offered_once_its_time_comes(client, path, parameter, thing, factory):
    start = datetime.datetime(2030, 3, 1, 9, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        factory(slug="later-one", publish_at=start + datetime.timedelta(hours=2))
        assert timezone.now() == start
        assert refused(client, path, parameter, "later-one", thing)
    with time_machine.travel(start + datetime.timedelta(hours=3), tick=False):
        assert client.get(path, {parameter: "later-one"}).status_code == 200
