"""Ownership and freshness: every item has an owning division and a review-by date, and the
admin lists what is past its date, by division."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from faqs.models import FAQ
from initiatives.models import Initiative
from publishing.content import State
from staff.review_due import reviewed_types
from tests.admin_forms import assert_saved, form_data
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    SiteSectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

REVIEW_DUE = reverse("admin:review_due")
DAY = datetime.timedelta(days=1)


def today():
    """The portal's date (Asia/Jakarta), read when the test runs: at 23:30 UTC it is already
    tomorrow's date there."""
    return timezone.localdate()


def last_year():
    return today() - 365 * DAY


@pytest.mark.usefixtures("any_hour")
def test_new_items_get_a_review_date_a_year_ahead():
    assert InitiativeFactory().review_by == today() + 365 * DAY


@pytest.mark.usefixtures("any_hour")
def test_the_admin_form_fills_an_empty_review_date(staff_client):
    initiative = InitiativeFactory(review_by=last_year())
    change = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    assert_saved(staff_client.post(change, form_data(staff_client.get(change), review_by="")))
    initiative.refresh_from_db()
    assert initiative.review_by == today() + 365 * DAY


def test_every_content_type_names_its_owning_division():
    economic = DivisionFactory(name="Economic")
    assert InitiativeFactory(lead_division=economic).lead_division == economic
    assert FAQFactory(division=economic).division == economic
    assert TopicFactory(owning_division=economic).owning_division == economic
    assert SiteSectionFactory(owning_division=economic).owning_division == economic


@pytest.mark.usefixtures("any_hour")
def test_overdue_content_is_listed_by_division(staff_client):
    economic = DivisionFactory(name="Economic Community Department", review_by=last_year())
    socio = DivisionFactory(name="Socio-Cultural Community Department")
    InitiativeFactory(title="Stale plan", lead_division=economic, review_by=last_year())
    InitiativeFactory(title="Fresh plan", lead_division=economic)
    InitiativeFactory(
        title="Archived plan", lead_division=economic, review_by=last_year(), state=State.ARCHIVED
    )
    FAQFactory(question="Stale question?", division=socio, review_by=last_year())
    TopicFactory(name="Unowned stale topic", review_by=last_year())

    response = staff_client.get(REVIEW_DUE)

    assert response.status_code == 200
    groups = {g["division"].name if g["division"] else None: g for g in response.context["groups"]}
    assert set(groups) == {economic.name, socio.name, None}
    assert groups[economic.name]["total"] == 2  # the division itself and one initiative
    assert [str(e["item"]) for e in groups[socio.name]["items"]] == ["Stale question?"]
    assert [str(e["item"]) for e in groups[None]["items"]] == ["Unowned stale topic"]
    content = response.content.decode()
    assert "Stale plan" in content
    assert "Fresh plan" not in content
    assert "Archived plan" not in content


@pytest.mark.usefixtures("any_hour")
def test_the_counts_link_to_the_filtered_lists(staff_client):
    economic = DivisionFactory(name="Economic")
    InitiativeFactory(title="Stale", lead_division=economic, review_by=last_year())
    InitiativeFactory(title="Other division, stale", review_by=last_year())
    InitiativeFactory(title="Not due", lead_division=economic)

    response = staff_client.get(REVIEW_DUE)
    group = next(g for g in response.context["groups"] if g["division"] == economic)
    link = next(c["url"] for c in group["counts"] if c["n"])
    changelist = staff_client.get(link)

    assert changelist.status_code == 200
    assert [i.title for i in changelist.context["cl"].result_list] == ["Stale"]


def test_the_review_page_runs_a_fixed_number_of_queries(
    staff_client, django_assert_max_num_queries
):
    division = DivisionFactory()
    InitiativeFactory.create_batch(3, lead_division=division, review_by=last_year())
    FAQFactory.create_batch(3, division=division, review_by=last_year())
    assert staff_client.get(REVIEW_DUE).status_code == 200
    # The session, the user, the divisions; per reviewed type: its overdue and due-soon counts
    # (grouped by division) and its rows.
    with django_assert_max_num_queries(3 + 3 * len(reviewed_types())):
        assert staff_client.get(REVIEW_DUE).status_code == 200


def test_the_index_links_to_the_review_page(staff_client):
    assert REVIEW_DUE in staff_client.get(reverse("admin:index")).content.decode()


@pytest.mark.usefixtures("any_hour")
@pytest.mark.parametrize("model", [Initiative, FAQ])
def test_lists_filter_by_review_date(staff_client, model):
    factory = InitiativeFactory if model is Initiative else FAQFactory
    factory(review_by=last_year())
    factory(review_by=today() + 10 * DAY)
    factory(review_by=today() + 100 * DAY)
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for value, expected in [("overdue", 1), ("soon", 1), ("later", 1)]:
        response = staff_client.get(changelist, {"review": value})
        assert len(response.context["cl"].result_list) == expected, value


@pytest.mark.usefixtures("any_hour")
@pytest.mark.parametrize("model", [Initiative, FAQ])
def test_an_item_is_overdue_from_the_day_after_its_date_in_jakarta(staff_client, model):
    factory = InitiativeFactory if model is Initiative else FAQFactory
    factory(slug="due-yesterday", review_by=today() - DAY)
    factory(slug="due-today", review_by=today())
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for value, expected in [("overdue", ["due-yesterday"]), ("soon", ["due-today"])]:
        response = staff_client.get(changelist, {"review": value})
        assert [item.slug for item in response.context["cl"].result_list] == expected, value


def test_the_review_page_needs_staff(client):
    response = client.get(REVIEW_DUE)
    assert response.status_code == 302
