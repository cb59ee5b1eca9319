"""What an Editor types on a live initiative is never silently lost: a draft keeps the
milestones, so those stay editable; its indicators and sources are drawn read-only (a
Publisher changes them), and their own admin pages refuse the Editor's change."""

import pytest

from initiatives.models import Indicator
from tests.admin_forms import admin_url, form_data
from tests.factories import InitiativeFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


def inline_permissions(response):
    return {
        inline.formset.prefix: inline.has_change_permission
        for inline in response.context["inline_admin_formsets"]
    }


@pytest.fixture
def live_initiative():
    initiative = InitiativeFactory()
    MilestoneFactory(initiative=initiative)
    Indicator.objects.create(initiative=initiative, title="Trade documents exchanged")
    return initiative


def test_an_editor_edits_a_live_initiatives_milestones_but_not_its_indicators_or_sources(
    editor_client, live_initiative
):
    response = editor_client.get(admin_url(type(live_initiative), "change", live_initiative.pk))
    assert response.status_code == 200
    permissions = inline_permissions(response)
    assert permissions["milestones"] is True
    assert permissions["indicators"] is False
    assert [p for prefix, p in permissions.items() if "citation" in prefix] == [False]


def test_an_editors_posted_indicator_change_on_a_live_initiative_changes_nothing(
    editor_client, live_initiative
):
    url = admin_url(type(live_initiative), "change", live_initiative.pk)
    data = form_data(editor_client.get(url))
    data["indicators-0-title"] = "Changed behind the Publisher's back"
    editor_client.post(url, data)
    assert Indicator.objects.get(initiative=live_initiative).title == "Trade documents exchanged"


def test_a_publisher_edits_a_live_initiatives_indicators(publisher_client, live_initiative):
    response = publisher_client.get(admin_url(type(live_initiative), "change", live_initiative.pk))
    assert all(inline_permissions(response).values())


def test_an_editor_may_not_change_a_live_initiatives_indicator_on_its_own_page(
    editor_client, publisher_client, live_initiative
):
    indicator = Indicator.objects.get(initiative=live_initiative)
    url = admin_url(Indicator, "change", indicator.pk)
    editor_page = editor_client.get(url)
    assert editor_page.status_code == 200  # they may still read it
    assert not editor_page.context["has_change_permission"]
    assert publisher_client.get(url).context["has_change_permission"]
