"""The search page's query string, read defensively: an odd value becomes a message and is
left out; it never reaches the database unchecked and never causes an error page."""

import re

from django.utils.text import capfirst

from publishing.registry import registry
from search.backends import Filters, get_backend
from search.documents import STATUS
from search.models import DocumentKind
from search.tokenizer import CONTROL

SLUG = re.compile(r"^[-\w]{1,80}$", re.ASCII)
YEAR = re.compile(r"^[12][0-9]{3}$")
# Besides its slug, a facet value may be named by a code, where its model has one (a Member
# State's ISO code: ``?member_state=vn``).
CODE_FIELDS = ("iso_code",)


def shown(value, limit=40):
    """A value as a message may quote it: short, without control characters."""
    value = CONTROL.sub("", value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def facet_types():
    """``{kind: model}`` of the registered facet types (divisions, topics, Member States…),
    in registration order."""
    return {
        kind: content_type.model
        for kind, content_type in registry.searchable().items()
        if content_type.search.facet
    }


def facet_title(kind):
    return capfirst(facet_types()[kind]._meta.verbose_name)


class SearchParams:
    """``q``, and at most one each of ``type``, each facet type (``division``, ``topic``,
    ``member_state``…), ``status`` and ``year``."""

    def __init__(self, query_dict):
        self.errors, self.notes = [], []
        self.q = query_dict.get("q", "")
        self.kind = self.read_kind(self.single(query_dict, "type"))
        self.facets = {
            kind: self.read_slug(self.single(query_dict, kind), kind) for kind in facet_types()
        }
        self.status = self.read_status(self.single(query_dict, "status"))
        self.year = self.read_year(self.single(query_dict, "year"))
        # "exact": the words as typed, without typo corrections ("search instead for …").
        self.exact = self.single(query_dict, "exact") == "1"
        # "current": leave out archived pages.
        self.current_only = self.single(query_dict, "current") == "1"
        # "everywhere": a name in the words (a Member State's) does not narrow the search.
        self.everywhere = self.single(query_dict, "everywhere") == "1"

    @property
    def division(self):
        return self.facets.get("division")

    @property
    def topic(self):
        return self.facets.get("topic")

    def single(self, query_dict, name):
        given = list(dict.fromkeys(v.strip() for v in query_dict.getlist(name) if v.strip()))
        if len(given) > 1:
            self.notes.append(f"Choose one {name} at a time; “{shown(given[0])}” was used.")
        return given[0] if given else ""

    def read_kind(self, value):
        if value and value not in DocumentKind.values:
            self.errors.append(
                f"There is no type “{shown(value)}”: choose "
                f"{', '.join(DocumentKind.values[:-1])} or {DocumentKind.values[-1]}."
            )
            return ""
        return value

    def read_slug(self, value, kind):
        if not value:
            return None
        model = facet_types()[kind]
        found = None
        if SLUG.match(value):
            rows = model.objects.published()
            found = rows.filter(slug=value).first()
            fields = {f.name for f in model._meta.get_fields()}
            for code in (c for c in CODE_FIELDS if c in fields and found is None):
                found = rows.filter(**{f"{code}__iexact": value}).first()
        if found is None:
            thing = model._meta.verbose_name
            self.errors.append(f"There is no {thing} “{shown(value)}”.")
        return found

    def read_status(self, value):
        """A status some indexed item has (``planned``, ``ongoing``…)."""
        if not value:
            return ""
        value = value.lower()
        if not (STATUS.match(value) and get_backend().has_facet(f"status:{value}")):
            self.errors.append(f"No item has the status “{shown(value)}”.")
            return ""
        return value

    def read_year(self, value):
        if value and not YEAR.match(value):
            self.errors.append(f"“{shown(value)}” is not a year: give four digits, such as 2025.")
            return ""
        return value

    def facet_keys(self):
        keys = [f"{kind}:{obj.pk}" for kind, obj in self.facets.items() if obj is not None]
        if self.status:
            keys.append(f"status:{self.status}")
        if self.year:
            keys.append(f"year:{self.year}")
        return tuple(keys)

    def filters(self):
        return Filters(kind=self.kind, keys=self.facet_keys(), current_only=self.current_only)

    def as_dict(self, text):
        """The valid parameters, for links that change one of them."""
        values = {
            "q": text,
            "type": self.kind,
            **{kind: obj.slug if obj else "" for kind, obj in self.facets.items()},
            "status": self.status,
            "year": self.year,
            "current": "1" if self.current_only else "",
            "exact": "1" if self.exact else "",
            "everywhere": "1" if self.everywhere else "",
        }
        return {name: value for name, value in values.items() if value}
