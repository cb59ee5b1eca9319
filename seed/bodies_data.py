"""ASEAN bodies and recent Summits: exactly what the lead's ruling allows (session 6).

Bodies rest on the ASEAN Charter (``asean-charter`` in ``seed.data.SOURCES``), each citing its
article; the sectoral ministerial bodies are those of its Annex 1 the ruling names. Chairs and
chair terms are not seeded (the Charter's rotation, Article 31, is a rule, not a current
fact), nor is any supporting division: ``seed.data.DIVISIONS`` states none for a body. How
often a body meets is given only where the Charter says so.

Meetings: the Summits from 2023 to 2025, each resting on its Chairman's Statement (issued by
ASEAN, dated the Summit's last day, no address). Status "held"; the chair is the host, the
Member State chairing ASEAN that year. Nothing else.
"""

from seed.data import STATEMENT

CHARTER = "asean-charter"

# Sources for the meetings: (key, title, issuer, date as precise as known, kind, notes).
SOURCES = [
    (
        "chairmans-statement-42nd-asean-summit",
        "Chairman's Statement of the 42nd ASEAN Summit",
        "ASEAN",
        "2023-05-11",
        STATEMENT,
        "",
    ),
    (
        "chairmans-statement-43rd-asean-summit",
        "Chairman's Statement of the 43rd ASEAN Summit",
        "ASEAN",
        "2023-09-07",
        STATEMENT,
        "",
    ),
    (
        "chairmans-statement-44th-45th-asean-summits",
        "Chairman's Statement of the 44th and 45th ASEAN Summits",
        "ASEAN",
        "2024-10-11",
        STATEMENT,
        "",
    ),
    (
        "chairmans-statement-46th-asean-summit",
        "Chairman's Statement of the 46th ASEAN Summit",
        "ASEAN",
        "2025-05-26",
        STATEMENT,
        "",
    ),
    (
        "chairmans-statement-47th-asean-summit",
        "Chairman's Statement of the 47th ASEAN Summit",
        "ASEAN",
        "2025-10-28",
        STATEMENT,
        "",
    ),
]

SUMMIT = "asean-summit"
COORDINATING_COUNCIL = "asean-coordinating-council"
APSC_COUNCIL = "asean-political-security-community-council"
AEC_COUNCIL = "asean-economic-community-council"
ASCC_COUNCIL = "asean-socio-cultural-community-council"

TWICE_A_YEAR = "Twice a year"
AT_LEAST_TWICE = "At least twice a year"


def body(slug, name, kind, *, article, short_name="", parent=None, pillar="", meets="", about=""):
    return {
        "slug": slug,
        "name": name,
        "short_name": short_name,
        "kind": kind,
        "parent": parent,
        "pillar": pillar,
        "meets": meets,
        "description": about,
        "sources": [(CHARTER, article)],
    }


