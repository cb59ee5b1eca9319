"""The anonymous page cache is never stale, never caches staff, and answers 304s."""

import datetime

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from caching import content_token
from caching.page_cache import PageCacheMiddleware
from initiatives.models import Initiative, Milestone
from member_states.models import MemberState
from publishing.content import State
from sources.models import Citation
from tests.factories import (
    DivisionFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("initiatives:list")
HOME = reverse("home")


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def page_keys():
    """The pages in the (local-memory) cache."""
    return [key for key in cache._cache if ":page:" in key and not key.endswith(":making")]


def is_cache_hit(queries_for, url):
    """A cached page runs one query (the content token) instead of the page's own."""
    return queries_for(url) == 1


@pytest.fixture(params=[False, True], ids=["version in database", "version mirrored"])
def committed(request, settings, django_capture_on_commit_callbacks):
    """Run a test both ways: the version read from the database (local-memory cache), and
    mirrored in the cache as with Redis, where a writer refreshes the mirror on commit.
    ``with committed():`` around a write runs what waits for its commit (the test itself
    runs in a transaction that never commits)."""
    settings.CONTENT_VERSION_IN_CACHE = request.param
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- nothing stale ---------------------------------------------------------------------


def test_a_page_is_cached_for_the_public(client, queries_for):
    InitiativeFactory(title="Single Window")
    assert queries_for(LIST) > 1
    assert is_cache_hit(queries_for, LIST)
    assert "Single Window" in text(client, LIST)


def test_a_published_draft_appears_at_once_everywhere(client, committed):
    initiative = InitiativeFactory(title="Blue Economy", featured=True, draft=True)
    assert "Blue Economy" not in text(client, LIST) + text(client, HOME)
    assert client.get(initiative.get_absolute_url()).status_code == 404

    with committed():
        initiative.state = State.PUBLISHED
        initiative.save()

    assert "Blue Economy" in text(client, LIST)
    assert "Blue Economy" in text(client, HOME)
    assert "Blue Economy" in text(client, initiative.get_absolute_url())


def test_a_change_appears_on_every_page_showing_it(client, committed):
    division = DivisionFactory(name="Economic Department")
    initiative = InitiativeFactory(title="Old Title", lead_division=division, featured=True)
    pages = [LIST, HOME, initiative.get_absolute_url(), division.get_absolute_url()]
    for url in pages:
        assert "Old Title" in text(client, url)

    with committed():
        initiative.title = "New Title"
        initiative.save()

    for url in pages:
        html = text(client, url)
        assert "New Title" in html and "Old Title" not in html, url


def test_unpublishing_through_the_admin_action_hides_it_at_once(client, staff_client, committed):
    initiative = InitiativeFactory(title="Withdrawn Plan")
    assert "Withdrawn Plan" in text(client, LIST)
    with committed():
        response = staff_client.post(
            reverse("admin:initiatives_initiative_changelist"),
            {"action": "unpublish", "_selected_action": [initiative.pk]},
        )
    assert response.status_code == 302
    assert "Withdrawn Plan" not in text(client, LIST)
    assert client.get(initiative.get_absolute_url()).status_code == 404


def test_deleting_hides_it_at_once(client, committed):
    kept = InitiativeFactory(title="Kept")
    gone = InitiativeFactory(title="Gone")
    assert "Gone" in text(client, LIST)
    url = gone.get_absolute_url()
    assert client.get(url).status_code == 200

    with committed():
        gone.delete()
    assert "Gone" not in text(client, LIST)
    assert client.get(url).status_code == 404

    with committed():
        Initiative.objects.filter(pk=kept.pk).delete()  # a queryset delete, as the admin does
    assert "Kept" not in text(client, LIST)


def test_links_milestones_and_member_states_are_content_too(client, committed):
    initiative = InitiativeFactory()
    url = initiative.get_absolute_url()
    assert "Connectivity" not in text(client, url)

    with committed():
        initiative.topics.add(TopicFactory(name="Connectivity"))
    assert "Connectivity" in text(client, url)

    with committed():
        MilestoneFactory(initiative=initiative, title="Roadmap adopted")
    assert "Roadmap adopted" in text(client, url)

    with committed():
        state = MemberStateFactory(name="Viet Nam", slug="viet-nam", iso_code="VN")
        initiative.member_states.add(state)
    assert "Viet Nam" in text(client, url)
    with committed():
        state.name = "Việt Nam"
        state.save()
    assert "Việt Nam" in text(client, url)
    with committed():
        MemberState.objects.get(pk=state.pk).delete()
    assert "Việt Nam" not in text(client, url)


def test_deleting_a_milestone_in_the_admin_updates_the_page(client, staff_client):
    initiative = InitiativeFactory(title="Plan")
    milestone = MilestoneFactory(initiative=initiative, title="Old milestone")
    [citation] = Citation.objects.filter(object_id=initiative.pk)
    assert "Old milestone" in text(client, initiative.get_absolute_url())
    change = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    form = staff_client.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(
        {
            "lead_division": initiative.lead_division_id,
            "publish_at_0": "",
            "publish_at_1": "",
            "unpublish_at_0": "",
            "unpublish_at_1": "",
            "planned_start": "2020-01-01",
            "planned_end": "2025-12-31",
            "milestones-TOTAL_FORMS": "1",
            "milestones-INITIAL_FORMS": "1",
            "milestones-0-id": milestone.pk,
            "milestones-0-initiative": initiative.pk,
            "milestones-0-title": milestone.title,
            "milestones-0-planned": "2024-06-30",
            "milestones-0-order": "0",
            "milestones-0-DELETE": "on",
            # Its "Sources" inline, unchanged (a published initiative cites a source).
            "indicators-TOTAL_FORMS": "0",
            "indicators-INITIAL_FORMS": "0",
            "sources-citation-content_type-object_id-TOTAL_FORMS": "1",
            "sources-citation-content_type-object_id-INITIAL_FORMS": "1",
            "sources-citation-content_type-object_id-0-id": citation.pk,
            "sources-citation-content_type-object_id-0-source": citation.source_id,
            "sources-citation-content_type-object_id-0-order": "0",
        }
    )
    for name in ("topics", "supporting_divisions", "member_states"):
        data.pop(name, None)
    response = staff_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not Milestone.objects.exists()
    assert "Old milestone" not in text(client, initiative.get_absolute_url())


def test_a_scheduled_item_goes_live_and_off_at_its_moments(client, monkeypatch, committed):
    now = timezone.now()
    InitiativeFactory(title="Starts Tomorrow", publish_at=now + datetime.timedelta(days=1))
    InitiativeFactory(title="Ends Tomorrow", unpublish_at=now + datetime.timedelta(days=1))
    html = text(client, LIST)
    assert "Starts Tomorrow" not in html and "Ends Tomorrow" in html
    assert "Ends Tomorrow" in text(client, LIST)  # from the cache

    # No one writes anything; the clock passes both moments.
    later = now + datetime.timedelta(days=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    html = text(client, LIST)
    assert "Starts Tomorrow" in html and "Ends Tomorrow" not in html


def test_a_schedule_set_before_the_version_existed_is_still_kept(client, monkeypatch):
    now = timezone.now()
    InitiativeFactory(title="Later", publish_at=now + datetime.timedelta(hours=2))
    content_token._model().objects.all().delete()  # as on a database restored from a dump
    assert "Later" not in text(client, LIST)
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=3))
    assert "Later" in text(client, LIST)


