"""The staff side as a whole, and the site sections editors keep in the database."""

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse

from divisions.models import Division
from initiatives.models import Initiative
from pages.models import SiteSection
from publishing.admin.content import MARKDOWN_HELP, ContentAdmin
from publishing.content import ContentModel, State
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    SiteSectionFactory,
    StaffFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:asean_portal_sitesection_changelist")
ADD = reverse("admin:asean_portal_sitesection_add")
# Every app of the project (not the libraries'), so a new app is checked the day it is added.
PROJECT_APPS = settings.LOCAL_APPS


def change_url(section):
    return reverse("admin:asean_portal_sitesection_change", args=[section.pk])


def form_data(**fields):
    """What the site section form posts, publication fields included."""
    return {
        "kind": SiteSection.Kind.ROLE,
        "title": "Coordinating the Community",
        "slug": "coordinating",
        "order": "1",
        "body": "The Secretariat **coordinates**.",
        "state": State.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        # The "Sources" inline, empty.
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
        **fields,
    }


def assert_saved(response):
    """A saved admin form redirects; anything else shows why it did not save."""
    if response.status_code != 302:
        form = response.context["adminform"].form
        raise AssertionError(f"not saved: {form.errors.as_data()}")


# --- the staff side as a whole ---------------------------------------------------------


def test_every_model_has_an_admin():
    for app in PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            assert admin.site.is_registered(recorded_model(model)), model


def recorded_model(model):
    """The model whose history ``model`` holds (shown on that model's history pages), or
    ``model`` itself if it is not a history table."""
    if model._meta.model_name.startswith("historical") and "_" in model._meta.model_name:
        model = model._meta.get_field("history").related_model  # a many-to-many history
    return getattr(model, "instance_type", model)


def test_every_content_admin_records_authors_and_filters_by_state():
    for model, model_admin in admin.site._registry.items():
        if issubclass(model, ContentModel):
            assert isinstance(model_admin, ContentAdmin), model
            assert "state" in model_admin.list_filter, model


def test_show_counts_works_on_every_list(staff_client):
    """Every change list with "Show counts" (Django's facets): each filter counts its
    choices by setting them as its value, which broke a filter that expected a string."""
    topic = TopicFactory(name="Trade")
    InitiativeFactory(topics=[topic])
    FAQFactory(topics=[topic])
    for model in admin.site._registry:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        # (follow: the notification settings' list opens one's own settings)
        response = staff_client.get(url + "?_facets=True", follow=True)
        assert response.status_code == 200, url


def test_admin_index_is_branded(staff_client):
    response = staff_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "ASEAN Secretariat Knowledge Portal — staff" in response.content.decode()
    assert response.context["site_url"] == "/"


@pytest.mark.parametrize("url", [reverse("admin:index"), CHANGELIST, ADD])
def test_anonymous_user_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", [reverse("admin:index"), CHANGELIST, ADD])
def test_signed_in_member_of_the_public_is_sent_to_login(member_client, url):
    response = member_client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_deleting_a_user_keeps_what_they_wrote(staff_client, staff):
    assert_saved(staff_client.post(ADD, form_data()))
    section = SiteSection.objects.get(slug="coordinating")
    assert section.created_by == staff

    # Another administrator removes the editor's account through the admin.
    staff_client.force_login(StaffFactory(username="chief"))
    response = staff_client.post(
        reverse("admin:auth_user_delete", args=[staff.pk]), {"post": "yes"}
    )
    assert response.status_code == 302

    section.refresh_from_db()
    assert section.created_by is None
    assert section.updated_by is None
    assert section.title == "Coordinating the Community"


# --- site sections ------------------------------------------------------------------


def test_changelist_lists_sections(staff_client):
    SiteSectionFactory(title="Our role in the region")
    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    assert "Our role in the region" in response.content.decode()


def test_changelist_search_finds_the_section(staff_client):
    SiteSectionFactory(title="Challenges ahead")
    SiteSectionFactory(title="How to reach us")
    response = staff_client.get(CHANGELIST, {"q": "challenges"})
    assert response.status_code == 200
    assert [s.title for s in response.context["cl"].result_list] == ["Challenges ahead"]


def test_changelist_filters_by_state(staff_client):
    SiteSectionFactory(title="Live")
    SiteSectionFactory(title="Not yet", draft=True)
    response = staff_client.get(CHANGELIST, {"state__exact": State.DRAFT})
    assert [s.title for s in response.context["cl"].result_list] == ["Not yet"]


