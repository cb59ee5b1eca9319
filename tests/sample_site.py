"""A small but realistic portal for page-level tests: the Secretariat's structure, enough
initiatives to fill more than one page, milestones, topics, member states and FAQs.

``build_sample_site()`` returns the objects tests navigate to; everything is published.
"""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.utils import timezone

from divisions.models import DivisionKind, Pillar
from initiatives.models import Initiative
from pages.models import SiteSection
from partial_dates import PartialDate
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    SiteSectionFactory,
    TopicFactory,
)

MEMBER_STATES = [
    ("Brunei Darussalam", "BN"),
    ("Cambodia", "KH"),
    ("Indonesia", "ID"),
    ("Lao PDR", "LA"),
    ("Malaysia", "MY"),
    ("Myanmar", "MM"),
    ("Philippines", "PH"),
    ("Singapore", "SG"),
    ("Thailand", "TH"),
    ("Timor-Leste", "TL"),
    ("Viet Nam", "VN"),
]

UNITS = [
    # name, slug, short name, kind, pillar, head's title
    (
        "ASEAN Political-Security Community Department",
        "political-security",
        "APSC",
        DivisionKind.DEPARTMENT,
        Pillar.POLITICAL_SECURITY,
        "Deputy Secretary-General for the APSC",
    ),
    (
        "ASEAN Economic Community Department",
        "economic",
        "AEC",
        DivisionKind.DEPARTMENT,
        Pillar.ECONOMIC,
        "Deputy Secretary-General for the AEC",
    ),
    (
        "ASEAN Socio-Cultural Community Department",
        "socio-cultural",
        "ASCC",
        DivisionKind.DEPARTMENT,
        Pillar.SOCIO_CULTURAL,
        "Deputy Secretary-General for the ASCC",
    ),
    (
        "ASEAN External Relations Directorate",
        "external-relations",
        "",
        DivisionKind.DIRECTORATE,
        "",
        "Director of External Relations",
    ),
    (
        "ASEAN Community and Corporate Affairs Directorate",
        "community-corporate-affairs",
        "CCA",
        DivisionKind.DIRECTORATE,
        "",
        "Director of Community and Corporate Affairs",
    ),
    (
        "Administration and Finance Department",
        "administration-finance",
        "",
        DivisionKind.DEPARTMENT,
        "",
        "Director of Administration and Finance",
    ),
]

TOPICS = [
    ("Trade and investment", "trade"),
    ("Digital economy", "digital-economy"),
    ("Disaster management", "disaster-management"),
    ("Public health", "public-health"),
    ("Education and youth", "education"),
    ("Environment", "environment"),
]

# 25 initiatives: more than one page of 20 in the list.
INITIATIVE_SUBJECTS = [
    "ASEAN Single Window",
    "Digital Economy Framework Agreement",
    "Agreement on Disaster Management and Emergency Response",
    "Centre for Public Health Emergencies and Emerging Diseases",
    "Work Plan on Education",
    "Agreement on Transboundary Haze Pollution",
    "Comprehensive Investment Agreement",
    "Smart Cities Network",
    "Regional Plan of Action on Women, Peace and Security",
    "Tourism Strategic Plan",
    "Master Plan on Connectivity",
    "Declaration on the Rights of Migrant Workers",
    "Power Grid",
    "Framework on Circular Economy",
    "Youth Development Index",
    "Cybersecurity Cooperation Strategy",
    "Food Security Information System",
    "Marine Debris Action Plan",
    "Blueprint on Social Protection",
    "Mutual Recognition Arrangements for Professionals",
    "Biodiversity Centre Programme",
    "Trade in Goods Agreement Upgrade",
    "Work Plan on Counter-Terrorism",
    "Enabling Masterplan on Disability Inclusion",
    "Strategic Plan for Culture and Arts",
]


