"""Curated seed content that the seed article does not contain.

The article (``secretariat.txt``) supplies the Secretariat's own text: its introduction,
roles, structure, divisions' one-line descriptions, challenges, outlook and five FAQs. This
module adds what the portal needs around it: the divisions' hierarchy and details, the
Member States, a topic taxonomy, regional initiatives and a few more FAQs.

Every fact rests on a source in ``SOURCES`` (the lead's ruling, /work/seed-sources.md):
what no source supports is left out. Dates carry only the precision their source gives
("2019-06-23", "2021-01", "2025"), written as reduced ISO 8601 text; there is no
placeholder 1 January or 31 December. No address is cited that has not been checked (none
is, so sources are cited as documents: title, issuer, date). Slugs and keys are stable
identifiers: the loader matches existing rows by them.
"""

# ---------------------------------------------------------------------------------------
# Sources: (key, title, issuer or publisher, date as precise as known, kind, notes).
OFFICIAL, STATEMENT, PUBLICATION, WEB = "official-document", "statement", "publication", "web-page"
SOURCES = [
    (
        "seed-article",
        "Article on the ASEAN Secretariat (the portal's seed text)",
        "",
        "",
        WEB,
        "Author, publisher and address not given in the text.",
    ),
    (
        "bangkok-declaration",
        "The ASEAN Declaration (Bangkok Declaration)",
        "ASEAN",
        "1967-08-08",
        OFFICIAL,
        "",
    ),
    (
        "asean-charter",
        "Charter of the Association of Southeast Asian Nations (the ASEAN Charter)",
        "ASEAN",
        "2007-11-20",
        OFFICIAL,
        "Signed in Singapore on 20 November 2007; entered into force on 15 December 2008.",
    ),
    (
        "secretariat-agreement",
        "Agreement on the Establishment of the ASEAN Secretariat",
        "ASEAN",
        "1976-02-24",
        OFFICIAL,
        "",
    ),
    (
        "kl-declaration-2025",
        "Kuala Lumpur Declaration on ASEAN 2025: Forging Ahead Together",
        "ASEAN",
        "2015-11-22",
        OFFICIAL,
        "",
    ),
    (
        "asean-2025-forging-ahead",
        "ASEAN 2025: Forging Ahead Together (the ASEAN Community Vision 2025 and the APSC, "
        "AEC and ASCC Blueprints 2025)",
        "ASEAN Secretariat",
        "2015",
        PUBLICATION,
        "",
    ),
    (
        "kl-declaration-2045",
        "Kuala Lumpur Declaration on ASEAN 2045: Our Shared Future",
        "ASEAN",
        "2025-05-26",
        OFFICIAL,
        "Adopted at the 46th ASEAN Summit, with the ASEAN Community Vision 2045 and the APSC, "
        "AEC, ASCC and ASEAN Connectivity strategic plans.",
    ),
    (
        "asw-agreement",
        "Agreement to Establish and Implement the ASEAN Single Window",
        "ASEAN",
        "2005-12",
        OFFICIAL,
        "",
    ),
    (
        "asw-protocol",
        "Protocol on the Legal Framework to Implement the ASEAN Single Window",
        "ASEAN",
        "2015",
        OFFICIAL,
        "",
    ),
    (
        "mpac-2025",
        "Master Plan on ASEAN Connectivity 2025",
        "ASEAN Secretariat",
        "2016",
        PUBLICATION,
        "",
    ),
    ("adm-2025", "ASEAN Digital Masterplan 2025", "ASEAN Secretariat", "2021", PUBLICATION, ""),
    (
        "adgmin-1-statement",
        "Joint Media Statement of the First ASEAN Digital Ministers' Meeting (1st ADGMIN)",
        "ASEAN",
        "2021-01",
        STATEMENT,
        "",
    ),
    (
        "aecc-23-statement",
        "Joint Media Statement of the 23rd ASEAN Economic Community Council Meeting",
        "ASEAN",
        "2023-09",
        STATEMENT,
        "",
    ),
    (
        "apaec-phase-1",
        "ASEAN Plan of Action for Energy Cooperation (APAEC) 2016–2025, Phase I: 2016–2020",
        "ASEAN Centre for Energy",
        "2015",
        PUBLICATION,
        "",
    ),
    (
        "apaec-phase-2",
        "ASEAN Plan of Action for Energy Cooperation (APAEC) 2016–2025, Phase II: 2021–2025",
        "ASEAN Centre for Energy",
        "2020",
        PUBLICATION,
        "",
    ),
    (
        "iai-work-plan-4",
        "Initiative for ASEAN Integration (IAI) Work Plan IV (2021–2025)",
        "ASEAN Secretariat",
        "2020",
        PUBLICATION,
        "",
    ),
    (
        "aoip",
        "ASEAN Outlook on the Indo-Pacific",
        "ASEAN",
        "2019-06-23",
        OFFICIAL,
        "Adopted at the 34th ASEAN Summit, Bangkok.",
    ),
    (
        "aoip-mainstreaming-declaration",
        "ASEAN Leaders' Declaration on Mainstreaming Four Priority Areas of the ASEAN Outlook "
        "on the Indo-Pacific within ASEAN-led Mechanisms",
        "ASEAN",
        "2023-09",
        OFFICIAL,
        "",
    ),
    (
        "transnational-crime-poa",
        "ASEAN Plan of Action in Combating Transnational Crime (2016–2025)",
        "ASEAN",
        "2015",
        OFFICIAL,
        "",
    ),
    (
        "aadmer",
        "ASEAN Agreement on Disaster Management and Emergency Response",
        "ASEAN",
        "2005-07-26",
        OFFICIAL,
        "Entered into force on 24 December 2009.",
    ),
    (
        "aha-centre-agreement",
        "Agreement on the Establishment of the ASEAN Coordinating Centre for Humanitarian "
        "Assistance on Disaster Management",
        "ASEAN",
        "2011-11-17",
        OFFICIAL,
        "",
    ),
    (
        "aadmer-work-programme",
        "AADMER Work Programme 2021–2025",
        "ASEAN Secretariat",
        "",
        PUBLICATION,
        "",
    ),
    (
        "education-work-plan",
        "ASEAN Work Plan on Education 2021–2025",
        "ASEAN Secretariat",
        "",
        PUBLICATION,
        "",
    ),
    (
        "evaw-declaration",
        "Declaration on the Elimination of Violence against Women and Elimination of Violence "
        "against Children in ASEAN",
        "ASEAN",
        "2013-10-09",
        OFFICIAL,
        "",
    ),
    (
        "rpa-evaw",
        "ASEAN Regional Plan of Action on the Elimination of Violence against Women (2016–2025)",
        "ASEAN Secretariat",
        "",
        PUBLICATION,
        "",
    ),
    *[
        (
            f"admission-{slug}",
            f"Declaration on the Admission of {name} into ASEAN",
            "ASEAN",
            date,
            OFFICIAL,
            "",
        )
        for slug, name, date in [
            ("brunei", "Brunei Darussalam", "1984-01-07"),
            ("viet-nam", "Viet Nam", "1995-07-28"),
            ("lao-pdr", "the Lao People's Democratic Republic", "1997-07-23"),
            ("myanmar", "Myanmar", "1997-07-23"),
            ("cambodia", "Cambodia", "1999-04-30"),
            ("timor-leste", "Timor-Leste", "2025-10-26"),
        ]
    ],
]

