"""``/sitemap/``: the site's map for people, beside ``/sitemap.xml`` for machines. Every
public section and every list of items, grouped as a reader looks for them; the lists a
filter makes (a division's, a topic's, a Member State's initiatives) are linked from their
pages, which are linked here."""

from typing import NamedTuple

from django.urls import Resolver404, resolve, reverse
from django.views.generic import TemplateView

from divisions.models import Division
from divisions.tree import build_tree
from initiatives.models import Topic
from member_states.models import MemberState

# Sections DESIGN.md plans (and other branches add): listed once their address answers.
ASEAN_SECTIONS = [
    ("/member-states/", "Member States", "The Member States of ASEAN."),
    ("/leadership/", "Leadership", "Who leads the Secretariat now."),
    ("/bodies/", "ASEAN bodies", "ASEAN's bodies as a hierarchy."),
    ("/meetings/", "Meetings", "Meetings and events."),
    ("/documents/", "Documents", "Declarations, agreements, plans and reports."),
    ("/partners/", "Partners", "Dialogue and other partners."),
]
SITE_SECTIONS = [
    ("/updates/", "Recent updates", "Recent major changes across the portal."),
    ("/glossary/", "Glossary", "The acronyms and terms the search understands."),
    ("/contact/", "Contact", "Who runs this portal and how to reach them."),
    ("/privacy/", "Privacy notice", "What this portal records about you."),
]


class Link(NamedTuple):
    url: str
    text: str
    note: str = ""
    depth: int = 0


def answers(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def answering(sections):
    return [Link(path, text, note) for path, text, note in sections if answers(path)]


def division_links(nodes, depth=0):
    for node in nodes:
        division = node.division
        yield Link(division.get_absolute_url(), division.name, depth=depth)
        yield from division_links(node.children, depth + 1)


class SitemapPageView(TemplateView):
    template_name = "pages/sitemap.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiatives = reverse("initiatives:list")
        faqs = reverse("faqs:list")
        context["groups"] = [
            (
                "The Secretariat",
                [
                    Link(reverse("home"), "Home"),
                    Link(
                        reverse("about"),
                        "About the Secretariat",
                        "Its role, structure and challenges.",
                    ),
                    Link(
                        reverse("divisions:list"),
                        "Divisions",
                        "The organisation chart and every unit.",
                    ),
                    *division_links(build_tree(Division.objects.published())),
                ],
            ),
            ("ASEAN", answering(ASEAN_SECTIONS)),
            (
                "Initiatives",
                [
                    Link(
                        initiatives,
                        "All initiatives",
                        "Filter by division, topic, status, pillar and Member State.",
                    ),
                    Link(
                        reverse("initiatives:overview"),
                        "Initiatives at a glance",
                        "Counted by status, pillar and lead division.",
                    ),
                    Link(
                        f"{initiatives}?status=archived",
                        "Archived initiatives",
                        "No longer current, kept for reference.",
                    ),
                ],
            ),
            (
                "Initiatives by topic",
                [
                    Link(t.get_absolute_url(), t.name)
                    for t in Topic.objects.published().only("name", "slug")
                ],
            ),
            (
                # Each page lists what involves the state, with links to the filtered lists.
                "Member States",
                [
                    Link(state.get_absolute_url(), state.name)
                    for state in MemberState.objects.published().only("name", "slug")
                ],
            ),
            (
                "Questions",
                [
                    Link(faqs, "Frequently asked questions", "In the order of the source."),
                    Link(f"{faqs}?order=division", "Questions by division"),
                ],
            ),
            (
                "Search and open data",
                [
                    Link(reverse("search"), "Search", "One search over everything on the portal."),
                    Link(reverse("data"), "Open data", "Every list as CSV or JSON, and the feeds."),
                    Link(reverse("initiatives:feed"), "Atom feed", "New and updated initiatives."),
                    Link(reverse("updates"), "Updates", "New pages and major changes, with notes."),
                    Link(reverse("sitemap"), "XML sitemap", "This map, for search engines."),
                ],
            ),
            (
                "About this portal",
                [
                    *answering(SITE_SECTIONS),
                    Link(
                        reverse("accessibility"),
                        "Accessibility",
                        "How the portal is made usable, and its known limits.",
                    ),
                    # Who runs the portal and how to reach them (issue 13 point 6).
                    Link(reverse("about-this-site"), "About this site", "What it is, who runs it."),
                    Link(reverse("contact"), "Contact", "Questions, corrections, accessibility."),
                    Link(reverse("privacy"), "Privacy", "What is kept, and for how long."),
                ],
            ),
        ]
        context["groups"] = [(title, links) for title, links in context["groups"] if links]
        return context
