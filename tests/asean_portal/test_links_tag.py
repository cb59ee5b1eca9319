"""``{% link %}`` (``asean_portal.templatetags.links``): the address ``{% url %}`` gives,
reversed once per view."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse


def render(source, **context):
    return Template("{% load links %}" + source).render(Context(context))


@pytest.mark.parametrize(
    "viewname, args",
    [
        ("initiatives:feed", []),
        ("faqs:list", []),
        ("initiatives:division-feed", ["trade_and-industry-2"]),
        ("documents:file", ["asean-charter"]),
    ],
)
def test_link_gives_what_reverse_gives(viewname, args):
    source = "{% link name %}" if not args else "{% link name slug %}"
    assert render(source, name=viewname, slug=args[0] if args else None) == reverse(
        viewname, args=args
    )


def test_a_value_that_is_not_a_slug_is_reversed_as_url_would():
    """Not a slug: Django's ``reverse()`` quotes it, or refuses it, and then the link is
    left empty, as ``{% url … as name %}`` leaves it."""
    identifier = "ASEC DOCü"  # a space and a letter to quote
    assert render("{% link 'documents:by-identifier' value %}", value=identifier) == reverse(
        "documents:by-identifier", args=[identifier]
    )
    with pytest.raises(NoReverseMatch):
        reverse("initiatives:division-feed", args=["a b/c"])
    assert render("{% link 'initiatives:division-feed' slug %}", slug="a b/c") == ""


def test_link_as_a_name_keeps_the_address():
    html = render(
        "{% link 'initiatives:division-feed' slug as feed %}<a href=\"{{ feed }}\">",
        slug="trade",
    )
    assert html == f'<a href="{reverse("initiatives:division-feed", args=["trade"])}">'