# ---------------------------------------------------------------------------------------
# Site sections: titles for the parts of the article that have no heading of their own.
INTRO_TITLE = "About the ASEAN Secretariat"
INTRO_SLUG = "about-the-secretariat"
ROLE_INTRO_SLUG = "secretariat-role"
STRUCTURE_SLUG = "structure"
OUTLOOK_TITLE = "Embracing Opportunities"
OUTLOOK_SLUG = "outlook"
CONCLUSION_SLUG = "conclusion"

# The article's text stays word for word; where time has overtaken it, an editor's note is
# shown beside the quotation (never a silent edit). {section slug: (note, source key)}.
EDITORIAL_NOTES = {
    "challenge-balancing-national-interests": (
        "Editor's note: ASEAN has eleven Member States since Timor-Leste's admission on "
        "26 October 2025.",
        "admission-timor-leste",
    ),
}
# Every site section loaded from the article cites it.
ARTICLE_SOURCE = "seed-article"

CONTACT = {
    "slug": "contact",
    "title": "Headquarters",
    "body": (
        "The ASEAN Secretariat is headquartered in Jakarta, Indonesia.\n\n"
        "**ASEAN Secretariat**  \n"
        "70A Jalan Sisingamangaraja  \n"
        "Jakarta 12110  \n"
        "Indonesia\n\n"
        "Website: <https://asean.org>"
    ),
}

# ---------------------------------------------------------------------------------------
# Member States (slug, name, ISO 3166 alpha-2 code, date of admission, its source).
MEMBER_STATES = [
    ("brunei-darussalam", "Brunei Darussalam", "BN", "1984-01-07", "admission-brunei"),
    ("cambodia", "Cambodia", "KH", "1999-04-30", "admission-cambodia"),
    ("indonesia", "Indonesia", "ID", "1967-08-08", "bangkok-declaration"),
    ("lao-pdr", "Lao PDR", "LA", "1997-07-23", "admission-lao-pdr"),
    ("malaysia", "Malaysia", "MY", "1967-08-08", "bangkok-declaration"),
    ("myanmar", "Myanmar", "MM", "1997-07-23", "admission-myanmar"),
    ("philippines", "Philippines", "PH", "1967-08-08", "bangkok-declaration"),
    ("singapore", "Singapore", "SG", "1967-08-08", "bangkok-declaration"),
    ("thailand", "Thailand", "TH", "1967-08-08", "bangkok-declaration"),
    ("timor-leste", "Timor-Leste", "TL", "2025-10-26", "admission-timor-leste"),
    ("viet-nam", "Viet Nam", "VN", "1995-07-28", "admission-viet-nam"),
]
JOINED_ON_SUPPORTS = "Date of joining ASEAN"
# Other names and demonyms search recognises (vocabulary, not facts: no source needed).
# Capitals, official languages and national ASEAN offices are not seeded: staff record
# them with a source.
MEMBER_STATE_OTHER_NAMES = {
    "brunei-darussalam": ["Brunei", "Bruneian"],
    "cambodia": ["Cambodian", "Kampuchea"],
    "indonesia": ["Indonesian"],
    "lao-pdr": ["Laos", "Lao", "Lao People's Democratic Republic"],
    "malaysia": ["Malaysian"],
    "myanmar": ["Burma", "Myanmar's"],
    "philippines": ["the Philippines", "Filipino", "Philippine"],
    "singapore": ["Singaporean"],
    "thailand": ["Thai"],
    "timor-leste": ["East Timor", "Timorese"],
    "viet-nam": ["Vietnam", "Vietnamese"],
}
# Plans agreed and run before Timor-Leste's admission were the ten's; later ones are all eleven's.
TEN = [slug for slug, *_ in MEMBER_STATES if slug != "timor-leste"]
ELEVEN = [slug for slug, *_ in MEMBER_STATES]

