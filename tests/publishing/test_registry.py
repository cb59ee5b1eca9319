"""The content-type registry: every registered type walks draft → published → unpublished
through the real site (its page, its list, search, the sitemap, its feeds and open data),
and the wings learn about the apps only from the registry."""

import json
from urllib.parse import quote

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.test.utils import isolate_apps
from django.urls import reverse
from django.utils.html import escape

from publishing.content import ContentModel, State
from publishing.registry import check_content_models, problems, registry
from tests import factories

# Being rewritten on another branch (issue 12, "one path for every change"); its retag action
# should read the taxonomy from the field: ``model._meta.get_field("topics").related_model``.


def factory_for(model):
    """The factory in ``tests/factories.py`` that makes ``model``: a new type needs one."""
    for value in vars(factories).values():
        meta = getattr(value, "_meta", None)
        if getattr(meta, "model", None) is model and hasattr(value, "create"):
            return value
    raise AssertionError(f"tests/factories.py has no factory for {model.__name__}: add one.")


def page_of(obj):
    """The public page an item is shown on (an FAQ is an anchor on the FAQ list)."""
    return obj.get_absolute_url().partition("#")[0]


def text_of(response):
    return response.content.decode()


def shown(client, url, obj):
    """Is ``obj`` on the page at ``url``? A page that is not there does not show it."""
    response = client.get(url)
    if response.status_code == 404:
        return False
    assert response.status_code == 200, url
    return escape(str(obj)) in text_of(response)


def in_search(client, obj):
    response = client.get(f"{reverse('search')}?q={quote(chr(34) + str(obj) + chr(34))}")
    assert response.status_code == 200
    return f'href="{escape(obj.get_absolute_url())}"' in text_of(response)


def in_sitemap(client, content_type, obj):
    response = client.get(f"/sitemap-{content_type.sitemap.section}.xml")
    assert response.status_code == 200
    return f"<loc>http://testserver{obj.get_absolute_url()}</loc>" in text_of(response)


def in_dataset(client, content_type, obj):
    response = client.get(f"{reverse(content_type.listing)}?format=json")
    assert response.status_code == 200
    items = json.loads(b"".join(response.streaming_content))["items"]
    return obj.slug in {item["slug"] for item in items}


def where_seen(client, content_type, obj):
    """Every public place this type is registered to appear in, and whether ``obj`` is there."""
    seen = {"page": shown(client, page_of(obj), obj)}
    if content_type.listing:
        seen["list"] = shown(client, reverse(content_type.listing), obj)
    if content_type.search:
        seen["search"] = in_search(client, obj)
    if content_type.sitemap:
        seen["sitemap"] = in_sitemap(client, content_type, obj)
    for feed in content_type.feeds:
        seen[feed] = shown(client, reverse(feed), obj)
    if content_type.dataset:
        seen["open data"] = in_dataset(client, content_type, obj)
    return seen


@pytest.mark.parametrize("content_type", registry.types(), ids=lambda t: t.label)
def test_every_registered_type_is_public_only_while_published(client, db, content_type):
    obj = factory_for(content_type.model)(draft=True)
    places = where_seen(client, content_type, obj)
    assert not any(places.values()), f"a draft is visible: {places}"

    obj.state = State.PUBLISHED
    obj.save()
    places = where_seen(client, content_type, obj)
    assert all(places.values()), f"a published item is missing: {places}"

    obj.state = State.DRAFT
    obj.save()
    places = where_seen(client, content_type, obj)
    assert not any(places.values()), f"an unpublished item is still visible: {places}"


def test_every_concrete_content_model_is_registered():
    assert check_content_models() == []


def test_an_unregistered_content_model_fails_the_system_check():
    model = registry.types()[0].model
    with registry.restoring():
        registry.unregister(model)
        errors = check_content_models()
    unregistered = [e for e in errors if e.id == "publishing.E001"]
    assert [e.obj for e in unregistered] == [model]
    assert model._meta.label in unregistered[0].msg


@isolate_apps("asean_portal")
def test_the_registry_refuses_a_model_without_history_or_publish_permission():
    class Leaflet(ContentModel):
        title = models.CharField(max_length=20)

        class Meta:
            app_label = "asean_portal"

    found = problems(Leaflet)
    assert any("history" in p for p in found)
    assert any("publish permission" in p for p in found)
    with registry.restoring(), pytest.raises(ImproperlyConfigured, match="cannot be registered"):
        registry.register(Leaflet)


def test_the_registry_refuses_a_model_that_is_not_content():
    from initiatives.models import Milestone

    with registry.restoring(), pytest.raises(ImproperlyConfigured, match="not a ContentModel"):
        registry.register(Milestone)


def test_a_type_cannot_be_registered_twice():
    model = registry.types()[0].model
    with registry.restoring(), pytest.raises(ImproperlyConfigured, match="twice"):
        registry.register(model)


def test_the_walk_covers_what_the_site_registers():
    """The apps register these; a new type joins the walk above by registering."""
    labels = {t.label for t in registry.types()}
    assert {
        "divisions.Division",
        "initiatives.Initiative",
        "initiatives.Topic",
        "faqs.FAQ",
        "asean_portal.SiteSection",
    } <= labels


def test_a_search_kind_the_index_does_not_know_fails_the_system_check():
    from search.documents import check_search_kinds

    assert check_search_kinds() == []
    content_type = registry.types()[-1]
    search = registry_search(kind="leaflet")
    with registry.restoring():
        registry.unregister(content_type.model)
        registry.register(content_type.model, search=search)
        errors = check_search_kinds()
    assert [e.id for e in errors] == ["search.E001"]
    assert "leaflet" in errors[0].msg


def registry_search(kind):
    from publishing.registry import Entry, Search

    return Search(kind=kind, build=lambda obj: Entry(title=str(obj)))


def test_the_data_page_lists_every_registered_dataset(client, db):
    page = text_of(client.get(reverse("data")))
    datasets = [t.dataset for t in registry.types() if t.dataset]
    assert datasets
    for dataset in datasets:
        assert escape(dataset.title) in page


def test_public_models_are_the_types_their_parts_and_their_link_tables():
    from initiatives.models import Initiative, Milestone
    from member_states.models import MemberState
    from publishing.models import Draft
    from search.models import SearchDocument

    public = registry.public_models()
    assert {Initiative, Milestone, MemberState, Initiative.topics.through} <= set(public)
    assert registry.is_public(Initiative.member_states.through)
    assert not registry.is_public(SearchDocument)
    assert not registry.is_public(Draft)
    assert not registry.is_public(Initiative.history.model)


def test_reviewed_types_name_one_owning_division_model():
    from divisions.models import Division

    assert {t.owning_division_model() for t in registry.types() if t.review} == {Division}