# --- staff, previews and personal responses are never cached --------------------------


def test_staff_pages_bypass_the_cache_and_are_never_stored(client, staff_client, queries_for):
    draft = InitiativeFactory(title="Secret Draft", draft=True)
    preview = staff_client.get(draft.get_absolute_url())
    assert "Preview:" in preview.content.decode()
    assert "private" in preview["Cache-Control"]
    assert "ETag" not in preview
    assert client.get(draft.get_absolute_url()).status_code == 404

    staff_client.get(LIST)
    assert page_keys() == []  # the staff's visit stored nothing
    queries_for(LIST)
    assert len(page_keys()) == 1
    assert "Secret Draft" not in text(client, LIST)


def test_a_visitor_with_a_pending_message_is_not_served_from_the_cache(client, queries_for):
    InitiativeFactory()
    queries_for(LIST)
    assert is_cache_hit(queries_for, LIST)
    client.cookies["messages"] = "something"
    assert not is_cache_hit(queries_for, LIST)


@pytest.mark.parametrize(
    ("response", "stored"),
    [
        (HttpResponse("ok"), True),
        (HttpResponse("ok", headers={"Vary": "Cookie"}), True),
        (HttpResponse("ok", headers={"Cache-Control": "private"}), False),
        (HttpResponse("ok", headers={"Cache-Control": "no-store"}), False),
        (HttpResponse("ok", headers={"Vary": "Accept-Encoding"}), False),
        (HttpResponse("gone", status=404), False),
        (HttpResponse("bad", status=400), False),
        (HttpResponse("ok", headers={"Content-Security-Policy": "script-src 'self'"}), True),
        (HttpResponse("ok", headers={"Content-Security-Policy": "script-src 'nonce-abc'"}), False),
    ],
)
def test_only_plain_public_200s_are_stored(response, stored):
    assert PageCacheMiddleware.is_public(response) is stored


