"""What visitors do, in a real browser: browse from home to an initiative, filter and page
through initiatives, search, read the FAQs, read the pictures — also with JavaScript off."""

import re

import pytest

from divisions.models import Pillar
from initiatives.models import Initiative
from tests.browser.checks import horizontal_overflow
from tests.browser.conftest import MOBILE

pytestmark = pytest.mark.django_db(transaction=True)


def results_count(page):
    """The number in the list's results heading, e.g. "16 initiatives"."""
    heading = page.locator("#results").inner_text()
    return int(re.match(r"(\d+) initiative", heading).group(1))


def test_home_to_a_division_to_one_of_its_initiatives(page, site):
    led = Initiative.objects.filter(lead_division=site.economic).order_by("title").first()
    page.goto("/")
    page.get_by_role("link", name=site.economic.name).first.click()
    page.wait_for_url(f"**{site.economic.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text().startswith(site.economic.name)
    page.get_by_role("link", name=led.title, exact=True).first.click()
    page.wait_for_url(f"**{led.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == led.title
    assert page.get_by_role("link", name=site.economic.name).first.is_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_filter_by_division_and_topic_then_page_through(new_page, site, settings, javascript):
    settings.INITIATIVES_PER_PAGE = 3
    page = new_page(java_script_enabled=javascript)
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Initiatives").click()
    page.wait_for_url("**/initiatives/")

    page.get_by_label("Division", exact=True).select_option(site.economic.slug)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(f"**division={site.economic.slug}**")
    by_division = Initiative.objects.published().involving(site.economic)
    assert results_count(page) == by_division.count()

    page.get_by_label("Topic").select_option(site.trade.slug)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(f"**topic={site.trade.slug}**")
    expected = by_division.tagged(site.trade).order_by("title")
    assert results_count(page) == expected.count() > 3
    assert page.get_by_label("Division", exact=True).input_value() == site.economic.slug

    seen = []
    for number in range(1, -(-expected.count() // 3) + 1):
        assert f"Page {number} of" in page.get_by_role("navigation", name="Pagination").inner_text()
        seen += page.locator(".card h3").all_inner_texts()
        next_link = page.get_by_role("link", name="Next page")
        if next_link.count():
            next_link.click()
            page.wait_for_url(f"**page={number + 1}**")
            assert f"division={site.economic.slug}" in page.url  # still filtered
    assert seen == [i.title for i in expected]


def test_searching_from_the_header_box(page, site):
    page.goto("/about/")
    box = page.get_by_role("banner").get_by_role("searchbox")
    box.fill("single window")
    box.press("Enter")
    page.wait_for_url("**/search/?q=single+window**")
    assert page.get_by_role("link", name="ASEAN Single Window").first.is_visible()
    assert "result" in page.locator("#results-title").inner_text()

    box = page.get_by_role("banner").get_by_role("searchbox")
    box.fill("zzyzx quokka")
    box.press("Enter")
    page.wait_for_url("**/search/?q=zzyzx+quokka**")
    assert page.locator("#results-title").inner_text().startswith("0 results")


def test_reading_the_faqs(page, site):
    faq = site.faqs[1]
    page.goto("/")
    page.get_by_role("link", name="FAQs").first.click()
    assert page.get_by_role("heading", name=faq.question).is_visible()
    assert page.get_by_text(f"An answer about {faq.question.lower()}").is_visible()

    page.get_by_label("Topic").select_option(site.trade.slug)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(f"**topic={site.trade.slug}**")
    shown = page.locator("article.faq h3").all_inner_texts()
    assert shown and all(f.question in shown for f in site.faqs if site.trade in f.topics.all())

    # From a division's page, a question links straight to its answer.
    page.goto(faq.division.get_absolute_url())
    page.get_by_role("link", name=faq.question).click()
    page.wait_for_url(f"**/faqs/#{faq.slug}")
    assert page.locator(f"#{faq.slug}").is_visible()
    assert page.locator(f"#{faq.slug}").evaluate("el => el.getBoundingClientRect().top") < 200


def test_an_overview_bar_opens_the_list_it_counts(page, site):
    page.goto("/initiatives/overview/")
    bar = page.get_by_role("link", name=re.compile(r"^Economic Community \d+ initiatives?$"))
    count = int(bar.locator(".bar-value").inner_text().split()[0])
    bar.click()
    page.wait_for_url("**pillar=economic**")
    assert results_count(page) == count


def test_the_site_works_with_javascript_off(new_page, site):
    page = new_page(java_script_enabled=False, viewport=MOBILE)
    initiative = site.initiatives[3]
    page.goto(initiative.get_absolute_url())
    timeline = page.get_by_role("img", name=f"Timeline of {initiative.title}")
    assert timeline.is_visible()
    assert page.locator(".milestones li").count() == initiative.milestones.count()
    assert "milestone" in page.locator("p.milestone-count").inner_text()  # counted, no bar

    page.goto("/divisions/")
    chart = page.get_by_role("figure", name="Organisation chart of the ASEAN Secretariat")
    assert chart.get_by_role("link", name=re.compile(site.economic.name)).is_visible()

    page.goto("/initiatives/overview/")
    bars = len(Initiative.Status) + len(Pillar) + len(site.units) + 1  # divisions and root
    assert page.locator(".bar-chart li").count() == bars  # a bar of 0 is not a link

    page.goto("/faqs/")
    page.get_by_role("link", name="JSON").click()  # the download links are plain links
    assert '"dataset": "faqs"' in page.content()

    for url in ("/", "/initiatives/", "/divisions/", "/faqs/", "/data/"):
        page.goto(url)
        assert horizontal_overflow(page) <= 0, url
