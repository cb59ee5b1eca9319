"""The FAQ dataset: its column names are a public contract (see the Data page)."""

from django.db.models import Prefetch

from asean_portal.opendata import Column, Dataset
from initiatives.models import Topic

FAQS = Dataset(
    name="faqs",
    title="Questions people ask about the ASEAN Secretariat, with answers",
    columns=(
        Column(
            "slug",
            "Stable identifier; the answer is at /faqs/#<slug>.",
            lambda f: f.slug,
            "where-is-the-secretariat",
        ),
        Column("question", "The question.", lambda f: f.question),
        Column("answer", "The answer, in Markdown.", lambda f: f.answer),
        Column("url", "Address of the answer.", lambda f: f.get_absolute_url(), is_path=True),
        Column(
            "division",
            "Slug of the division that answers it, or empty.",
            lambda f: f.division.slug if f.division else "",
        ),
        Column(
            "division_name",
            "Name of that division, or empty.",
            lambda f: f.division.name if f.division else "",
        ),
        Column(
            "topics",
            "Slugs of its topics (/topics/<slug>/).",
            lambda f: [t.slug for t in f.topics.all()],
        ),
        Column(
            "updated_at",
            "Last change, ISO 8601 in UTC.",
            lambda f: f.updated_at,
            "2025-03-01T08:30:00Z",
        ),
    ),
)


def for_export(queryset):
    return queryset.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.published().only("slug"))
    )
