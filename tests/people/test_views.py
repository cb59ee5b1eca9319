"""/leadership/, /people/ and a person's page; a division's page names its head; the FAQ
about a post names who holds it; open data, the feed and search find people."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from tests.factories import (
    AppointmentFactory,
    DivisionFactory,
    FAQFactory,
    MemberStateFactory,
    PersonFactory,
    RoleFactory,
    SourceFactory,
    StaffFactory,
    cite,
)

pytestmark = pytest.mark.django_db


def text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def secretary_general():
    office = DivisionFactory(name="Office of the Secretary-General", slug="osg", order=1)
    role = RoleFactory(
        title="Secretary-General of ASEAN",
        slug="secretary-general-of-asean",
        kind="secretary-general",
        division=office,
    )
    source = SourceFactory(title="Secretary-General of ASEAN (web page)", published=None)
    person = PersonFactory(
        name="Kao Kim Hourn",
        honorific="Dr",
        slug="kao-kim-hourn",
        nationality=MemberStateFactory(name="Cambodia", slug="cambodia", iso_code="KH"),
    )
    cite(person, source)
    return AppointmentFactory(
        person=person, role=role, started="2023", term="2023–2027", source=source
    )


def test_leadership_names_each_post_in_order_with_its_start_and_source(client, secretary_general):
    economic = DivisionFactory(name="Economic Department", slug="econ", order=3)
    political = DivisionFactory(name="Political Department", slug="pol", order=2)
    RoleFactory(title="Deputy for Economy", kind="deputy-secretary-general", division=economic)
    RoleFactory(title="Deputy for Politics", kind="deputy-secretary-general", division=political)
    RoleFactory(title="Director of Finance", kind="division-head")
    RoleFactory(title="A draft post", kind="division-head", draft=True)
    page = text(client.get(reverse("people:leadership")))
    order = [
        page.index(t)
        for t in (
            "Secretary-General of ASEAN",
            "Deputy for Politics",
            "Deputy for Economy",
            "Director of Finance",
        )
    ]
    assert order == sorted(order)
    assert "A draft post" not in page
    assert 'Dr Kao Kim Hourn</a>, since <time datetime="2023">2023</time> (term 2023–2027)' in page
    assert 'href="#source-1"' in page and '<li id="source-1">' in page
    assert page.count("Not recorded yet") == 3


def test_a_draft_person_is_nobodys_holder_and_has_no_public_page(client, staff_client):
    appointment = AppointmentFactory(person=PersonFactory(name="Hidden Person", draft=True))
    assert "Hidden Person" not in text(client.get(reverse("people:leadership")))
    assert "Hidden Person" not in text(client.get(reverse("people:list")))
    url = appointment.person.get_absolute_url()
    assert client.get(url).status_code == 404
    response = staff_client.get(url)
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]


def test_a_person_page_lists_posts_over_time_with_sources_and_json_ld(client, secretary_general):
    person = secretary_general.person
    earlier = RoleFactory(title="Minister Delegate", kind="other")
    AppointmentFactory(person=person, role=earlier, started="2016-06", ended="2018-07-31")
    page = text(client.get(person.get_absolute_url()))
    assert "<h1>Dr Kao Kim Hourn" in page
    assert "Cambodia" in page
    assert page.index("Secretary-General of ASEAN</a>") < page.index("Minister Delegate</a>")
    assert '<time datetime="2016-06">June 2016</time>' in page
    assert '<time datetime="2018-07-31">31 July 2018</time>' in page
    assert "in post" in page and "Nominated" in page
    assert "Published" in page and "Cite this page" in page  # {% record_for %}
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    people = [d for d in map(json.loads, blocks) if d.get("@type") == "Person"]
    assert people == [
        {
            "@context": "https://schema.org",
            "@type": "Person",
            "@id": f"http://testserver{person.get_absolute_url()}#person",
            "name": "Kao Kim Hourn",
            "url": f"http://testserver{person.get_absolute_url()}",
            "mainEntityOfPage": f"http://testserver{person.get_absolute_url()}",
            "honorificPrefix": "Dr",
            "nationality": {"@type": "Country", "name": "Cambodia"},
            "jobTitle": "Secretary-General of ASEAN",
            "worksFor": {
                "@type": "GovernmentOrganization",
                "@id": "https://asean.org/",
                "name": "ASEAN Secretariat",
            },
        }
    ]


def test_someone_out_of_post_has_no_job_title(client):
    appointment = AppointmentFactory(started="2010", ended="2015")
    page = text(client.get(appointment.person.get_absolute_url()))
    assert '"jobTitle"' not in page and '"worksFor"' not in page
    assert "Holds no post recorded on this portal today." in page


def test_a_division_page_names_its_head_or_says_it_is_not_recorded(client, secretary_general):
    page = text(client.get(reverse("divisions:detail", args=["osg"])))
    assert "<dt>Headed by</dt>" in page
    assert (
        'Secretary-General of ASEAN: <a href="/people/kao-kim-hourn/">Dr Kao Kim Hourn</a>' in page
    )
    vacant = DivisionFactory(slug="vacant", head_title="Director")
    RoleFactory(title="Director of the Vacant Directorate", kind="division-head", division=vacant)
    page = text(client.get(reverse("divisions:detail", args=["vacant"])))
    assert 'Director of the Vacant Directorate: <span class="not-recorded">not recorded yet' in page
    no_post = DivisionFactory(slug="no-post", head_title="Director")
    page = text(client.get(no_post.get_absolute_url()))
    assert 'Director: <span class="not-recorded">not recorded yet' in page


def test_the_faq_about_a_post_names_who_holds_it_now(client, secretary_general):
    faq = FAQFactory(
        question="Who leads the ASEAN Secretariat?",
        slug="who-leads-the-asean-secretariat",
        answer="The ASEAN Secretariat is headed by the Secretary-General of ASEAN.",
        roles=[secretary_general.role],
    )
    page = text(client.get(reverse("faqs:list")))
    assert "headed by the Secretary-General of ASEAN.</p>" in page  # the quotation as it was
    now = re.search(r'<p class="holding-now">(.*?)</p>', page, re.S).group(1)
    assert (
        'Now: <a href="/people/kao-kim-hourn/">Dr Kao Kim Hourn</a>, Secretary-General of ASEAN'
        in now
    )
    assert '(since <time datetime="2023">2023</time>)' in now and 'href="#source-' in now
    assert faq.roles.get() == secretary_general.role
    assert (
        "holding-now"
        not in text(client.get(f"{reverse('faqs:list')}?order=division")).split("Who leads")[0]
    )


def test_open_data_of_people_and_appointments(client, secretary_general):
    people = json.loads(text(client.get(f"{reverse('people:list')}?format=json")))["items"]
    assert people == [
        {
            "slug": "kao-kim-hourn",
            "name": "Kao Kim Hourn",
            "honorific": "Dr",
            "url": "http://testserver/people/kao-kim-hourn/",
            "nationality": "KH",
            "nationality_slug": "cambodia",
            "nationality_name": "Cambodia",
            "posts": ["secretary-general-of-asean"],
            "current_posts": ["secretary-general-of-asean"],
            "updated_at": people[0]["updated_at"],
        }
    ]
    rows = list(
        csv.DictReader(
            io.StringIO(text(client.get(reverse("people:appointments"))).lstrip("\ufeff"))
        )
    )
    assert rows == [
        {
            "person": "kao-kim-hourn",
            "person_name": "Kao Kim Hourn",
            "role": "secretary-general-of-asean",
            "role_title": "Secretary-General of ASEAN",
            "role_kind": "secretary-general",
            "division": "osg",
            "started": "2023",
            "ended": "",
            "how_appointed": "nominated",
            "term": "2023–2027",
            "source": "Secretary-General of ASEAN (web page)",
            "source_key": secretary_general.source.key,
        }
    ]
    assert client.get(f"{reverse('people:list')}?format=xml").status_code == 400


def test_drafts_stay_out_of_open_data_feed_and_search(client):
    AppointmentFactory(person=PersonFactory(name="Draft Person", slug="draft-person", draft=True))
    AppointmentFactory(role=RoleFactory(slug="draft-post", draft=True))
    assert "draft-person" not in text(client.get(f"{reverse('people:list')}?format=json"))
    appointments = text(client.get(f"{reverse('people:appointments')}?format=json"))
    assert "draft-person" not in appointments and "draft-post" not in appointments
    assert "Draft Person" not in text(client.get(reverse("people:feed")))
    assert "/people/draft-person/" not in text(client.get(f"{reverse('search')}?q=Draft+Person"))


def test_search_finds_the_person_first_by_name(client, secretary_general):
    FAQFactory(question="Who leads the ASEAN Secretariat?", answer="The Secretary-General.")
    page = text(client.get(f"{reverse('search')}?q=Kao+Kim+Hourn"))
    first = re.search(r'<li class="result">.*?<a href="([^"]+)"', page, re.S).group(1)
    assert first == "/people/kao-kim-hourn/"


def test_the_feed_names_people_and_their_posts(client, secretary_general):
    feed = text(client.get(reverse("people:feed")))
    assert "<title>Dr Kao Kim Hourn</title>" in feed
    assert "Secretary-General of ASEAN since 2023." in feed


def test_staff_preview_a_draft_person(client):
    person = PersonFactory(draft=True, name="Draft Preview")
    client.force_login(StaffFactory())
    assert "Draft Preview" in text(client.get(person.get_absolute_url()))


def test_the_sitemaps_list_leadership_people_and_each_person(client, secretary_general):
    index = text(client.get("/sitemap.xml"))
    assert "sitemap-leadership.xml" in index and "sitemap-people.xml" in index
    assert "<loc>http://testserver/leadership/</loc>" in text(client.get("/sitemap-leadership.xml"))
    people = text(client.get("/sitemap-people.xml"))
    assert "<loc>http://testserver/people/kao-kim-hourn/</loc>" in people


def test_a_persons_revisions_compare_their_appointments(secretary_general):
    from people.models import Person
    from publishing.history import record_revision
    from publishing.revisions import compare

    person = secretary_general.person
    record_revision(person, "~")
    secretary_general.ended = "2027"
    secretary_general.save()
    record_revision(person, "~")
    older, newer = Person.history.filter(id=person.pk).order_by("history_id")[1:3]
    rows = {str(row["label"]): row for row in compare(older, newer)}
    assert "to 2027" in rows["appointments"]["after"]


def test_a_member_states_page_names_its_nationals(client, secretary_general):
    page = text(client.get(secretary_general.person.nationality.get_absolute_url()))
    assert 'href="/people/kao-kim-hourn/"' in page