def test_add_page_explains_markdown(staff_client):
    response = staff_client.get(ADD)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Publication" in content
    assert "History" in content
    assert "Markdown: **bold**" in content
    assert response.context["adminform"].form.fields["body"].help_text == MARKDOWN_HELP


def test_add_creates_the_section_and_records_the_author(staff_client, staff):
    response = staff_client.post(ADD, form_data())
    assert_saved(response)
    section = SiteSection.objects.get(slug="coordinating")
    assert section.title == "Coordinating the Community"
    assert section.state == State.DRAFT
    assert section.body_html == "<p>The Secretariat <strong>coordinates</strong>.</p>"
    assert section.created_by == staff
    assert section.updated_by == staff


def test_change_saves_and_records_who_changed_it(staff_client, staff):
    author = UserFactory(username="author", is_staff=True)
    section = SiteSectionFactory(title="Old title", created_by=author, updated_by=author)

    response = staff_client.get(change_url(section))
    assert response.status_code == 200

    data = form_data(title="New title", slug=section.slug, state=State.PUBLISHED)
    assert_saved(staff_client.post(change_url(section), data))
    section.refresh_from_db()
    assert section.title == "New title"
    assert section.state == State.PUBLISHED
    assert section.created_by == author
    assert section.updated_by == staff


def test_unpublish_before_publish_is_a_form_error(staff_client):
    data = form_data(
        publish_at_0="2030-01-02",
        publish_at_1="10:00:00",
        unpublish_at_0="2030-01-01",
        unpublish_at_1="10:00:00",
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 200
    # The constraint has no friendly violation_error_message yet; any form error will do.
    assert len(response.context["adminform"].form.non_field_errors()) == 1
    assert not SiteSection.objects.exists()


# --- the publish / unpublish actions ------------------------------------------------


def run_action(client, url, action, objects):
    return client.post(
        url, {"action": action, "_selected_action": [o.pk for o in objects], "index": "0"}
    )


def test_publish_action_publishes_the_selected_rows(staff_client, staff):
    author = UserFactory(username="author")
    drafts = SiteSectionFactory.create_batch(2, draft=True, created_by=author)
    untouched = SiteSectionFactory(draft=True)

    response = run_action(staff_client, CHANGELIST, "publish", drafts)
    assert response.status_code == 302

    for section in drafts:
        section.refresh_from_db()
        assert section.state == State.PUBLISHED
        assert section.updated_by == staff
        assert section.created_by == author
    untouched.refresh_from_db()
    assert untouched.state == State.DRAFT
    assert untouched.updated_by is None
    # The change is in each object's admin history.
    entries = LogEntry.objects.filter(action_flag=CHANGE, user=staff)
    assert {int(e.object_id) for e in entries} == {s.pk for s in drafts}
    assert entries[0].get_change_message() == "Changed publication state."


def test_publish_action_says_how_many_it_changed(staff_client):
    sections = [SiteSectionFactory(draft=True), SiteSectionFactory()]
    response = run_action(staff_client, CHANGELIST, "publish", sections)
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["1 site section published."]


def test_unpublish_action_moves_published_rows_back_to_draft(staff_client, staff):
    published = SiteSectionFactory()
    archived = SiteSectionFactory(state=State.ARCHIVED)

    response = run_action(staff_client, CHANGELIST, "unpublish", [published, archived])
    assert response.status_code == 302

    published.refresh_from_db()
    archived.refresh_from_db()
    assert published.state == State.DRAFT
    assert published.updated_by == staff
    assert archived.state == State.ARCHIVED  # not published, so nothing to unpublish
    assert archived.updated_by is None


@pytest.mark.parametrize("model", [Division, Initiative])
def test_actions_work_on_every_content_admin(staff_client, staff, model):
    """The initiative admin annotates its queryset; the bulk update must still work."""
    obj = DivisionFactory(draft=True) if model is Division else InitiativeFactory(draft=True)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    assert run_action(staff_client, url, "publish", [obj]).status_code == 302
    obj.refresh_from_db()
    assert (obj.state, obj.updated_by) == (State.PUBLISHED, staff)

    assert run_action(staff_client, url, "unpublish", [obj]).status_code == 302
    obj.refresh_from_db()
    assert obj.state == State.DRAFT