def test_a_response_too_large_to_keep_is_served_but_not_stored(client, monkeypatch):
    from caching import page_cache

    InitiativeFactory()
    monkeypatch.setattr(page_cache, "MAX_BYTES", 100)
    response = client.get(LIST)
    assert response.status_code == 200 and "ETag" in response
    assert page_keys() == []


def test_a_response_setting_a_cookie_is_not_stored():
    response = HttpResponse("ok")
    response.set_cookie("csrftoken", "x")
    assert not PageCacheMiddleware.is_public(response)


def test_bad_filters_and_the_admin_are_not_cached(client):
    assert client.get(f"{LIST}?division=nope").status_code == 400
    login = client.get(reverse("admin:login"))
    assert login.status_code == 200 and "ETag" not in login
    assert page_keys() == []
    assert client.get(LIST).status_code == 200
    assert len(page_keys()) == 1


# --- validators and 304 ----------------------------------------------------------------


def test_public_pages_carry_validators_and_answer_304(client):
    initiative = InitiativeFactory(title="Tracked")
    url = initiative.get_absolute_url()
    first = client.get(url)
    assert first["Cache-Control"] == "no-cache"
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and last_modified.endswith("GMT")

    for headers in ({"if_none_match": etag}, {"if_modified_since": last_modified}):
        again = client.get(url, headers=headers)
        assert again.status_code == 304, headers
        assert again.content == b"" and again["ETag"] == etag

    initiative.title = "Tracked, renamed"
    initiative.save()
    changed = client.get(url, headers={"if_none_match": etag})
    assert changed.status_code == 200
    assert "Tracked, renamed" in changed.content.decode()
    assert changed["ETag"] != etag


def test_a_head_request_gets_the_headers_without_the_body(client):
    InitiativeFactory()
    full = client.get(LIST)
    head = client.head(LIST)
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == full["ETag"]


def test_the_page_cache_can_be_turned_off(client, settings, queries_for):
    settings.PAGE_CACHE_ENABLED = False
    InitiativeFactory()
    first = queries_for(LIST)
    assert queries_for(LIST) > 1 and first > 1
    assert page_keys() == []
    assert "ETag" in client.get(LIST)


def test_a_release_makes_every_page_afresh(client):
    """After ``migrate`` (each release) the token changes: new templates show at once."""
    InitiativeFactory()
    client.get(LIST)
    before = content_token.current().token
    content_token.after_migrate(using="default")
    assert content_token.current().token != before


# --- after a change, one request remakes a page ----------------------------------------


def making_key(client, url):
    """The claim key of ``url``'s page, as the middleware names it."""
    (key,) = [k.split(":", 2)[2] for k in page_keys()]
    assert client.get(url).status_code == 200
    return f"{key}:making"


def test_while_another_request_remakes_a_page_others_get_the_previous_copy(client, committed):
    initiative = InitiativeFactory(title="Blue Economy")
    cache.clear()
    assert "Blue Economy" in text(client, LIST)
    lock = making_key(client, LIST)

    with committed():
        initiative.title = "Green Economy"
        initiative.save()
    cache.add(lock, 1, 10)  # another request is making the page under the new token

    assert "Blue Economy" in text(client, LIST)  # the previous copy, not a second render

    cache.delete(lock)  # that request finished (or died and its claim expired)
    assert "Green Economy" in text(client, LIST)
    assert "Green Economy" in text(client, LIST)  # and it is kept under the new token


def test_the_first_request_after_a_change_makes_the_page_and_releases_its_claim(client, committed):
    initiative = InitiativeFactory(title="Blue Economy")
    cache.clear()
    text(client, LIST)
    lock = making_key(client, LIST)

    with committed():
        initiative.title = "Green Economy"
        initiative.save()

    assert "Green Economy" in text(client, LIST)
    assert cache.get(lock) is None


def test_a_page_never_made_before_is_made_even_while_claimed(client, rf):
    InitiativeFactory(title="Blue Economy")
    cache.clear()
    # Nothing to answer with: a claim (say, a dead request's) never keeps a visitor waiting.
    cache.add(f"{PageCacheMiddleware.key(rf.get(LIST))}:making", 1, 10)
    assert "Blue Economy" in text(client, LIST)
    assert len(page_keys()) == 1