# ---------------------------------------------------------------------------------------
# Topics (slug, name, one-sentence description).
TOPICS = [
    (
        "community-building",
        "ASEAN Community building",
        "The three Community pillars and the long-term visions and plans that bring them together.",
    ),
    (
        "trade-and-economic-integration",
        "Trade and economic integration",
        "Lowering barriers to trade and investment among Member States and building a more "
        "integrated regional economy.",
    ),
    (
        "connectivity",
        "Connectivity",
        "Physical, institutional and people-to-people links that bring the region closer together.",
    ),
    (
        "digital-economy",
        "Digital economy",
        "Digital trade, e-commerce, digital infrastructure and the rules that let them work "
        "across borders.",
    ),
    (
        "energy",
        "Energy",
        "Energy security, access to energy and the transition to cleaner energy across the region.",
    ),
    (
        "disaster-management",
        "Disaster management",
        "Regional cooperation to reduce disaster risk and to respond together when disasters "
        "strike.",
    ),
    (
        "environment-and-climate",
        "Environment and climate change",
        "Protecting the region's environment and responding to climate change.",
    ),
    (
        "health",
        "Health",
        "Regional cooperation on public health, including preparedness for health emergencies.",
    ),
    (
        "education",
        "Education",
        "Cooperation on schooling, higher education and skills, and on learning about ASEAN.",
    ),
    (
        "culture-and-identity",
        "Culture and ASEAN identity",
        "The region's cultural heritage and a shared sense of belonging to the ASEAN Community.",
    ),
    (
        "labour-and-migration",
        "Labour and migration",
        "Decent work, skills and the protection of migrant workers across the region.",
    ),
    (
        "women-and-gender",
        "Women and gender equality",
        "Gender equality, women's empowerment and the elimination of violence against women.",
    ),
    (
        "human-rights",
        "Human rights",
        "The promotion and protection of human rights in ASEAN, including the rights of women "
        "and children.",
    ),
    (
        "peace-and-security",
        "Peace and security",
        "Political dialogue, confidence building and cooperation that keep the region peaceful "
        "and stable.",
    ),
    (
        "transnational-crime",
        "Transnational crime",
        "Cooperation against crime that crosses borders, such as trafficking in persons, drug "
        "trafficking and cybercrime.",
    ),
    (
        "external-relations",
        "External relations",
        "ASEAN's relations with its dialogue partners, other countries and international "
        "organisations.",
    ),
]

# ---------------------------------------------------------------------------------------
# Divisions. ``source_name`` is the name exactly as the article lists it: the article
# supplies the name and the one-line summary, this table the rest. Order is the article's.
OSG = "office-of-the-secretary-general"
APSC = "political-security-community-department"
AEC = "economic-community-department"
ASCC = "socio-cultural-community-department"
ERD = "external-relations-directorate"
CCA = "community-and-corporate-affairs-directorate"
AFD = "administration-and-finance-department"

DIVISIONS = [
    {
        "source_name": "Office of the Secretary-General",
        "slug": OSG,
        "kind": "office",
        "pillar": "",
        "short_name": "",
        "parent": None,
        "head_title": "Secretary-General of ASEAN",
        "mandate": (
            "The Office of the Secretary-General supports the **Secretary-General of ASEAN**, "
            "who heads the ASEAN Secretariat, in setting the Secretariat's overall strategic "
            "direction and leading its work.\n\n"
            "It coordinates work across the Secretariat's departments and directorates."
        ),
    },
    {
        "source_name": "ASEAN Political-Security Community Department",
        "slug": APSC,
        "kind": "department",
        "pillar": "political-security",
        "short_name": "APSC",
        "parent": OSG,
        "head_title": "Deputy Secretary-General for the ASEAN Political-Security Community",
        "mandate": (
            "The Department supports cooperation under the **ASEAN Political-Security "
            "Community**, one of the three pillars of the ASEAN Community, which works for "
            "peace, security and stability in the region.\n\n"
            "Its work includes supporting political dialogue among Member States and "
            "cooperation on issues such as transnational crime, and monitoring the pillar's "
            "plans."
        ),
    },
    {
        "source_name": "ASEAN Economic Community Department",
        "slug": AEC,
        "kind": "department",
        "pillar": "economic",
        "short_name": "AEC",
        "parent": OSG,
        "head_title": "Deputy Secretary-General for the ASEAN Economic Community",
        "mandate": (
            "The Department supports cooperation under the **ASEAN Economic Community**, one of "
            "the three pillars of the ASEAN Community, which works towards an integrated and "
            "competitive regional economy.\n\n"
            "Its work covers areas such as trade and investment, connectivity, the digital "
            "economy and energy, and monitoring the pillar's plans."
        ),
    },
    {
        "source_name": "ASEAN Socio-Cultural Community Department",
        "slug": ASCC,
        "kind": "department",
        "pillar": "socio-cultural",
        "short_name": "ASCC",
        "parent": OSG,
        "head_title": "Deputy Secretary-General for the ASEAN Socio-Cultural Community",
        "mandate": (
            "The Department supports cooperation under the **ASEAN Socio-Cultural Community**, "
            "one of the three pillars of the ASEAN Community, which works for a resilient and "
            "inclusive Community with a shared identity.\n\n"
            "Its work covers areas such as education, health, culture, labour, women and "
            "children, the environment and disaster management, and monitoring the pillar's "
            "plans."
        ),
    },
    {
        "source_name": "ASEAN External Relations Directorate",
        "slug": ERD,
        "kind": "directorate",
        "pillar": "",
        "short_name": "",
        "parent": OSG,
        "head_title": "Director",
        "mandate": (
            "The Directorate manages ASEAN's relations with its **dialogue partners** and with "
            "international organisations.\n\n"
            "It supports ASEAN's meetings with external partners and the cooperation agreed "
            "with them."
        ),
    },
    {
        "source_name": "ASEAN Community and Corporate Affairs Directorate",
        "slug": CCA,
        "kind": "directorate",
        "pillar": "",
        "short_name": "",
        "parent": OSG,
        "head_title": "Deputy Secretary-General for Community and Corporate Affairs",
        "mandate": (
            "The Directorate is responsible for **public outreach and communication**, and for "
            "promoting awareness of ASEAN among the peoples of the region.\n\n"
            "It shares information about ASEAN's work with the public, the media and other "
            "audiences."
        ),
    },
    {
        "source_name": "Administration and Finance Department",
        "slug": AFD,
        "kind": "department",
        "pillar": "",
        "short_name": "",
        "parent": OSG,
        "head_title": "Director",
        "mandate": (
            "The Department provides **administrative, financial and human resources** support "
            "to the Secretariat, so that its departments and directorates can carry out their "
            "work."
        ),
    },
]

