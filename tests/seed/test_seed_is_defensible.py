"""The automated check over the seeded content (issue 13, "Done when"): every date carries
only the precision its source gives (no 1 January / 31 December placeholders), every
published initiative and every milestone rests on a source, the seed passes the admin's own
consistency warnings, and no milestone-count percentage appears on any public page, in any
CSV or in any JSON."""

import csv
import io
import json

import pytest
from django.urls import reverse

from divisions.models import Division
from faqs.models import FAQ
from initiatives.consistency import consistency_warnings
from initiatives.models import Initiative, Milestone, Topic
from member_states.models import MemberState
from pages.models import SiteSection
from partial_dates import PartialDate
from seed import data
from sources.models import Citation, Source
from sources.references import citations_of
from tests.module_data import kept_for_the_module
from tests.seed.loading import load
from tests.sources.checks import percentages

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        load()
        yield


def seeded_dates():
    """(where, PartialDate) for every date the seed stores."""
    found = []
    for initiative in Initiative.objects.all():
        for name in ("planned_start", "planned_end", "actual_start", "actual_end"):
            found.append((f"{initiative.slug}.{name}", getattr(initiative, name)))
    for milestone in Milestone.objects.select_related("initiative"):
        for name in ("planned", "reached"):
            found.append(
                (f"{milestone.initiative.slug}: {milestone}.{name}", getattr(milestone, name))
            )
    for source in Source.objects.all():
        found.append((f"source {source.key}", source.published))
    for state in MemberState.objects.all():
        found.append((f"{state.slug}.joined_on", state.joined_on))
    return [(where, value) for where, value in found if value is not None]


def test_every_date_has_its_precision_and_none_is_a_placeholder(seeded):
    dates = seeded_dates()
    assert len(dates) > 100
    for where, value in dates:
        assert isinstance(value, PartialDate), where
        assert value.precision in ("year", "month", "day"), where
        if value.precision == "day":
            # A day is given only where a source gives that day, never as a stand-in for
            # "some time that year" (1 January) or "by the end of it" (31 December).
            assert (value.month, value.day) not in ((1, 1), (12, 31)), where
    precisions = {value.precision for _, value in dates}
    assert precisions == {"year", "month", "day"}


def test_a_milestone_is_no_more_precise_than_its_source(seeded):
    """A milestone reached on a day or in a month is the event its source records: that
    source bears the same date (a year-precise date needs no such match)."""
    for milestone in Milestone.objects.select_related("source", "initiative"):
        reached = milestone.reached
        if reached and reached.precision != "year":
            assert milestone.source.published == reached, (milestone.initiative.slug, milestone)


def test_every_published_initiative_cites_a_source_and_every_milestone_has_one(seeded):
    initiatives = list(Initiative.objects.published())
    assert len(initiatives) == len(data.INITIATIVES)
    citations = citations_of(initiatives)
    for initiative in initiatives:
        assert citations.get(("initiatives.initiative", initiative.pk)), initiative
    assert not Milestone.objects.filter(source__isnull=True).exists()
    for model in (Division, FAQ, MemberState):
        items = list(model.objects.all())
        cited = citations_of(items)
        for item in items:
            assert cited.get((item._meta.label_lower, item.pk)), item
    quoted = SiteSection.objects.exclude(slug=data.CONTACT["slug"])
    for section in quoted:
        assert citations_of([section]).get(("asean_portal.sitesection", section.pk)), section


def test_every_source_is_cited_and_none_claims_an_unchecked_address(seeded):
    cited = set(Citation.objects.values_list("source__key", flat=True))
    cited |= set(Milestone.objects.values_list("source__key", flat=True))
    assert cited == set(Source.objects.values_list("key", flat=True))
    # Nothing could be checked from here: no address, no access date (the lead's ruling).
    assert not Source.objects.exclude(url="").exists()
    assert not Source.objects.filter(accessed_on__isnull=False).exists()


def test_the_seed_passes_the_admins_consistency_warnings(seeded, any_hour):
    for initiative in Initiative.objects.prefetch_related("milestones"):
        assert consistency_warnings(initiative) == [], initiative.slug


def public_pages():
    pages = ["/", "/about/", "/data/", "/initiatives/", "/initiatives/overview/", "/faqs/"]
    pages += ["/divisions/"]  # (the accessibility statement's "400%" is about zooming)
    pages += [i.get_absolute_url() for i in Initiative.objects.published()]
    pages += [d.get_absolute_url() for d in Division.objects.published()]
    pages += [t.get_absolute_url() for t in Topic.objects.published()]
    return pages


def body(response):
    return b"".join(response.streaming_content).decode()


def test_no_milestone_percentage_on_any_page_csv_or_json(seeded, client):
    for url in public_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        assert percentages(response.content.decode()) == [], url
    for path in ("/initiatives/", "/initiatives/milestones/", "/faqs/"):
        text = body(client.get(f"{path}?format=csv"))
        header = next(csv.reader(io.StringIO(text)))
        assert not any("progress" in name or "percent" in name for name in header), path
        assert "%" not in text, path
        payload = json.loads(body(client.get(f"{path}?format=json")))
        keys = {key for item in payload["items"] for key in item}
        assert not any("progress" in key or "percent" in key for key in keys), path
        assert "%" not in json.dumps(payload["items"]), path


def test_initiative_pages_show_dates_at_their_precision_with_numbered_sources(seeded, client):
    html = client.get(reverse("initiatives:detail", args=["asean-outlook-on-the-indo-pacific"]))
    html = html.content.decode()
    assert '<time datetime="2019-06-23">23 June 2019</time>' in html
    assert '<time datetime="2023-09">September 2023</time>' in html
    assert "2 of 2 milestones reached" in html
    assert '<li id="source-1">' in html and 'href="#source-1"' in html
    assert "ASEAN Outlook on the Indo-Pacific</cite>" in html
    window = client.get("/initiatives/asean-single-window/").content.decode()
    assert '<time datetime="2005-12">December 2005</time>' in window
    assert "31 Dec" not in window and "1 January 2005" not in window
