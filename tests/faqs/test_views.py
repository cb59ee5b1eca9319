import pytest
from django.urls import reverse

from tests.factories import DivisionFactory, FAQFactory, TopicFactory

pytestmark = pytest.mark.django_db

LIST = reverse("faqs:list")


def questions(response):
    return [faq.question for faq in response.context["faqs"]]


@pytest.fixture
def faqs():
    office = DivisionFactory(slug="office", name="Office of the Secretary-General", order=1)
    outreach = DivisionFactory(slug="outreach", name="Community Affairs Directorate", order=2)
    location = TopicFactory(slug="location")
    leadership = TopicFactory(slug="leadership")
    FAQFactory(question="Who leads it?", division=office, topics=[leadership], order=1)
    FAQFactory(question="Where is it?", division=outreach, topics=[location], order=1)
    FAQFactory(question="What does it do?", division=office, topics=[leadership], order=2)
    FAQFactory(question="Draft question?", division=office, draft=True)


def test_published_faqs_in_the_order_of_the_source_by_default(client, faqs):
    response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert questions(response) == ["Who leads it?", "Where is it?", "What does it do?"]
    assert "Draft question?" not in html
    assert 'id="group-' not in html  # no division headings
    assert '<span aria-current="true">In the order of the source</span>' in html
    assert '<a href="/faqs/?order=division#results">By division</a>' in html
    assert '<h2 id="results" tabindex="-1">3 questions</h2>' in html
    assert 'id="question-' in html  # each answer has an anchor to link to


def test_published_faqs_grouped_by_division_on_request(client, faqs):
    response = client.get(f"{LIST}?order=division")
    html = response.content.decode()
    assert response.status_code == 200
    assert questions(response) == ["Who leads it?", "What does it do?", "Where is it?"]
    assert html.index("Office of the Secretary-General") < html.index("Who leads it?")
    assert html.index("Community Affairs Directorate") < html.index("Where is it?")
    assert '<span aria-current="true">By division</span>' in html
    assert '<a href="/faqs/#results">In the order of the source</a>' in html
    filtered = client.get(f"{LIST}?order=division&topic=location&page=2").content.decode()
    assert '<a href="/faqs/?topic=location#results">In the order of the source</a>' in filtered
    # Applying filters keeps the order.
    assert '<input type="hidden" name="order" value="division">' in html


def test_an_unknown_order_says_so_and_shows_the_source_order(client, faqs):
    response = client.get(f"{LIST}?order=<b>")
    html = response.content.decode()
    assert response.status_code == 200
    assert questions(response) == ["Who leads it?", "Where is it?", "What does it do?"]
    assert "“&lt;b&gt;” is not a way to order the questions" in html


def test_words_rank_the_best_match_first_in_either_order(client, faqs):
    for order in ("", "division"):
        response = client.get(LIST, {"q": "it", "order": order} if order else {"q": "it"})
        assert response.status_code == 200
        assert sorted(questions(response)) == ["What does it do?", "Where is it?", "Who leads it?"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=location", ["Where is it?"]),
        ("division=office", ["Who leads it?", "What does it do?"]),
        ("q=lead", ["Who leads it?"]),  # "leads", stemmed as on /search/
        ("division=office&topic=leadership&q=leads", ["Who leads it?"]),
        ("division=outreach&topic=leadership", []),
    ],
)
def test_filters(client, faqs, query, expected):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert questions(response) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("topic=nope", "There is no topic “nope”."),
        ("division=%00%01", "Null characters are not allowed."),
        ("q=" + "y" * 300, "at most 200 characters"),
    ],
)
def test_bad_filters_answer_400_with_a_message(client, faqs, query, message):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("rows", [1, 50])
def test_query_count_does_not_grow_with_rows(queries_for, rows):
    topic = TopicFactory(slug="t")
    for _ in range(rows):
        FAQFactory(topics=[topic])
    # The content token, the FAQs, and (on the first request) the two filters' choices;
    # words add the index's ranking of the matches and, once per content token, the
    # acronym glossary.
    # + the citations of the FAQs shown (their sources), the posts they are about (and, when
    # some are, who holds them today: people's ``holders_now``), the documents they rest on
    assert queries_for(LIST) == 7
    assert queries_for(f"{LIST}?topic=t&q=question") == 7