# ---------------------------------------------------------------------------------------
# FAQs. The five from the article are matched by the slug of their question and get their
# owning division and topics here; the extra ones are written in full.
ARTICLE_FAQS = {
    "what-is-the-main-function-of-the-asean-secretariat": (OSG, ["community-building"]),
    "where-is-the-asean-secretariat-located": (CCA, []),
    "who-leads-the-asean-secretariat": (OSG, []),
    "how-does-the-asean-secretariat-support-asean-member-states": (OSG, ["community-building"]),
    "what-are-some-of-the-challenges-faced-by-the-asean-secretariat": (OSG, []),
}
# Sources beside the article's own, for an article FAQ whose answer another document states.
ARTICLE_FAQ_SOURCES = {
    "who-leads-the-asean-secretariat": [
        ("asean-charter", "Article 11: the Secretary-General of ASEAN, appointed by the Summit"),
    ],
}


def _member_state_list():
    names = [name for _, name, *_ in MEMBER_STATES]
    names = ["the Philippines" if n == "Philippines" else n for n in names]
    return ", ".join(names[:-1]) + " and " + names[-1]


EXTRA_FAQS = [
    {
        "slug": "what-are-the-three-asean-community-pillars",
        "question": "What are the three ASEAN Community pillars?",
        "answer": (
            "The ASEAN Community rests on three pillars: the **ASEAN Political-Security "
            "Community**, the **ASEAN Economic Community** and the **ASEAN Socio-Cultural "
            "Community**. The ASEAN Community was formally established at the end of 2015.\n\n"
            "At the ASEAN Secretariat each pillar has its own department, headed by a Deputy "
            "Secretary-General."
        ),
        "division": OSG,
        "topics": ["community-building"],
        "sources": [
            ("kl-declaration-2025", "The three pillars; the ASEAN Community established in 2015"),
            ("asean-2025-forging-ahead", "The three Community Blueprints"),
        ],
    },
    {
        "slug": "how-many-member-states-does-asean-have",
        "question": "How many Member States does ASEAN have?",
        "answer": (
            f"ASEAN has eleven Member States: {_member_state_list()}.\n\n"
            "Timor-Leste was admitted as the eleventh Member State on 26 October 2025, at the "
            "47th ASEAN Summit in Kuala Lumpur."
        ),
        "division": CCA,
        "topics": ["community-building"],
        "sources": [
            ("bangkok-declaration", "The five founding Member States"),
            *[
                (f"admission-{key}", "Date of admission")
                for key in ("brunei", "viet-nam", "lao-pdr", "myanmar", "cambodia", "timor-leste")
            ],
        ],
    },
    {
        "slug": "when-was-asean-founded",
        "question": "When was ASEAN founded?",
        "answer": (
            "ASEAN was founded on 8 August 1967, when Indonesia, Malaysia, the Philippines, "
            "Singapore and Thailand signed the ASEAN Declaration (the Bangkok Declaration) in "
            "Bangkok. The ASEAN Secretariat was established in 1976."
        ),
        "division": CCA,
        "topics": ["community-building", "culture-and-identity"],
        "sources": [
            ("bangkok-declaration", "ASEAN founded on 8 August 1967"),
            ("secretariat-agreement", "The ASEAN Secretariat established in 1976"),
        ],
    },
    {
        "slug": "what-is-the-asean-community-vision-2045",
        "question": "What is the ASEAN Community Vision 2045?",
        "answer": (
            "The ASEAN Community Vision 2045 sets out where ASEAN aims to be over the next two "
            "decades. ASEAN Leaders adopted it on 26 May 2025, at the 46th ASEAN Summit in "
            "Kuala Lumpur, with the Kuala Lumpur Declaration on ASEAN 2045: Our Shared Future. "
            "It succeeds the ASEAN Community Vision 2025, adopted in 2015.\n\n"
            "It comes with strategic plans for the Political-Security, Economic and "
            "Socio-Cultural Communities and for ASEAN Connectivity; the Community plans cover "
            "2026–2030."
        ),
        "division": OSG,
        "topics": ["community-building"],
        "sources": [("kl-declaration-2045", "Adopted on 26 May 2025 at the 46th ASEAN Summit")],
    },
    {
        "slug": "who-handles-relations-with-asean-dialogue-partners",
        "question": (
            "Which part of the Secretariat handles relations with ASEAN's dialogue partners?"
        ),
        "answer": (
            "The ASEAN External Relations Directorate manages ASEAN's relations with dialogue "
            "partners and international organisations."
        ),
        "division": ERD,
        "topics": ["external-relations"],
        "sources": [("seed-article", "")],
    },
]

# ---------------------------------------------------------------------------------------
# Initiatives. Dates are reduced ISO text ("2016", "2023-09", "2019-06-23"): ``planned_*``
# the plan's own period, ``actual_*`` only where a source gives it. ``milestones`` are
# (title, planned or None, reached or None, source key); ``sources`` are (source key, the
# fact it supports, "" for the initiative as a whole).
ADOPTED_2015 = "2015-11-22"  # Kuala Lumpur Declaration on ASEAN 2025, 27th ASEAN Summit
ADOPTED_2025 = "2025-05-26"  # Kuala Lumpur Declaration on ASEAN 2045, 46th ASEAN Summit


def _blueprint_milestones(successor):
    return [
        (
            "Adopted by ASEAN Leaders at the 27th ASEAN Summit",
            None,
            ADOPTED_2015,
            "kl-declaration-2025",
        ),
        (f"Successor {successor} adopted", None, ADOPTED_2025, "kl-declaration-2045"),
        ("Implementation period completed", "2025", "2025", "asean-2025-forging-ahead"),
    ]


BLUEPRINT_SOURCES = [
    ("asean-2025-forging-ahead", ""),
    ("kl-declaration-2025", "Adopted in November 2015 at the 27th ASEAN Summit"),
    ("kl-declaration-2045", "Succeeded by the 2026–2030 strategic plan"),
]


def _strategic_plan_milestones():
    return [
        ("Adopted at the 46th ASEAN Summit", None, ADOPTED_2025, "kl-declaration-2045"),
        ("Implementation begins", "2026", "2026", "kl-declaration-2045"),
        ("Implementation period ends", "2030", None, "kl-declaration-2045"),
    ]


STRATEGIC_PLAN_SOURCES = [("kl-declaration-2045", "")]


