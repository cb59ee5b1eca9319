"""The search page's query string, read defensively: an odd value becomes a message and is
left out; it never reaches the database unchecked and never causes an error page."""

import re

from search.backends import Filters
from search.documents import model_of_kind
from search.models import DocumentKind
from search.tokenizer import CONTROL

SLUG = re.compile(r"^[-\w]{1,80}$", re.ASCII)


def shown(value, limit=40):
    """A value as a message may quote it: short, without control characters."""
    value = CONTROL.sub("", value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


class SearchParams:
    """``q``, and at most one each of ``type``, ``division`` and ``topic``."""

    def __init__(self, query_dict):
        self.errors, self.notes = [], []
        self.q = query_dict.get("q", "")
        self.kind = self.read_kind(self.single(query_dict, "type"))
        self.division = self.read_slug(self.single(query_dict, "division"), "division")
        self.topic = self.read_slug(self.single(query_dict, "topic"), "topic")
        # "exact": the words as typed, without typo corrections ("search instead for …").
        self.exact = self.single(query_dict, "exact") == "1"
        # "current": leave out archived pages.
        self.current_only = self.single(query_dict, "current") == "1"

    def single(self, query_dict, name):
        given = list(dict.fromkeys(v.strip() for v in query_dict.getlist(name) if v.strip()))
        if len(given) > 1:
            self.notes.append(f"Choose one {name} at a time; “{shown(given[0])}” was used.")
        return given[0] if given else ""

    def read_kind(self, value):
        if value and value not in DocumentKind.values:
            self.errors.append(
                f"There is no type “{shown(value)}”: choose division, initiative, faq or topic."
            )
            return ""
        return value

    def read_slug(self, value, thing):
        if not value:
            return None
        model = model_of_kind(thing)
        found = model.objects.published().filter(slug=value).first() if SLUG.match(value) else None
        if found is None:
            self.errors.append(f"There is no {thing} “{shown(value)}”.")
        return found

    def filters(self):
        return Filters(
            kind=self.kind,
            division_id=self.division.pk if self.division else None,
            topic_id=self.topic.pk if self.topic else None,
            current_only=self.current_only,
        )

    def as_dict(self, text):
        """The valid parameters, for links that change one of them."""
        values = {
            "q": text,
            "type": self.kind,
            "division": self.division.slug if self.division else "",
            "topic": self.topic.slug if self.topic else "",
            "current": "1" if self.current_only else "",
            "exact": "1" if self.exact else "",
        }
        return {name: value for name, value in values.items() if value}
