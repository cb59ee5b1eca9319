"""Filtering by Member State: the slug (``?member_state=viet-nam``) or the ISO code, in any
case (``?member_state=vn``, ``VN``), as the open data gives codes. Any list or download
that filters by Member State uses ``member_state_filter`` and ``MemberStateCodes``."""

from django.http import QueryDict

from caching import content_token
from public.listing import slug_choice_filter

from .models import MemberState

PARAMETER = "member_state"


def slugs_by_code():
    """``{"VN": "viet-nam", ...}`` of the published Member States, read once per content
    token (no query to read a filter once the cache is warm)."""
    return content_token.remember(
        "member-states:slugs-by-code",
        lambda: dict(MemberState.objects.published().values_list("iso_code", "slug")),
    )


def slug_for(value):
    """The slug a filter value names: an ISO code (any case) becomes its state's slug;
    anything else is returned as it is (a slug, or a value the filter will refuse with its
    message)."""
    if len(value.strip()) == 2:
        return slugs_by_code().get(value.strip().upper(), value)
    return value


def member_state_filter(**kwargs):
    """A ``?member_state=`` filter: published Member States by slug, "There is no member
    state “x”." for an unknown one (an ISO code reads as its slug: ``MemberStateCodes``)."""
    return slug_choice_filter("member state", MemberState, **kwargs)


def with_slugs(data, parameter=PARAMETER):
    """``data`` (the query string) with a Member State's ISO code replaced by its slug; the
    same object when there is nothing to replace."""
    if not data or parameter not in data:
        return data
    if not isinstance(data, QueryDict):
        value = data.get(parameter)
        return {**data, parameter: slug_for(value)} if isinstance(value, str) else data
    values = data.getlist(parameter)
    slugs = [slug_for(value) for value in values]
    if slugs == values:
        return data
    copied = data.copy()
    copied.setlist(parameter, slugs)
    return copied


class MemberStateCodes:
    """A FilterSet mixin: the ISO code works wherever the slug does, and the form then
    shows the slug (the choice it stands for)."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(with_slugs(data), *args, **kwargs)
