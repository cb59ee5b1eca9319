"""Running the seed loader in tests, and what it writes."""

from io import StringIO

from django.core.management import call_command

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative, Milestone, Topic
from member_states.models import MemberState
from pages.models import SiteSection
from sources.models import Citation, Source

ARTICLE_QUESTIONS = [
    "What is the main function of the ASEAN Secretariat?",
    "Where is the ASEAN Secretariat located?",
    "Who leads the ASEAN Secretariat?",
    "How does the ASEAN Secretariat support ASEAN Member States?",
    "What are some of the challenges faced by the ASEAN Secretariat?",
]
# Pieces of the article publisher's contact line, which must never reach the portal.
PUBLISHER_CONTACT = [
    "0369020373",
    "Bắc Giang",
    "Bac Giang",
    "Giang",
    "Hiệp Hòa",
    "Ngọc Liễn",
    "Need assistance",
    "customer support",
    "email protected",
    "24/7",
]
CONTENT_MODELS = [SiteSection, Division, Topic, Initiative, FAQ]


def load(verbosity=0):
    out = StringIO()
    call_command("load_seed_content", verbosity=verbosity, stdout=out)
    return out.getvalue()


def snapshot():
    """Every row the loader writes, with its updated_at where it has one."""
    rows = {}
    for model in CONTENT_MODELS:
        rows[model.__name__] = dict(model.objects.values_list("slug", "updated_at"))
    rows["MemberState"] = dict(MemberState.objects.values_list("slug", "iso_code"))
    rows["Milestone"] = sorted(
        Milestone.objects.values_list(
            "pk", "initiative__slug", "title", "planned", "reached", "source__key"
        )
    )
    rows["Source"] = sorted(Source.objects.values_list("key", "title", "published"))
    rows["Citation"] = sorted(
        Citation.objects.values_list("pk", "content_type__model", "object_id", "source__key")
    )
    for model, name in [(Initiative, "topics"), (Initiative, "member_states"), (FAQ, "topics")]:
        rows[f"{model.__name__}.{name}"] = sorted(
            model.objects.values_list("slug", f"{name}__slug")
        )
    return rows
