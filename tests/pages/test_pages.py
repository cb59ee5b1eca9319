import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pages.models import SiteSection
from tests.factories import DivisionFactory, InitiativeFactory, SiteSectionFactory

pytestmark = pytest.mark.django_db


def test_home_shows_roles_structure_and_featured_initiatives(client):
    SiteSectionFactory(kind=SiteSection.Kind.INTRO, body="Headquartered in **Jakarta**.")
    SiteSectionFactory(kind=SiteSection.Kind.ROLE, title="Coordinating Initiatives")
    SiteSectionFactory(kind=SiteSection.Kind.ROLE, title="Hidden Role", draft=True)
    top = DivisionFactory(name="Office of the Secretary-General")
    DivisionFactory(name="Economic Community Department", parent=top)
    InitiativeFactory(title="Featured One", featured=True)
    InitiativeFactory(title="Not Featured")
    InitiativeFactory(title="Featured Draft", featured=True, draft=True)

    response = client.get(reverse("home"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "<strong>Jakarta</strong>" in html
    assert "Coordinating Initiatives" in html and "Hidden Role" not in html
    assert "Office of the Secretary-General" in html and "Economic Community Department" in html
    assert "Featured One" in html
    assert "Not Featured" not in html and "Featured Draft" not in html
    assert "<search" in html and 'name="q"' in html


def test_about_shows_role_structure_and_challenges(client):
    SiteSectionFactory(kind=SiteSection.Kind.ROLE, title="Providing Support Services")
    SiteSectionFactory(kind=SiteSection.Kind.CHALLENGE, title="Resource Constraints")
    SiteSectionFactory(kind=SiteSection.Kind.CONTACT, title="Headquarters", body="Jakarta")
    html = client.get(reverse("about")).content.decode()
    for text in ("Providing Support Services", "Resource Constraints", "Headquarters"):
        assert text in html


@pytest.mark.parametrize("rows", [1, 50])
def test_home_and_about_query_counts_do_not_grow(queries_for, rows):
    for _ in range(rows):
        SiteSectionFactory(kind=SiteSection.Kind.ROLE)
        DivisionFactory()
        InitiativeFactory(featured=True)
    assert queries_for(reverse("home")) == 5
    assert queries_for(reverse("about")) == 4  # + the sections' citations


def test_every_page_has_a_distinct_title_description_and_breadcrumbs(client):
    initiative = InitiativeFactory(title="ASEAN Single Window")
    pages = [
        reverse("home"),
        reverse("about"),
        reverse("divisions:list"),
        initiative.lead_division.get_absolute_url(),
        reverse("initiatives:list"),
        initiative.get_absolute_url(),
        reverse("faqs:list"),
    ]
    titles = set()
    for url in pages:
        html = client.get(url).content.decode()
        title = html.split("<title>")[1].split("</title>")[0]
        titles.add(title)
        assert '<meta name="description" content="' in html
        assert '<main id="main-content"' in html and 'href="#main-content"' in html
        if url != reverse("home"):
            assert 'aria-label="Breadcrumb"' in html
    assert len(titles) == len(pages)


def test_sitemap_lists_published_pages_only(client):
    InitiativeFactory(slug="public-one")
    InitiativeFactory(slug="secret-one", draft=True)
    index = client.get(reverse("sitemap")).content.decode()
    assert "/sitemap-initiatives.xml" in index  # an index of section sitemaps
    xml = client.get("/sitemap-initiatives.xml").content.decode()
    assert "/initiatives/public-one/" in xml
    assert "secret-one" not in xml
    assert "<lastmod>" in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_custom_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_500_page_renders_without_touching_the_database():
    with CaptureQueriesContext(connection) as ctx:
        html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert len(ctx.captured_queries) == 0
