"""The organisation chart: a picture drawn by the stylesheet from nested lists, so it reads
as an outline without CSS, with a caption and a summary as its text alternative."""

import re

import pytest
from django.urls import reverse

from tests.factories import DivisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    top = DivisionFactory(
        name="Office of the Secretary-General",
        slug="office",
        kind="office",
        head_title="Secretary-General of ASEAN",
    )
    econ = DivisionFactory(name="Economic Community Department", parent=top, order=1)
    DivisionFactory(name="Trade Directorate", parent=econ)
    DivisionFactory(name="Finance Department", parent=top, order=2)
    DivisionFactory(name="Hidden Unit", parent=top, draft=True)


def chart(html):
    return re.search(r'<figure class="org-figure">.*?</figure>', html, re.S).group(0)


@pytest.mark.parametrize("url", [reverse("home"), reverse("about"), reverse("divisions:list")])
def test_the_chart_is_a_captioned_figure_of_nested_lists(client, organisation, url):
    figure = chart(client.get(url).content.decode())
    assert "<figcaption>Organisation chart of the ASEAN Secretariat</figcaption>" in figure
    assert (
        "Office of the Secretary-General, headed by the Secretary-General of ASEAN, has 2 units"
        " reporting to it." in figure
    )
    text = re.sub(r"<[^>]+>", " ", figure)
    names = [
        "Office of the Secretary-General",
        "Economic Community Department",
        "Trade Directorate",
        "Finance Department",
    ]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)  # the outline reads top-down, in order
    assert "Hidden Unit" not in figure
    # Three levels of lists: top, its units, and the unit below the Economic department.
    assert figure.count('<ul class="org-chart">') == 1
    assert figure.count('<ul class="org-children">') == 2
    assert "style=" not in figure
    assert 'href="/divisions/office/"' in figure
