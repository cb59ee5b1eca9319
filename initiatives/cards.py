"""What an initiative card (``includes/initiative_card.html``) shows besides its own row:
its published topics, in name order, each a link.

Django's ``prefetch_related`` of the topics cost more than the card rows themselves (per
list, a related manager, its queryset with the publication filter, and the prefetch
bookkeeping). Here every card on a page gets its topics from one plain query on the link
table: (initiative, topic name, topic slug) for the rows shown, published topics only.
"""

from collections import defaultdict
from typing import NamedTuple

from public.links import slug_url

from .models import Initiative, Topic


class TopicLink(NamedTuple):
    name: str
    url: str


def with_topics(initiatives):
    """``initiatives`` as a list, each with ``card_topics``: a list of ``TopicLink``."""
    initiatives = list(initiatives)
    if not initiatives:
        return initiatives
    links = (
        Initiative.topics.through.objects.filter(
            initiative_id__in={initiative.pk for initiative in initiatives},
            topic__in=Topic.objects.published(),
        )
        .order_by("topic__name", "topic_id")
        .values_list("initiative_id", "topic__name", "topic__slug")
    )
    found, shown = defaultdict(list), {}
    for initiative_id, name, slug in links:
        link = shown.get(slug)
        if link is None:
            link = shown[slug] = TopicLink(name, slug_url("topics:detail", slug))
        found[initiative_id].append(link)
    for initiative in initiatives:
        initiative.card_topics = found.get(initiative.pk, [])
    return initiatives
