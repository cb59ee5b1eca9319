import re

import pytest
from django.urls import reverse

from divisions.views import SHOWN_INITIATIVES
from publishing.content import State
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


def test_a_division_page_follows_each_change_to_it_and_its_parent(client, settings):
    # The page reads the division, its parent and its units from the published units
    # remembered per content token: every save must reach it, with no cache cleared here.
    settings.PAGE_CACHE_ENABLED = False
    top = DivisionFactory(name="Top Office")
    unit = DivisionFactory(summary="The first summary.", parent=top)
    sub = DivisionFactory(name="Small Unit", parent=unit)
    html = client.get(unit.get_absolute_url()).content.decode()
    assert "The first summary." in html and "Top Office" in html and "Small Unit" in html

    unit.summary = "The second summary."
    unit.save()
    top.state = State.ARCHIVED
    top.save()
    sub.state = State.DRAFT
    sub.save()
    html = client.get(unit.get_absolute_url()).content.decode()
    assert "The second summary." in html and "The first summary." not in html
    assert "Reports to" not in html and "Top Office" not in html
    assert "Small Unit" not in html

    unit.state = State.ARCHIVED
    unit.save()
    response = client.get(unit.get_absolute_url())
    assert response.status_code == 200 and "Archived:" in response.content.decode()
    assert client.get("/divisions/no-such-division/").status_code == 404


def test_non_staff_user_cannot_preview(member_client):
    assert member_client.get(DivisionFactory(draft=True).get_absolute_url()).status_code == 404


def test_published_page_has_no_draft_banner(staff_client):
    response = staff_client.get(DivisionFactory().get_absolute_url())
    assert "Preview:" not in response.content.decode()


@pytest.mark.parametrize("rows", [1, 50])
def test_query_counts_do_not_grow_with_rows(queries_for, settings, rows):
    settings.PAGE_CACHE_ENABLED = False  # the second request is made, not answered from the cache
    top = DivisionFactory(slug="top")
    for _ in range(rows):
        child = DivisionFactory(parent=top)
        InitiativeFactory(lead_division=top, supporting_divisions=[child])
        FAQFactory(division=top)
    page = top.get_absolute_url()
    counts = (queries_for(reverse("divisions:list")), queries_for(page), queries_for(page))
    # the first query reads the content token; the division itself comes from the published
    # units, read the first time; + the initiatives it leads, its FAQs, its public record of
    # changes and its sources in one statement (caching.folded_queries), and those it
    # supports (few: read on their own);
    # the first time, the posts heading divisions (and, when there are some, their holders:
    # a page part from people), the published topics, whether it supports many
    # initiatives (two counts: how its supported ones are read), and each list longer than
    # the page shows is counted (the initiatives it leads and its FAQs); what the first
    # request worked out (those sizes, the tree of units, the topics, the heads) is
    # remembered per content token
    assert counts == ((2, 10, 3) if rows > SHOWN_INITIATIVES else (2, 8, 3))


def test_a_division_page_says_how_many_it_shows_of_how_many_and_links_to_all(client):
    from divisions.views import SHOWN_FAQS, SHOWN_INITIATIVES

    division = DivisionFactory(slug="busy")
    for _ in range(SHOWN_INITIATIVES + 2):
        InitiativeFactory(lead_division=division)
    for _ in range(SHOWN_INITIATIVES + 1):
        InitiativeFactory(supporting_divisions=[division])
    InitiativeFactory(lead_division=division, draft=True)  # not counted
    for _ in range(SHOWN_FAQS + 1):
        FAQFactory(division=division)
    html = client.get(division.get_absolute_url()).content.decode()
    assert html.count('<article class="card">') == 2 * SHOWN_INITIATIVES
    led, supported = SHOWN_INITIATIVES + 2, SHOWN_INITIATIVES + 1
    assert f"Showing {SHOWN_INITIATIVES} of {led} initiatives it leads" in html
    all_led = f'<a href="/initiatives/?lead_division=busy">See all {led} initiatives it leads</a>'
    assert all_led in html
    assert f"Showing {SHOWN_INITIATIVES} of {supported} initiatives it supports" in html
    assert 'href="/initiatives/?division=busy">See all the initiatives it leads or supports' in html
    assert html.count('<li><a href="/faqs/#') == SHOWN_FAQS
    assert f"Showing {SHOWN_FAQS} of {SHOWN_FAQS + 1} questions" in html
    assert f'href="/faqs/?division=busy">See all {SHOWN_FAQS + 1} questions it answers' in html