def build_sample_site():
    today = timezone.localdate()
    SiteSectionFactory(
        kind=SiteSection.Kind.INTRO,
        title="Introduction",
        body="The ASEAN Secretariat in **Jakarta** facilitates cooperation and coordinates "
        "regional initiatives across Southeast Asia.",
    )
    for title in ("Facilitating Collaboration", "Coordinating Initiatives"):
        SiteSectionFactory(kind=SiteSection.Kind.ROLE, title=title, body=f"{title} body.")
    SiteSectionFactory(kind=SiteSection.Kind.CHALLENGE, title="Resource Constraints")
    SiteSectionFactory(kind=SiteSection.Kind.CONTACT, title="Headquarters", body="Jakarta")

    states = [
        MemberStateFactory(name=n, slug=n.lower().replace(" ", "-"), iso_code=c)
        for n, c in MEMBER_STATES
    ]
    topics = [TopicFactory(name=name, slug=slug) for name, slug in TOPICS]
    root = DivisionFactory(
        name="Office of the Secretary-General",
        slug="office-secretary-general",
        kind=DivisionKind.OFFICE,
        head_title="Secretary-General of ASEAN",
        email="public@asean.example",
        phone="+62 21 000 0000",
        address="Jakarta, Indonesia",
        order=0,
    )
    units = [
        DivisionFactory(
            name=name,
            slug=slug,
            short_name=short,
            kind=kind,
            pillar=pillar,
            head_title=head,
            parent=root,
            order=position,
        )
        for position, (name, slug, short, kind, pillar, head) in enumerate(UNITS, start=1)
    ]
    statuses = Initiative.Status.values
    initiatives = []
    for n, subject in enumerate(INITIATIVE_SUBJECTS):
        lead = units[n % 3] if n % 5 else units[3 + n % 3]
        initiative = InitiativeFactory(
            title=subject,
            slug=f"sample-{n}",
            summary=f"How the Member States work together on {subject.lower()}.",
            lead_division=lead,
            pillar=lead.pillar or Pillar.ECONOMIC,
            status=statuses[n % len(statuses)],
            planned_start=PartialDate(2016 + n % 6, 1 + n % 12),
            planned_end=PartialDate(2026 + n % 5),
            featured=n < 4,
            topics=[topics[n % len(topics)], topics[(n + 2) % len(topics)]],
            supporting_divisions=[units[(n + 1) % 3]],
            member_states=states if n % 2 else states[: 3 + n % 8],
        )
        for step in range(n % 4 + 1):
            due = today + datetime.timedelta(days=200 * (step - 1))
            MilestoneFactory(
                initiative=initiative,
                title=f"Stage {step + 1} of the {subject}",
                planned=PartialDate.from_date(due),
                reached=PartialDate.from_date(due) if due < today else None,
            )
        initiatives.append(initiative)
    faqs = [
        FAQFactory(
            question=question,
            slug=f"faq-{n}",
            answer=f"An answer about {question.lower()} with a [link](/about/).",
            division=(units + [root])[n % 7],
            topics=[topics[n % len(topics)]],
            order=n,
        )
        for n, question in enumerate(
            [
                "What does the ASEAN Secretariat do?",
                "Where is the ASEAN Secretariat?",
                "Who heads the ASEAN Secretariat?",
                "How can I work at the ASEAN Secretariat?",
                "How does ASEAN respond to disasters?",
                "What is the ASEAN Economic Community?",
                "How can students take part?",
                "Where can I find ASEAN documents?",
            ]
        )
    ]
    return SimpleNamespace(
        root=root,
        units=units,
        topics=topics,
        states=states,
        initiatives=initiatives,
        faqs=faqs,
        # The one most pages link to: lead of the first, fourth, ... initiatives.
        economic=units[1],
        trade=topics[0],
    )


PAGE_BUDGET = 60_000  # bytes: everything a page loads (HTML, CSS, images, fonts)


@dataclass
class PageType:
    name: str
    url: str
    status: int = 200


def page_types(site):
    """One address of every type of public page, including the awkward ones."""
    initiative = site.initiatives[3]  # it has milestones, some done and some not
    return [
        PageType("home", "/"),
        PageType("about", "/about/"),
        PageType("divisions", "/divisions/"),
        PageType("division", site.economic.get_absolute_url()),
        PageType("initiatives", "/initiatives/"),
        PageType(
            "initiatives-filtered",
            f"/initiatives/?division={site.economic.slug}&topic={site.trade.slug}",
        ),
        PageType("initiatives-page-2", "/initiatives/?page=2"),
        PageType("initiatives-form-error", "/initiatives/?division=nowhere&status=lost", 400),
        PageType("initiative", initiative.get_absolute_url()),
        PageType("overview", "/initiatives/overview/"),
        PageType("topic", site.trade.get_absolute_url()),
        PageType("faqs", "/faqs/"),
        PageType("faqs-filtered", f"/faqs/?topic={site.trade.slug}"),
        # Issue 18: the FAQs by division, the archived initiatives, the sitemap for people.
        PageType("faqs-by-division", "/faqs/?order=division"),
        PageType("initiatives-archived", "/initiatives/?status=archived"),
        PageType("sitemap-page", "/sitemap/"),
        # Site search (the header's box): results with facets and marked words, a facet
        # chosen, and a search that finds nothing; and words on the initiatives list.
        PageType("search", "/search/?q=trade"),
        PageType("search-filtered", f"/search/?q=trade&topic={site.trade.slug}"),
        PageType("search-no-results", "/search/?q=zzyzx+quokka"),
        PageType("initiatives-no-results", "/initiatives/?q=zzyzx+quokka"),
        PageType("data", "/data/"),
        PageType("accessibility", "/accessibility/"),
        # Who runs the portal and what changed (issue 13).
        PageType("about-this-site", "/about-this-site/"),
        PageType("contact", "/contact/"),
        PageType("privacy", "/privacy/"),
        PageType("updates", "/updates/"),
        PageType("not-found", "/no-such-page/", 404),
    ]
