"""A page's numbered references: sources numbered in order of first appearance, each once,
with [n] links beside the facts and an ordered "Sources" list at the end."""

import datetime

import pytest

from initiatives.models import Indicator, IndicatorPeriod
from partial_dates import PartialDate
from sources.models import Source
from sources.references import references_for
from tests.factories import InitiativeFactory, MilestoneFactory, SourceFactory, cite

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    charter, outlook, statement = (
        SourceFactory(title="Charter", key="charter"),
        SourceFactory(title="Outlook", key="outlook", published=PartialDate(2019, 6, 23)),
        SourceFactory(title="Statement", key="statement", published=PartialDate(2023, 9)),
    )
    initiative = InitiativeFactory(title="Outlook", sources=[outlook, charter])
    adopted = MilestoneFactory(
        initiative=initiative, title="Adopted", reached="2019-06-23", source=outlook, order=0
    )
    declared = MilestoneFactory(
        initiative=initiative, title="Declared", reached="2023-09", source=statement, order=1
    )
    indicator = Indicator.objects.create(
        initiative=initiative,
        title="Member States reporting",
        unit="Member States",
        baseline_value=2,
        baseline_date="2019",
        baseline_source=charter,
    )
    IndicatorPeriod.objects.create(
        indicator=indicator,
        period_start="2020",
        period_end="2021",
        target_value=6,
        actual_value=4,
        source=statement,
    )
    return initiative, adopted, declared, (charter, outlook, statement)


def test_numbered_by_first_appearance_each_source_once(plan):
    initiative, adopted, declared, (charter, outlook, statement) = plan
    refs = references_for(initiative, adopted, declared)
    assert [(r.number, r.source.title) for r in refs] == [
        (1, "Outlook"),
        (2, "Charter"),
        (3, "Statement"),
    ]
    assert [r.number for r in refs.of(initiative)] == [1, 2]
    assert [r.number for r in refs.of(adopted)] == [1]  # cited again: the same number
    assert [r.number for r in refs.of(declared)] == [3]
    cite(declared, charter, supports="Its date")
    refs = references_for(initiative, adopted, declared)
    assert [r.number for r in refs.of(declared)] == [2, 3]
    assert refs.all[1].supports == ["Its date"]


def test_the_page_shows_marks_indicators_and_the_sources_list(plan, client):
    initiative, *_ = plan
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert '<h2 id="sources-title">Sources</h2>' in html
    assert '<ol class="sources-list">' in html
    for number, title in [(1, "Outlook"), (2, "Charter"), (3, "Statement")]:
        assert f'<li id="source-{number}"><cite>{title}</cite>' in html
        assert (
            f'href="#source-{number}">[{number}]<span class="visually-hidden"> source: {title}'
            in html
        )
    assert '<time datetime="2019-06-23">23 June 2019</time>' in html
    assert "2 of 2 milestones reached" in html
    # Progress is drawn for the indicator only: 2 → 6, actual 4: half way.
    assert '<progress max="100" value="50"' in html
    assert "50% of the way" in html


def sources_list(html):
    start = html.index('<ol class="sources-list">')
    return html[start : html.index("</ol>", start) + len("</ol>")]


def test_each_source_in_the_list_shows_what_is_known_of_it_escaped(client):
    full = SourceFactory(
        key="full",
        title='Report <on> "trade"',
        publisher="Secretariat & Partners",
        published=PartialDate(2019, 6, 23),
        url="https://example.org/report?a=1&b=2",
        archived_url="https://archive.example/report",
        accessed_on=datetime.date(2024, 3, 5),
        kind=Source.Kind.OFFICIAL_DOCUMENT,
        notes="Page 3 <only>",
    )
    bare = SourceFactory(key="bare", title="Briefing", publisher="", published=None)
    initiative = InitiativeFactory(title="Reported", sources=[])
    cite(initiative, full, bare, supports="Its <start> date")
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert sources_list(html) == (
        '<ol class="sources-list">\n'
        '    <li id="source-1"><cite><a href="https://example.org/report?a=1&amp;b=2" '
        'rel="noopener noreferrer">Report &lt;on&gt; &quot;trade&quot;</a></cite>. '
        'Secretariat &amp; Partners, <time datetime="2019-06-23">23 June 2019</time>. '
        '<span class="source-kind">Official document</span> · '
        '<a href="https://archive.example/report" rel="noopener noreferrer">archived copy</a>'
        ' · accessed <time datetime="2024-03-05">5 March 2024</time>'
        ' <span class="source-note">(Page 3 &lt;only&gt;)</span>'
        '<br><span class="source-supports">Supports: Its &lt;start&gt; date</span></li>\n'
        '    <li id="source-2"><cite>Briefing</cite>, undated. '
        '<span class="source-kind">Official document</span>'
        '<br><span class="source-supports">Supports: Its &lt;start&gt; date</span></li>\n'
        "  </ol>"
    )


def test_a_page_that_reads_its_citations_with_its_other_reads_numbers_them_alike(plan, client):
    """An initiative's page reads the citations of it and of its parts with its other reads
    (``caching.folded_queries``): the same references, numbered the same, as read apart."""
    initiative, adopted, declared, (charter, outlook, statement) = plan
    extra = SourceFactory(title="Work plan", key="work-plan")
    cite(declared, extra, charter, supports="Its date")
    indicator = initiative.indicators.get()
    cite(indicator, extra)
    cite(indicator.periods.get(), outlook, supports="The target")
    other = InitiativeFactory(sources=[statement])  # another item's citations stay out
    MilestoneFactory(initiative=other, source=extra)
    response = client.get(initiative.get_absolute_url())
    folded = response.context["references"]
    apart = references_for(
        initiative,
        adopted,
        declared,
        indicator,
        *IndicatorPeriod.objects.filter(indicator=indicator),
    )

    def shown(refs):
        return [(r.number, r.source.title, r.supports) for r in refs]

    assert shown(folded) == shown(apart)
    # The declared milestone's citations (work plan, charter), then its own source.
    assert [r.source.title for r in folded] == ["Outlook", "Charter", "Work plan", "Statement"]
    for item in (initiative, adopted, declared, indicator):
        assert [r.number for r in folded.of(item)] == [r.number for r in apart.of(item)]
    assert [r.number for r in folded.of(declared)] == [3, 2, 4]
