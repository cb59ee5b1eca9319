import pytest
from django.urls import reverse

from tests.factories import DivisionFactory, FAQFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def test_list_shows_published_divisions_as_a_hierarchy(client):
    top = DivisionFactory(name="Office of the Secretary-General", slug="osg")
    DivisionFactory(name="Economic Community Department", parent=top)
    DivisionFactory(name="Secret Draft Unit", parent=top, draft=True)

    response = client.get(reverse("divisions:list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Economic Community Department" in html
    assert "Secret Draft Unit" not in html
    # The child is drawn inside its parent's branch of the chart.
    assert html.index("Office of the Secretary-General") < html.index('class="org-children"')


def test_child_of_unpublished_parent_is_still_listed(client):
    hidden = DivisionFactory(draft=True)
    DivisionFactory(name="Orphaned Unit", parent=hidden)

    assert "Orphaned Unit" in client.get(reverse("divisions:list")).content.decode()


def test_detail_shows_head_mandate_initiatives_and_faqs(client):
    division = DivisionFactory(head_title="Deputy Secretary-General", mandate="Builds **trust**.")
    InitiativeFactory(title="Led Thing", lead_division=division)
    InitiativeFactory(title="Supported Thing", supporting_divisions=[division])
    InitiativeFactory(title="Draft Thing", lead_division=division, draft=True)
    FAQFactory(question="Who are you?", division=division)
    FAQFactory(question="Hidden question?", division=division, draft=True)

    html = client.get(division.get_absolute_url()).content.decode()

    assert "Deputy Secretary-General" in html
    assert "<strong>trust</strong>" in html
    assert "Led Thing" in html and "Supported Thing" in html and "Who are you?" in html
    assert "Draft Thing" not in html and "Hidden question?" not in html


def test_draft_is_404_to_the_public_and_previewable_by_staff(client, staff_client):
    division = DivisionFactory(draft=True)
    url = division.get_absolute_url()

    assert client.get(url).status_code == 404

    response = staff_client.get(url)
    assert response.status_code == 200
    assert "Preview:" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_non_staff_user_cannot_preview(member_client):
    assert member_client.get(DivisionFactory(draft=True).get_absolute_url()).status_code == 404


def test_published_page_has_no_draft_banner(staff_client):
    response = staff_client.get(DivisionFactory().get_absolute_url())
    assert "Preview:" not in response.content.decode()


@pytest.mark.parametrize("rows", [1, 50])
def test_query_counts_do_not_grow_with_rows(queries_for, rows):
    top = DivisionFactory(slug="top")
    for _ in range(rows):
        child = DivisionFactory(parent=top)
        InitiativeFactory(lead_division=top, supporting_divisions=[child])
        FAQFactory(division=top)
    counts = (queries_for(reverse("divisions:list")), queries_for(top.get_absolute_url()))
    # the first query reads the content token; the page also its public record of changes
    assert counts == (2, 8)


def test_a_division_page_shows_a_few_initiatives_and_links_to_all(client):
    from divisions.views import SHOWN_FAQS, SHOWN_INITIATIVES

    division = DivisionFactory(slug="busy")
    for _ in range(SHOWN_INITIATIVES + 2):
        InitiativeFactory(lead_division=division)
    for _ in range(SHOWN_FAQS + 1):
        FAQFactory(division=division)
    html = client.get(division.get_absolute_url()).content.decode()
    assert html.count('<article class="card">') == SHOWN_INITIATIVES
    assert "All initiatives of this division, page by page" in html
    assert 'href="/initiatives/?division=busy"' in html
    assert html.count('<li><a href="/faqs/#') == SHOWN_FAQS
    assert 'href="/faqs/?division=busy"' in html


def test_a_small_division_page_shows_everything_without_more_links(client):
    division = DivisionFactory(slug="small")
    InitiativeFactory(lead_division=division)
    html = client.get(division.get_absolute_url()).content.decode()
    assert html.count('<article class="card">') == 1
    assert "page by page" not in html and "All questions it answers" not in html
