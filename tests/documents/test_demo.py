import pytest
from django.core.management import call_command

from documents.models import Document, Participation
from publishing.markdown import render_markdown
from tests.seed.loading import load

pytestmark = pytest.mark.django_db


def test_demo_documents_come_in_bulk_with_identifiers_and_leave_the_seed_alone(client):
    load()
    seeded = set(Document.objects.values_list("identifier", flat=True))
    call_command("generate_demo_data", initiatives=0, documents=2500, verbosity=0)
    demo = Document.objects.filter(slug__startswith="demo-doc-")
    assert demo.count() == 2500
    identifiers = list(Document.objects.values_list("identifier", flat=True))
    assert len(identifiers) == len(set(identifiers)) == len(seeded) + 2500
    assert Participation.objects.filter(document__in=demo).exists()
    for document in demo[:20]:  # the HTML made without Markdown is what Markdown makes
        assert document.summary_html == render_markdown(document.summary)
    assert client.get("/documents/?type=agreement&page=40").status_code == 200
    call_command("generate_demo_data", initiatives=0, documents=10, verbosity=0)
    assert demo.count() == 10
    assert seeded <= set(Document.objects.values_list("identifier", flat=True))