def test_a_small_division_page_shows_everything_without_more_links(client):
    division = DivisionFactory(slug="small")
    InitiativeFactory(lead_division=division)
    html = client.get(division.get_absolute_url()).content.decode()
    assert html.count('<article class="card">') == 1
    assert "Showing" not in html and "See all" not in html
    assert "1 initiative." in html


def test_a_division_with_nothing_published_leaves_the_lists_out_and_says_where_to_go(client):
    division = DivisionFactory(slug="quiet")
    InitiativeFactory(lead_division=division, draft=True)
    FAQFactory(division=division, draft=True)
    html = client.get(division.get_absolute_url()).content.decode()
    assert "None published yet" not in html
    assert "Initiatives it leads" not in html and "Questions it answers" not in html
    assert "No initiative on this portal names the" in html
    assert 'href="/initiatives/">Browse all initiatives</a>' in html


def test_a_division_that_only_supports_leaves_out_the_list_it_leads(client):
    division = DivisionFactory(slug="helper")
    InitiativeFactory(title="Helped Thing", supporting_divisions=[division])
    html = client.get(division.get_absolute_url()).content.decode()
    assert "Initiatives it leads" not in html and "No initiative on this portal" not in html
    assert "Initiatives it supports" in html and "Helped Thing" in html


def test_each_card_names_its_lead_division(client):
    """The cards on a division's page take their lead divisions from what the page has
    read already (itself, the published units); one led by a division since unpublished
    still names it, as the cards elsewhere do."""
    division = DivisionFactory(slug="host", name="Host Directorate")
    InitiativeFactory(title="Led here", lead_division=division)
    InitiativeFactory(
        title="Led by a sister",
        lead_division=DivisionFactory(name="Sister Directorate"),
        supporting_divisions=[division],
    )
    InitiativeFactory(
        title="Led by a draft",
        lead_division=DivisionFactory(name="Withdrawn Directorate", draft=True),
        supporting_divisions=[division],
    )
    html = client.get(division.get_absolute_url()).content.decode()
    cards = dict(
        re.findall(
            r'<h3><a href="[^"]+">([^<]+)</a></h3>.*?<dt>Lead</dt><dd>([^<]+)</dd>', html, re.S
        )
    )
    assert cards == {
        "Led here": "Host Directorate",
        "Led by a sister": "Sister Directorate",
        "Led by a draft": "Withdrawn Directorate",
    }


def supported_titles(client, division):
    html = client.get(division.get_absolute_url()).content.decode()
    section = html[
        html.index('id="supported-title"') : html.index(
            "</section>", html.index('id="supported-title"')
        )
    ]
    return re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', section)


def test_a_division_supporting_many_or_few_lists_the_same_first_six(client, settings, monkeypatch):
    """Supporting at least 1 in ``MANY_SHARE`` initiatives, a division's supported ones are
    read by the statement with its constants written in (PostgreSQL plans it once);
    supporting fewer, by the one planned on every run. Either way: the first six published
    ones by title, drafts left out."""
    settings.PAGE_CACHE_ENABLED = False
    from divisions import views

    monkeypatch.setattr(views, "MANY_SHARE", 5)  # 1 in 5: a small test catalogue
    many, few = DivisionFactory(slug="many"), DivisionFactory(slug="few")
    for n in range(9):
        InitiativeFactory(title=f"Many {n}", supporting_divisions=[many])
    InitiativeFactory(title="Many 0 draft", supporting_divisions=[many], draft=True)
    InitiativeFactory(title="A few", supporting_divisions=[few])
    InitiativeFactory(title="B few draft", supporting_divisions=[few], draft=True)
    for n in range(12):
        InitiativeFactory(title=f"Other {n:02}")
    # 10 of 24 and 2 of 24 initiatives, drafts counted
    assert views.supports_many(many.pk) and not views.supports_many(few.pk)
    for _ in range(7):  # past PostgreSQL's five planned runs, onto its kept plan
        assert supported_titles(client, many) == [f"Many {n}" for n in range(6)]
        assert supported_titles(client, few) == ["A few"]
