"""An agreement's signatures and consents as a matrix: one row per Member State, one column
per step (signature, consent to be bound and its kind), and the entry into force. An empty
cell is "not recorded yet", never "not done": the portal records only what a source says."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from publishing.content import State

from .models import Participation


@dataclass
class Matrix:
    rows: list  # Participation, member_state joined
    entered_into_force: object  # PartialDate or None
    shown: bool  # an agreement, or any document with participations

    @property
    def signed_count(self):
        return sum(1 for row in self.rows if row.signed)

    @property
    def consented_count(self):
        return sum(1 for row in self.rows if row.consented)


def agreement_matrix(document, participations):
    return Matrix(
        rows=participations,
        entered_into_force=document.entered_into_force or None,
        shown=document.is_agreement or bool(participations),
    )


def agreements_of(member_state, now=None):
    """The Member State's signatures and consents to published documents, newest document
    first (a queryset): for its page."""
    now = now or timezone.now()
    return (
        Participation.objects.filter(
            Q(document__publish_at__isnull=True) | Q(document__publish_at__lte=now),
            Q(document__unpublish_at__isnull=True) | Q(document__unpublish_at__gt=now),
            member_state=member_state,
            document__state=State.PUBLISHED,
        )
        .select_related("document", "source")
        .only(
            "signed",
            "consent_kind",
            "consented",
            "document__title",
            "document__slug",
            "document__identifier",
            "document__entered_into_force",
            "document__state",
            "document__publish_at",
            "document__unpublish_at",
            "source__title",
            "source__key",
        )
        .order_by("-document__date", "document__title", "pk")
    )
