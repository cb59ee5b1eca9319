"""Synthetic meetings for benchmarks: ``generate_demo_data --meetings 10000``.

Each is marked like the other demo rows (slug ``demo-meeting-N``, a description saying it is
synthetic, the demo source as its citation), meets one of the seeded bodies, and is written
with bulk inserts (a batch of 2,000 rows and their citations per transaction)."""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from bodies.models import Body
from meetings.models import Meeting, MeetingStatus
from member_states.models import MemberState
from partial_dates import PartialDate
from publishing.content import State
from publishing.markdown import render_markdown
from seed.demo_data import SLUG_PREFIX, SYNTHETIC_NOTE, demo_source
from sources.models import Citation

PREFIX = f"{SLUG_PREFIX}meeting-"
BATCH = 2000
DESCRIPTION = SYNTHETIC_NOTE
KINDS = ["Meeting", "Retreat", "Special Meeting", "Preparatory Meeting", "Working Session"]


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def demo_meetings():
    return Meeting.objects.filter(slug__startswith=PREFIX)


def clear_meetings():
    """Delete every demo meeting and its citations (the seeded ones stay)."""
    meetings = demo_meetings()
    with transaction.atomic():
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(Meeting),
            object_id__in=meetings.values("pk"),
        ).delete()
        Meeting.partners.through.objects.filter(meeting__in=meetings).delete()
        return meetings.delete()[0]


def status_for(rng, starts, today):
    if rng.random() < 0.04:
        return MeetingStatus.CANCELLED
    if starts.is_after(today):
        return MeetingStatus.POSTPONED if rng.random() < 0.05 else MeetingStatus.UPCOMING
    return MeetingStatus.HELD


def build_meetings(count, seed=2045, today=None):
    """The batches (an iterator of the number made after each); refuses at once, before any
    is made, when there are no bodies or Member States to give them."""
    bodies = list(Body.objects.all())
    states = list(MemberState.objects.all())
    if count and not (bodies and states):
        raise ValueError("Load the seed content first (bodies and Member States).")
    return _batches(count, random.Random(seed), bodies, states, today or timezone.localdate())


def _batches(count, rng, bodies, states, today):
    source = demo_source()
    meeting_type = ContentType.objects.get_for_model(Meeting)
    description_html = render_markdown(DESCRIPTION)
    for offset in range(0, count, BATCH):
        size = min(BATCH, count - offset)
        rows = []
        for n in range(offset, offset + size):
            body = rng.choice(bodies)
            host = rng.choice(states)
            day = datetime.date(rng.randint(1995, 2032), rng.randint(1, 12), rng.randint(1, 28))
            precision = rng.random()
            if precision < 0.85:
                starts = PartialDate.from_date(day)
                length = rng.choice([0, 0, 1, 1, 2, 3])
                ends = PartialDate.from_date(day + datetime.timedelta(days=length))
                ends = ends if length else None
            else:
                starts = (
                    PartialDate(day.year, day.month) if precision < 0.95 else PartialDate(day.year)
                )
                ends = None
            number = rng.randint(1, 60)
            rows.append(
                Meeting(
                    title=f"{ordinal(number)} {rng.choice(KINDS)} of the {body.name} (demo {n})",
                    slug=f"{PREFIX}{n}",
                    body=body,
                    ordinal=number,
                    starts=starts,
                    ends=ends,
                    host_state=host,
                    chair=host,
                    status=status_for(rng, starts, today),
                    description=DESCRIPTION,
                    description_html=description_html,
                    state=State.DRAFT if rng.random() < 0.05 else State.PUBLISHED,
                )
            )
        with transaction.atomic():
            created = Meeting.objects.bulk_create(rows)
            Citation.objects.bulk_create(
                [
                    Citation(content_type=meeting_type, object_id=m.pk, source=source)
                    for m in created
                ],
                batch_size=BATCH,
            )
        yield offset + size
