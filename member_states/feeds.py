"""An Atom feed per Member State: new and updated items of every type that involve it,
newest change first (an entry's <updated> is its last public change)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404

from public.feeds import PlainTextAtomFeed
from publishing import changes

from .involving import involving, involving_types
from .models import MemberState

ENTRIES = 50


def find_state(key):
    """The published Member State with this slug or ISO code (any case), else 404."""
    states = MemberState.objects.published()
    state = states.filter(slug=key).first()
    if state is None and len(key) == 2:
        state = states.filter(iso_code=key.upper()).first()
    if state is None:
        raise Http404("No Member State found matching the query")
    return state


def last_change(item):
    return item.public_updated_at or item.updated_at


class MemberStateFeed(Feed):
    feed_type = PlainTextAtomFeed  # summaries as text: HTML in them never runs in a reader
    author_name = settings.PORTAL_NAME

    def get_object(self, request, slug):
        return find_state(slug)

    def title(self, state):
        return f"{state.name} in ASEAN · {settings.PORTAL_NAME}"

    def subtitle(self, state):
        return f"New and updated items on this portal that involve {state.name}."

    def link(self, state):
        return state.get_absolute_url()

    def items(self, state):
        """The newest of each type (two queries a type), merged, newest first."""
        found = []
        for content_type in involving_types():
            rows = involving(content_type, state).order_by("-updated_at", "-pk")[:ENTRIES]
            found += changes.with_last_change(rows)
        found.sort(key=lambda item: (last_change(item), item.updated_at), reverse=True)
        return found[:ENTRIES]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return getattr(item, "summary", "") or ""

    def item_link(self, item):
        return item.get_absolute_url()

    def item_updateddate(self, item):
        return last_change(item)

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_categories(self, item):
        return [str(item._meta.verbose_name).capitalize()]
