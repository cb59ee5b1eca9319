"""Seed data for the library (documents) and partners: only what the lead's ruling of
session 6 allows, each fact with its source.

Documents: one for each official document and publication already among the seed's
sources (``seed.data.SOURCES``), with that source's title and date (at its precision), the
source linked as "the same document as a source" and cited. The type is read from the
title (a declaration, an agreement or protocol, a plan, work plan, blueprint or masterplan).
Places, languages, issuing bodies and addresses stay empty for staff, except the two places
the ruling gives (the Charter signed in Singapore, AADMER in Vientiane).
"""

from seed.data import OFFICIAL, PUBLICATION, TEN, WEB

DECLARATION, AGREEMENT, PLAN, STATEMENT = "declaration", "agreement", "plan", "statement"

# source key: (document slug, type). Every OFFICIAL or PUBLICATION source has a row (a test
# says so); its title and date come from the source itself.
DOCUMENTS = {
    "bangkok-declaration": ("asean-declaration-bangkok-1967", DECLARATION),
    "asean-charter": ("asean-charter", AGREEMENT),
    "secretariat-agreement": ("agreement-establishing-the-asean-secretariat", AGREEMENT),
    "kl-declaration-2025": ("kuala-lumpur-declaration-on-asean-2025", DECLARATION),
    "asean-2025-forging-ahead": ("asean-2025-forging-ahead-together", PLAN),
    "kl-declaration-2045": ("kuala-lumpur-declaration-on-asean-2045", DECLARATION),
    "asw-agreement": ("asean-single-window-agreement", AGREEMENT),
    "asw-protocol": ("asean-single-window-protocol", AGREEMENT),
    "mpac-2025": ("master-plan-on-asean-connectivity-2025", PLAN),
    "adm-2025": ("asean-digital-masterplan-2025", PLAN),
    "apaec-phase-1": ("apaec-2016-2025-phase-1", PLAN),
    "apaec-phase-2": ("apaec-2016-2025-phase-2", PLAN),
    "iai-work-plan-4": ("iai-work-plan-iv", PLAN),
    # An outlook the Leaders adopted: neither a declaration nor a plan by its title.
    "aoip": ("asean-outlook-on-the-indo-pacific", STATEMENT),
    "aoip-mainstreaming-declaration": ("declaration-on-mainstreaming-the-aoip", DECLARATION),
    "transnational-crime-poa": ("plan-of-action-combating-transnational-crime-2016-2025", PLAN),
    "aadmer": ("aadmer", AGREEMENT),
    "aha-centre-agreement": ("agreement-establishing-the-aha-centre", AGREEMENT),
    "aadmer-work-programme": ("aadmer-work-programme-2021-2025", PLAN),
    "education-work-plan": ("asean-work-plan-on-education-2021-2025", PLAN),
    "evaw-declaration": (
        "declaration-on-the-elimination-of-violence-against-women-and-children",
        DECLARATION,
    ),
    "rpa-evaw": ("regional-plan-of-action-on-evaw-2016-2025", PLAN),
    "admission-brunei": ("declaration-admission-of-brunei-darussalam", DECLARATION),
    "admission-viet-nam": ("declaration-admission-of-viet-nam", DECLARATION),
    "admission-lao-pdr": ("declaration-admission-of-lao-pdr", DECLARATION),
    "admission-myanmar": ("declaration-admission-of-myanmar", DECLARATION),
    "admission-cambodia": ("declaration-admission-of-cambodia", DECLARATION),
    "admission-timor-leste": ("declaration-admission-of-timor-leste", DECLARATION),
}
DOCUMENT_SOURCE_KINDS = (OFFICIAL, PUBLICATION)

# What the ruling adds to two agreements: where they were signed and when they entered into
# force (the Charter: its source's own note; AADMER: the ruling).
AGREEMENT_FACTS = {
    "asean-charter": {"place": "Singapore", "entered_into_force": "2008-12-15"},
    "aadmer": {"place": "Vientiane", "entered_into_force": "2009-12-24"},
}

# The ten Member States of 2007 each signed the Charter on 20 November 2007 (source: the
# Charter). Their ratification dates are not seeded: the matrix says "Not recorded yet".
# AADMER's per-state signatures and consents are not seeded either.
SIGNATURES = {"asean-charter": [(state, "2007-11-20", "asean-charter") for state in TEN]}

# Meetings, only where the ruling allows; seeded by the bodies helper, linked if present.
MEETINGS = {
    "kl-declaration-2045": "46th-asean-summit",
    "aoip-mainstreaming-declaration": "43rd-asean-summit",
}

# Sources the partners rest on: (key, title, publisher, date, kind, notes).
SOURCES = [
    (
        "external-relations",
        "External Relations",
        "ASEAN Secretariat",
        "",
        WEB,
        "The ASEAN Secretariat's page on ASEAN's external relations; address and date not "
        "recorded.",
    ),
    (
        "amm-54-joint-communique",
        "Joint Communiqué of the 54th ASEAN Foreign Ministers' Meeting",
        "ASEAN",
        "2021",
        OFFICIAL,
        "",
    ),
]

# The eleven Dialogue Partners: (slug, name, short name, since, sources).
DIALOGUE = "dialogue"
LIST_SOURCE = [("external-relations", "")]
PARTNERS = [
    ("australia", "Australia", "", "", LIST_SOURCE),
    ("canada", "Canada", "", "", LIST_SOURCE),
    ("china", "China", "", "", LIST_SOURCE),
    ("european-union", "European Union", "EU", "", LIST_SOURCE),
    ("india", "India", "", "", LIST_SOURCE),
    ("japan", "Japan", "", "", LIST_SOURCE),
    ("republic-of-korea", "Republic of Korea", "ROK", "", LIST_SOURCE),
    ("new-zealand", "New Zealand", "", "", LIST_SOURCE),
    ("russian-federation", "Russian Federation", "", "", LIST_SOURCE),
    (
        "united-kingdom",
        "United Kingdom",
        "UK",
        "2021",
        [*LIST_SOURCE, ("amm-54-joint-communique", "Dialogue Partner since 2021")],
    ),
    ("united-states", "United States", "US", "", LIST_SOURCE),
]
