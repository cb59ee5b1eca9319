"""Links worked out once per view (public.links) are the addresses ``reverse()`` gives,
under any script prefix the site is served at."""

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from public.links import slug_url, view_url


@pytest.fixture(params=["/", "/portal/"])
def prefix(request):
    set_script_prefix(request.param)
    yield request.param
    clear_script_prefix()


def test_a_slug_page_link_is_what_reverse_gives(prefix):
    for view, slug in [("initiatives:detail", "single-window"), ("documents:detail", "a_b-9")]:
        assert slug_url(view, slug) == reverse(view, args=[slug])
        assert slug_url(view, slug).startswith(prefix)


def test_a_view_link_is_what_reverse_gives(prefix):
    for view in ("faqs:list", "initiatives:list", "home"):
        assert view_url(view) == reverse(view)
        assert view_url(view).startswith(prefix)