# Parents before the bodies under them; the order is the structure's.
BODIES = [
    body(
        SUMMIT,
        "ASEAN Summit",
        "summit",
        meets=TWICE_A_YEAR,
        article="Article 7: the ASEAN Summit, the supreme policy-making body; meets twice a year",
        about="The supreme policy-making body of ASEAN: the Heads of State or Government of the "
        "Member States.",
    ),
    body(
        COORDINATING_COUNCIL,
        "ASEAN Coordinating Council",
        "coordinating-council",
        parent=SUMMIT,
        meets=AT_LEAST_TWICE,
        article="Article 8: the ASEAN Coordinating Council, the ASEAN Foreign Ministers; "
        "meets at least twice a year",
        about="The ASEAN Foreign Ministers.",
    ),
    body(
        APSC_COUNCIL,
        "ASEAN Political-Security Community Council",
        "community-council",
        parent=SUMMIT,
        pillar="political-security",
        meets=AT_LEAST_TWICE,
        article="Article 9: the ASEAN Community Councils; each meets at least twice a year",
    ),
    body(
        AEC_COUNCIL,
        "ASEAN Economic Community Council",
        "community-council",
        parent=SUMMIT,
        pillar="economic",
        meets=AT_LEAST_TWICE,
        article="Article 9: the ASEAN Community Councils; each meets at least twice a year",
    ),
    body(
        ASCC_COUNCIL,
        "ASEAN Socio-Cultural Community Council",
        "community-council",
        parent=SUMMIT,
        pillar="socio-cultural",
        meets=AT_LEAST_TWICE,
        article="Article 9: the ASEAN Community Councils; each meets at least twice a year",
    ),
    body(
        "asean-defence-ministers-meeting",
        "ASEAN Defence Ministers' Meeting",
        "sectoral-ministerial",
        short_name="ADMM",
        parent=APSC_COUNCIL,
        pillar="political-security",
        article="Annex 1: ASEAN Sectoral Ministerial Bodies",
    ),
    body(
        "asean-economic-ministers",
        "ASEAN Economic Ministers",
        "sectoral-ministerial",
        short_name="AEM",
        parent=AEC_COUNCIL,
        pillar="economic",
        article="Annex 1: ASEAN Sectoral Ministerial Bodies",
    ),
    body(
        "asean-ministers-on-agriculture-and-forestry",
        "ASEAN Ministers on Agriculture and Forestry",
        "sectoral-ministerial",
        short_name="AMAF",
        parent=AEC_COUNCIL,
        pillar="economic",
        article="Annex 1: ASEAN Sectoral Ministerial Bodies",
    ),
    body(
        "asean-health-ministers-meeting",
        "ASEAN Health Ministers Meeting",
        "sectoral-ministerial",
        short_name="AHMM",
        parent=ASCC_COUNCIL,
        pillar="socio-cultural",
        article="Annex 1: ASEAN Sectoral Ministerial Bodies",
    ),
    body(
        "asean-ministerial-meeting-on-disaster-management",
        "ASEAN Ministerial Meeting on Disaster Management",
        "sectoral-ministerial",
        short_name="AMMDM",
        parent=ASCC_COUNCIL,
        pillar="socio-cultural",
        article="Annex 1: ASEAN Sectoral Ministerial Bodies",
    ),
    body(
        "committee-of-permanent-representatives-to-asean",
        "Committee of Permanent Representatives to ASEAN",
        "committee",
        article="Article 12: the Committee of Permanent Representatives to ASEAN",
    ),
    body(
        "asean-intergovernmental-commission-on-human-rights",
        "ASEAN Intergovernmental Commission on Human Rights",
        "other",
        short_name="AICHR",
        article="Article 14: the ASEAN human rights body",
    ),
]


def summit(slug, title, ordinal, starts, ends, city, state, source, about=""):
    return {
        "slug": slug,
        "title": title,
        "body": SUMMIT,
        "ordinal": ordinal,
        "starts": starts,
        "ends": ends,
        "city": city,
        "host_state": state,
        "chair": state,  # the host: the Member State chairing ASEAN that year
        "status": "held",
        "description": about,
        "sources": [(source, "")],
    }


MEETINGS = [
    summit(
        "42nd-asean-summit",
        "42nd ASEAN Summit",
        42,
        "2023-05-10",
        "2023-05-11",
        "Labuan Bajo",
        "indonesia",
        "chairmans-statement-42nd-asean-summit",
    ),
    summit(
        "43rd-asean-summit",
        "43rd ASEAN Summit",
        43,
        "2023-09-05",
        "2023-09-07",
        "Jakarta",
        "indonesia",
        "chairmans-statement-43rd-asean-summit",
    ),
    summit(
        "44th-and-45th-asean-summits",
        "44th and 45th ASEAN Summits",
        None,  # two Summits in one meeting: no single ordinal
        "2024-10-08",
        "2024-10-11",
        "Vientiane",
        "lao-pdr",
        "chairmans-statement-44th-45th-asean-summits",
    ),
    summit(
        "46th-asean-summit",
        "46th ASEAN Summit",
        46,
        "2025-05-26",
        "",
        "Kuala Lumpur",
        "malaysia",
        "chairmans-statement-46th-asean-summit",
    ),
    summit(
        "47th-asean-summit",
        "47th ASEAN Summit",
        47,
        "2025-10-26",
        "2025-10-28",
        "Kuala Lumpur",
        "malaysia",
        "chairmans-statement-47th-asean-summit",
        about="Timor-Leste was admitted as the eleventh Member State of ASEAN on 26 October 2025.",
    ),
]
