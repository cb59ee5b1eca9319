from django.db.models import F

from public.listing import FilteredListView
from search.filtering import word_match, word_notes

from .filters import FAQFilter
from .models import FAQ
from .opendata import FAQS


class FAQListView(FilteredListView):
    """Every published FAQ, grouped by owning division, filterable by topic and division.
    With words, the questions within each division come best match first."""

    filterset_class = FAQFilter
    dataset = FAQS
    context_object_name = "faqs"
    template_name = "faqs/faq_list.html"

    def get_queryset(self):
        return (
            FAQ.objects.published()
            .select_related("division")
            .order_by(F("division__order").asc(nulls_last=True), "division__name", "order")
        )

    def notes(self):
        return word_notes(self.filterset)

    def ordered_list(self):
        match = word_match(self.filterset)
        if not match:
            return self.filterset.qs
        # Grouped by division as the page shows them; within a division, best match first.
        position = {pk: n for n, pk in enumerate(match.ranked_ids(self.filterset.qs, 0, None))}
        rows = list(self.filterset.qs)
        group = {}
        for row in rows:
            group.setdefault(row.division_id, len(group))
        return sorted(rows, key=lambda row: (group[row.division_id], position.get(row.pk, 0)))