def _strategic_plan_body(community, predecessor):
    return (
        f"The {community} Strategic Plan 2026–2030 was adopted by ASEAN Leaders on 26 May 2025 "
        "at the 46th ASEAN Summit in Kuala Lumpur, together with the ASEAN Community Vision "
        "2045 and the strategic plans for the other Community pillars and for ASEAN "
        "Connectivity.\n\n"
        f"It succeeds the {predecessor} and guides the pillar's work from 2026 to 2030, the "
        "first five years of the Vision. The ASEAN Secretariat supports Member States and "
        "ASEAN bodies in carrying it out and in monitoring progress."
    )


INITIATIVES = [
    # --- Economic Community -------------------------------------------------------------
    {
        "slug": "aec-blueprint-2025",
        "title": "ASEAN Economic Community Blueprint 2025",
        "summary": (
            "The plan that guided ASEAN's economic integration from 2016 to 2025, adopted by "
            "ASEAN Leaders in 2015 as part of the ASEAN Community Vision 2025."
        ),
        "body": (
            "The AEC Blueprint 2025 set the direction of the ASEAN Economic Community for the "
            "decade after the Community was formally established at the end of 2015. ASEAN "
            "Leaders adopted it in November 2015 at the 27th ASEAN Summit in Kuala Lumpur, "
            "with the blueprints for the Political-Security and Socio-Cultural Communities.\n\n"
            "It was organised around five characteristics: a highly integrated and cohesive "
            "economy; a competitive, innovative and dynamic ASEAN; enhanced connectivity and "
            "sectoral cooperation; a resilient, inclusive, people-oriented and people-centred "
            "ASEAN; and a global ASEAN.\n\n"
            "Its implementation period ended in 2025; the ASEAN Economic Community Strategic "
            "Plan 2026–2030 carries the work forward."
        ),
        "lead_division": AEC,
        "supporting_divisions": [],
        "topics": ["trade-and-economic-integration", "connectivity", "community-building"],
        "pillar": "economic",
        "status": "completed",
        "planned_start": "2016",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": BLUEPRINT_SOURCES,
        "milestones": _blueprint_milestones("AEC Strategic Plan 2026–2030"),
    },
    {
        "slug": "asean-single-window",
        "title": "ASEAN Single Window",
        "summary": (
            "A regional platform that connects the National Single Windows of ASEAN Member "
            "States so that trade documents can be exchanged electronically."
        ),
        "body": (
            "The ASEAN Single Window (ASW) links the National Single Windows of Member States "
            "so that customs and other border agencies can exchange trade-related documents "
            "electronically, which speeds up the clearance of goods.\n\n"
            "The Agreement to Establish and Implement the ASEAN Single Window was signed in "
            "2005, and the Protocol on the Legal Framework to Implement the ASW in 2015."
        ),
        "lead_division": AEC,
        "supporting_divisions": [],
        "topics": ["trade-and-economic-integration", "digital-economy"],
        "pillar": "economic",
        "status": "ongoing",
        "planned_start": "",
        "planned_end": "",
        "actual_start": "2005-12",
        "actual_end": "",
        "featured": True,
        "member_states": TEN,
        "sources": [
            ("asw-agreement", "Agreement signed in 2005"),
            ("asw-protocol", "Protocol signed in 2015"),
        ],
        "milestones": [
            ("ASEAN Single Window Agreement signed", None, "2005-12", "asw-agreement"),
            (
                "Protocol on the Legal Framework to Implement the ASW signed",
                None,
                "2015",
                "asw-protocol",
            ),
        ],
    },
    {
        "slug": "master-plan-on-asean-connectivity-2025",
        "title": "Master Plan on ASEAN Connectivity 2025",
        "summary": (
            "ASEAN's plan, adopted in 2016, to improve physical, institutional and "
            "people-to-people connectivity across the region up to 2025."
        ),
        "body": (
            "The Master Plan on ASEAN Connectivity (MPAC) 2025 was adopted by ASEAN Leaders in "
            "2016 in Vientiane, Lao PDR, succeeding the master plan adopted in 2010. It focused "
            "on five strategic areas: sustainable infrastructure, digital innovation, seamless "
            "logistics, regulatory excellence and people mobility.\n\n"
            "Its implementation period ended in 2025. Connectivity work continues under the "
            "ASEAN Connectivity Strategic Plan adopted with the ASEAN Community Vision 2045."
        ),
        "lead_division": AEC,
        "supporting_divisions": [],
        "topics": ["connectivity", "digital-economy", "trade-and-economic-integration"],
        "pillar": "economic",
        "status": "completed",
        "planned_start": "2016",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": [
            ("mpac-2025", ""),
            ("kl-declaration-2045", "Work continues under the ASEAN Connectivity Strategic Plan"),
        ],
        "milestones": [
            ("Adopted by ASEAN Leaders", None, "2016", "mpac-2025"),
            (
                "Successor ASEAN Connectivity Strategic Plan adopted",
                None,
                ADOPTED_2025,
                "kl-declaration-2045",
            ),
            ("Implementation period completed", "2025", "2025", "mpac-2025"),
        ],
    },
    {
        "slug": "asean-digital-masterplan-2025",
        "title": "ASEAN Digital Masterplan 2025",
        "summary": "ASEAN's guide for regional digital cooperation from 2021 to 2025.",
        "body": (
            "The ASEAN Digital Masterplan 2025 was adopted by the ASEAN Digital Ministers at "
            "their first meeting, in January 2021. Its vision was of ASEAN as a leading digital "
            "community and economic bloc, powered by secure and transformative digital "
            "services, technologies and ecosystem.\n\n"
            "Its desired outcomes ranged from better broadband infrastructure to trusted "
            "digital services and a digitally inclusive society. Its implementation period "
            "ended in 2025."
        ),
        "lead_division": AEC,
        "supporting_divisions": [],
        "topics": ["digital-economy", "connectivity"],
        "pillar": "economic",
        "status": "completed",
        "planned_start": "2021",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": [
            ("adm-2025", ""),
            ("adgmin-1-statement", "Adopted at the first ASEAN Digital Ministers' Meeting"),
        ],
        "milestones": [
            ("Adopted by the ASEAN Digital Ministers", None, "2021-01", "adgmin-1-statement"),
            ("Implementation period completed", "2025", "2025", "adm-2025"),
        ],
    },
    {
        "slug": "asean-digital-economy-framework-agreement",
        "title": "ASEAN Digital Economy Framework Agreement (DEFA) negotiations",
        "summary": (
            "Negotiations on a region-wide agreement setting common rules for digital trade and "
            "the digital economy in ASEAN."
        ),
        "body": (
            "The ASEAN Digital Economy Framework Agreement (DEFA) is intended to be ASEAN's "
            "first region-wide agreement on the digital economy, covering areas such as digital "
            "trade, cross-border e-commerce, digital payments, digital identity, cybersecurity "
            "and cross-border data flows.\n\n"
            "Negotiations were launched in September 2023."
        ),
        "lead_division": AEC,
        "supporting_divisions": [],
        "topics": ["digital-economy", "trade-and-economic-integration"],
        "pillar": "economic",
        "status": "ongoing",
        "planned_start": "",
        "planned_end": "",
        "actual_start": "2023-09",
        "actual_end": "",
        "featured": True,
        "member_states": TEN,
        "sources": [
            ("aecc-23-statement", "Negotiations launched in September 2023"),
        ],
        "milestones": [
            ("Negotiations launched", None, "2023-09", "aecc-23-statement"),
        ],
    },
    {
        "slug": "apaec-2016-2025",
        "title": "ASEAN Plan of Action for Energy Cooperation (APAEC) 2016–2025",
        "summary": "ASEAN's plan for regional energy cooperation from 2016 to 2025, in two phases.",
        "body": (
            "The ASEAN Plan of Action for Energy Cooperation (APAEC) 2016–2025 guided "
            "cooperation among Member States on energy security, access to energy and the "
            "move to cleaner energy. It ran in two phases: Phase I covered 2016–2020 and "
            "Phase II 2021–2025.\n\n"
            "Its programme areas included the ASEAN Power Grid, the Trans-ASEAN Gas Pipeline, "
            "renewable energy, and energy efficiency and conservation. The ASEAN Centre for "
            "Energy supports ASEAN energy cooperation."
        ),
        "lead_division": AEC,
        "supporting_divisions": [],
        "topics": ["energy", "environment-and-climate", "connectivity"],
        "pillar": "economic",
        "status": "completed",
        "planned_start": "2016",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": [("apaec-phase-1", ""), ("apaec-phase-2", "")],
        "milestones": [
            ("Phase I (2016–2020) completed", "2020", "2020", "apaec-phase-1"),
            ("Phase II (2021–2025) adopted", None, "2020", "apaec-phase-2"),
            ("Phase II (2021–2025) completed", "2025", "2025", "apaec-phase-2"),
        ],
    },
    {
        "slug": "iai-work-plan-iv",
        "title": "Initiative for ASEAN Integration (IAI) Work Plan IV (2021–2025)",
        "summary": (
            "The fourth work plan of the Initiative for ASEAN Integration, which helps "
            "Cambodia, Lao PDR, Myanmar and Viet Nam take part fully in ASEAN integration."
        ),
        "body": (
            "The Initiative for ASEAN Integration (IAI) was launched in 2000 to narrow the "
            "development gap within ASEAN. Its work plans help Cambodia, Lao PDR, Myanmar and "
            "Viet Nam (the CLMV countries) to implement regional agreements and commitments, "
            "with support from the other Member States and from partners.\n\n"
            "IAI Work Plan IV, adopted by ASEAN Leaders in 2020, covered 2021–2025. Its "
            "strategic areas were food and agriculture, trade facilitation, micro, small and "
            "medium enterprises, education, and health and well-being."
        ),
        "lead_division": AEC,
        "supporting_divisions": [ASCC],
        "topics": [
            "trade-and-economic-integration",
            "education",
            "health",
            "community-building",
        ],
        "pillar": "economic",
        "status": "completed",
        "planned_start": "2021",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": [("iai-work-plan-4", "")],
        "milestones": [
            ("Adopted by ASEAN Leaders", None, "2020", "iai-work-plan-4"),
            ("Implementation period completed", "2025", "2025", "iai-work-plan-4"),
        ],
    },
    {
        "slug": "aec-strategic-plan-2026-2030",
        "title": "ASEAN Economic Community Strategic Plan 2026–2030",
        "summary": (
            "The first five-year plan for the ASEAN Economic Community under the ASEAN "
            "Community Vision 2045."
        ),
        "body": _strategic_plan_body("ASEAN Economic Community", "AEC Blueprint 2025"),
        "lead_division": AEC,
        "supporting_divisions": [],
        "topics": [
            "trade-and-economic-integration",
            "digital-economy",
            "connectivity",
            "community-building",
        ],
        "pillar": "economic",
        "status": "ongoing",
        "planned_start": "2026",
        "planned_end": "2030",
        "actual_start": "",
        "actual_end": "",
        "featured": True,
        "member_states": ELEVEN,
        "sources": STRATEGIC_PLAN_SOURCES,
        "milestones": _strategic_plan_milestones(),
    },
    # --- Political-Security Community ---------------------------------------------------
    {
        "slug": "apsc-blueprint-2025",
        "title": "ASEAN Political-Security Community Blueprint 2025",
        "summary": (
            "The plan that guided ASEAN's political and security cooperation from 2016 to "
            "2025, adopted by ASEAN Leaders in 2015."
        ),
        "body": (
            "The APSC Blueprint 2025 was adopted by ASEAN Leaders in November 2015 at the 27th "
            "ASEAN Summit in Kuala Lumpur, as part of the ASEAN Community Vision 2025.\n\n"
            "It set out how ASEAN would work towards a rules-based, people-oriented and "
            "people-centred Community in a peaceful, secure and stable region, with ASEAN "
            "central in an outward-looking regional architecture.\n\n"
            "Its implementation period ended in 2025; the APSC Strategic Plan 2026–2030 "
            "carries the work forward."
        ),
        "lead_division": APSC,
        "supporting_divisions": [ERD],
        "topics": [
            "peace-and-security",
            "transnational-crime",
            "human-rights",
            "external-relations",
            "community-building",
        ],
        "pillar": "political-security",
        "status": "completed",
        "planned_start": "2016",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": BLUEPRINT_SOURCES,
        "milestones": _blueprint_milestones("APSC Strategic Plan 2026–2030"),
    },
    {
        "slug": "asean-outlook-on-the-indo-pacific",
        "title": "ASEAN Outlook on the Indo-Pacific",
        "summary": (
            "ASEAN's shared outlook, adopted in 2019, on cooperation in the Asia-Pacific and "
            "Indian Ocean regions with ASEAN at the centre."
        ),
        "body": (
            "The ASEAN Outlook on the Indo-Pacific (AOIP) was adopted by ASEAN Leaders in June "
            "2019 at the 34th ASEAN Summit in Bangkok. It sets out ASEAN's view of cooperation "
            "in the Asia-Pacific and Indian Ocean regions, based on ASEAN centrality, "
            "openness, inclusiveness and a rules-based framework.\n\n"
            "It names four areas of cooperation: maritime cooperation, connectivity, the UN "
            "Sustainable Development Goals 2030, and economic and other possible areas of "
            "cooperation. In 2023 ASEAN Leaders adopted a declaration on mainstreaming these "
            "four priority areas within ASEAN-led mechanisms."
        ),
        "lead_division": APSC,
        "supporting_divisions": [ERD],
        "topics": ["peace-and-security", "external-relations", "connectivity"],
        "pillar": "political-security",
        "status": "ongoing",
        "planned_start": "",
        "planned_end": "",
        "actual_start": "2019-06-23",
        "actual_end": "",
        "featured": True,
        "member_states": TEN,
        "sources": [
            ("aoip", ""),
            ("aoip-mainstreaming-declaration", "The 2023 declaration on mainstreaming"),
        ],
        "milestones": [
            ("Adopted at the 34th ASEAN Summit", None, "2019-06-23", "aoip"),
            (
                "Declaration on mainstreaming the four priority areas adopted",
                None,
                "2023-09",
                "aoip-mainstreaming-declaration",
            ),
        ],
    },
    {
        "slug": "asean-plan-of-action-combating-transnational-crime-2016-2025",
        "title": "ASEAN Plan of Action in Combating Transnational Crime (2016–2025)",
        "summary": (
            "The plan that guided ASEAN cooperation against transnational crime from 2016 to 2025."
        ),
        "body": (
            "The ASEAN Plan of Action in Combating Transnational Crime (2016–2025) guided the "
            "work of the ASEAN Ministerial Meeting on Transnational Crime (AMMTC) and the "
            "Senior Officials Meeting on Transnational Crime (SOMTC), which carried it out "
            "through work programmes. It covered crimes such as terrorism, illicit drug "
            "trafficking, trafficking in persons, money laundering, arms smuggling, sea piracy "
            "and cybercrime."
        ),
        "lead_division": APSC,
        "supporting_divisions": [],
        "topics": ["transnational-crime", "peace-and-security"],
        "pillar": "political-security",
        "status": "completed",
        "planned_start": "2016",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": [
            ("transnational-crime-poa", ""),
        ],
        "milestones": [
            ("Implementation period completed", "2025", "2025", "transnational-crime-poa"),
        ],
    },
    {
        "slug": "apsc-strategic-plan-2026-2030",
        "title": "ASEAN Political-Security Community Strategic Plan 2026–2030",
        "summary": (
            "The first five-year plan for the ASEAN Political-Security Community under the "
            "ASEAN Community Vision 2045."
        ),
        "body": _strategic_plan_body("ASEAN Political-Security Community", "APSC Blueprint 2025"),
        "lead_division": APSC,
        "supporting_divisions": [ERD],
        "topics": [
            "peace-and-security",
            "transnational-crime",
            "external-relations",
            "community-building",
        ],
        "pillar": "political-security",
        "status": "ongoing",
        "planned_start": "2026",
        "planned_end": "2030",
        "actual_start": "",
        "actual_end": "",
        "featured": True,
        "member_states": ELEVEN,
        "sources": STRATEGIC_PLAN_SOURCES,
        "milestones": _strategic_plan_milestones(),
    },
    # --- Socio-Cultural Community -------------------------------------------------------
    {
        "slug": "ascc-blueprint-2025",
        "title": "ASEAN Socio-Cultural Community Blueprint 2025",
        "summary": (
            "The plan that guided ASEAN's socio-cultural cooperation from 2016 to 2025, adopted "
            "by ASEAN Leaders in 2015."
        ),
        "body": (
            "The ASCC Blueprint 2025 was adopted by ASEAN Leaders in November 2015 at the 27th "
            "ASEAN Summit in Kuala Lumpur, as part of the ASEAN Community Vision 2025. It aimed "
            "at an ASEAN Community that engages and benefits the peoples and is inclusive, "
            "sustainable, resilient and dynamic.\n\n"
            "It covered cooperation in areas such as education, health, culture, social "
            "welfare, labour, the environment and disaster management. Its implementation "
            "period ended in 2025; the ASCC Strategic Plan 2026–2030 carries the work forward."
        ),
        "lead_division": ASCC,
        "supporting_divisions": [CCA],
        "topics": [
            "education",
            "health",
            "culture-and-identity",
            "labour-and-migration",
            "environment-and-climate",
            "disaster-management",
            "community-building",
        ],
        "pillar": "socio-cultural",
        "status": "completed",
        "planned_start": "2016",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": BLUEPRINT_SOURCES,
        "milestones": _blueprint_milestones("ASCC Strategic Plan 2026–2030"),
    },
    {
        "slug": "aadmer-work-programme-2021-2025",
        "title": "AADMER Work Programme 2021–2025",
        "summary": (
            "The 2021–2025 work programme of the ASEAN Agreement on Disaster Management and "
            "Emergency Response."
        ),
        "body": (
            "The ASEAN Agreement on Disaster Management and Emergency Response (AADMER) was "
            "signed in 2005 and entered into force in 2009. It is the basis for ASEAN "
            "cooperation on disaster risk reduction and joint emergency response; the ASEAN "
            "Coordinating Centre for Humanitarian Assistance on disaster management (AHA "
            "Centre), established in 2011, supports its operation.\n\n"
            "The AADMER Work Programme 2021–2025 set out the priorities for putting the "
            "Agreement into practice over those five years, under the ASEAN Committee on "
            "Disaster Management (ACDM)."
        ),
        "lead_division": ASCC,
        "supporting_divisions": [],
        "topics": ["disaster-management", "environment-and-climate"],
        "pillar": "socio-cultural",
        "status": "completed",
        "planned_start": "2021",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": [
            ("aadmer-work-programme", ""),
            ("aadmer", "AADMER signed in 2005, in force in 2009"),
            ("aha-centre-agreement", "The AHA Centre established in 2011"),
        ],
        "milestones": [
            ("Implementation begins", "2021", "2021", "aadmer-work-programme"),
            ("Implementation period completed", "2025", "2025", "aadmer-work-programme"),
        ],
    },
    {
        "slug": "asean-work-plan-on-education-2021-2025",
        "title": "ASEAN Work Plan on Education 2021–2025",
        "summary": (
            "The regional plan that guided ASEAN cooperation on education from 2021 to 2025."
        ),
        "body": (
            "Its outcomes included awareness of ASEAN through education; access to quality "
            "learning from pre-school to secondary level, including for out-of-school children "
            "and youth; and higher education as part of lifelong learning."
        ),
        "lead_division": ASCC,
        "supporting_divisions": [CCA],
        "topics": ["education", "culture-and-identity"],
        "pillar": "socio-cultural",
        "status": "completed",
        "planned_start": "2021",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": [("education-work-plan", "")],
        "milestones": [
            ("Implementation period completed", "2025", "2025", "education-work-plan"),
        ],
    },
    {
        "slug": "asean-rpa-elimination-of-violence-against-women",
        "title": (
            "ASEAN Regional Plan of Action on the Elimination of Violence against Women (2016–2025)"
        ),
        "summary": (
            "ASEAN's first regional plan of action to prevent and respond to violence against "
            "women, covering 2016 to 2025."
        ),
        "body": (
            "In 2013 ASEAN Leaders adopted the Declaration on the Elimination of Violence "
            "against Women and Elimination of Violence against Children in ASEAN. The ASEAN "
            "Regional Plan of Action on the Elimination of Violence against Women (RPA on "
            "EVAW) turned the Declaration's commitments on violence against women into a "
            "regional framework for 2016–2025.\n\n"
            "Its implementation was led by the ASEAN Committee on Women (ACW) and the ASEAN "
            "Commission on the Promotion and Protection of the Rights of Women and Children "
            "(ACWC)."
        ),
        "lead_division": ASCC,
        "supporting_divisions": [],
        "topics": ["women-and-gender", "human-rights"],
        "pillar": "socio-cultural",
        "status": "completed",
        "planned_start": "2016",
        "planned_end": "2025",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": TEN,
        "sources": [
            ("rpa-evaw", ""),
            ("evaw-declaration", "The 2013 Declaration"),
        ],
        "milestones": [
            (
                "ASEAN Declaration on the elimination of violence adopted",
                None,
                "2013-10-09",
                "evaw-declaration",
            ),
            ("Implementation period completed", "2025", "2025", "rpa-evaw"),
        ],
    },
    {
        "slug": "ascc-strategic-plan-2026-2030",
        "title": "ASEAN Socio-Cultural Community Strategic Plan 2026–2030",
        "summary": (
            "The first five-year plan for the ASEAN Socio-Cultural Community under the ASEAN "
            "Community Vision 2045."
        ),
        "body": _strategic_plan_body("ASEAN Socio-Cultural Community", "ASCC Blueprint 2025"),
        "lead_division": ASCC,
        "supporting_divisions": [CCA],
        "topics": [
            "education",
            "health",
            "culture-and-identity",
            "labour-and-migration",
            "women-and-gender",
            "environment-and-climate",
            "disaster-management",
            "community-building",
        ],
        "pillar": "socio-cultural",
        "status": "ongoing",
        "planned_start": "2026",
        "planned_end": "2030",
        "actual_start": "",
        "actual_end": "",
        "featured": True,
        "member_states": ELEVEN,
        "sources": STRATEGIC_PLAN_SOURCES,
        "milestones": _strategic_plan_milestones(),
    },
    # --- Cross-pillar -----------------------------------------------------------------
    {
        "slug": "asean-community-vision-2045",
        "title": "ASEAN Community Vision 2045",
        "summary": (
            "ASEAN's long-term vision for the ASEAN Community, adopted by ASEAN Leaders in "
            "May 2025, which the 2026–2030 strategic plans of all three pillars carry out."
        ),
        "body": (
            'ASEAN Leaders adopted the ASEAN Community Vision 2045, "ASEAN 2045: Our Shared '
            'Future", on 26 May 2025 at the 46th ASEAN Summit in Kuala Lumpur. It succeeds '
            "the ASEAN Community Vision 2025 and sets the direction of the ASEAN Community "
            "for the two decades from 2026.\n\n"
            "It is carried out through five-year strategic plans for the Political-Security, "
            "Economic and Socio-Cultural Communities and for ASEAN Connectivity. The ASEAN "
            "Secretariat supports Member States and ASEAN bodies in implementing and "
            "monitoring them."
        ),
        "lead_division": OSG,
        "supporting_divisions": [APSC, AEC, ASCC],
        "topics": ["community-building"],
        "pillar": "cross-pillar",
        "status": "ongoing",
        "planned_start": "2026",
        "planned_end": "2045",
        "actual_start": "",
        "actual_end": "",
        "featured": False,
        "member_states": ELEVEN,
        "sources": [("kl-declaration-2045", "")],
        "milestones": [
            ("Adopted at the 46th ASEAN Summit", None, ADOPTED_2025, "kl-declaration-2045"),
            ("First five-year strategic plans begin", "2026", "2026", "kl-declaration-2045"),
            ("First five-year strategic plans end", "2030", None, "kl-declaration-2045"),
        ],
    },
]
