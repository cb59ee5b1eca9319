"""The FAQ dataset: its column names are a public contract (see the Data page)."""

from django.db.models import F
from django.urls import reverse

from initiatives.models import Topic
from public.opendata import Column, Dataset, grouped

from .models import FAQ


def values(queryset):
    return queryset.select_related(None).values(
        "pk",
        "slug",
        "question",
        "answer",
        "updated_at",
        division_slug=F("division__slug"),
        division_name_=F("division__name"),
    )


def complete(chunk):
    """Each row with its topics: one query for the whole chunk."""
    topics = grouped(
        FAQ.topics.through.objects.filter(
            faq_id__in=[row["pk"] for row in chunk], topic__in=Topic.objects.published()
        )
        .order_by("topic__name")
        .values_list("faq_id", "topic__slug")
    )
    answers = reverse("faqs:list")
    for row in chunk:
        yield {
            **row,
            "url": f"{answers}#{row['slug']}",
            "division": row["division_slug"] or "",
            "division_name": row["division_name_"] or "",
            "topics": topics.get(row["pk"], []),
        }


FAQS = Dataset(
    name="faqs",
    title="Questions people ask about the ASEAN Secretariat, with answers",
    values=values,
    complete=complete,
    columns=(
        Column("slug", "Stable identifier; the answer is at /faqs/#<slug>.", "where-is-it"),
        Column("question", "The question."),
        Column("answer", "The answer, in Markdown."),
        Column("url", "Address of the answer.", is_path=True),
        Column("division", "Slug of the division that answers it, or empty."),
        Column("division_name", "Name of that division, or empty."),
        Column("topics", "Slugs of its topics (/topics/<slug>/)."),
        Column("updated_at", "Last change, ISO 8601 in UTC.", "2025-03-01T08:30:00Z"),
    ),
)
