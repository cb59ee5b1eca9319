"""The posts of the Secretariat and the one person the lead's ruling lets the seed name.

Posts: the Secretary-General of ASEAN, and the head of each division as ``data.DIVISIONS``
gives its title (the Deputies where the title says so). Person: only the Secretary-General,
Dr Kao Kim Hourn (nationality Cambodia), in post since 2023 (year precision), term
2023–2027, nominated (the ASEAN Charter, Article 11: appointed by the ASEAN Summit for a
non-renewable term of five years, from the nationals of the Member States in alphabetical
rotation). No other holder is seeded: the Deputies and division heads are left for staff.
Sources are documents (title, publisher, date as known), no address."""

from seed.data import ARTICLE_SOURCE, DIVISIONS, OSG, WEB

SECRETARY_GENERAL_PAGE = "secretary-general-of-asean-page"

# (key, title, issuer or publisher, date as precise as known, kind, notes), as data.SOURCES.
SOURCES = [
    (
        SECRETARY_GENERAL_PAGE,
        "Secretary-General of ASEAN",
        "ASEAN Secretariat",
        "",
        WEB,
        "The ASEAN Secretariat's page on the Secretary-General; undated.",
    ),
]

CHARTER = "asean-charter"
CHARTER_ARTICLE_11 = (
    "Article 11: the Secretary-General is appointed by the ASEAN Summit for a non-renewable "
    "term of five years, selected from nationals of the Member States in alphabetical rotation"
)

SECRETARY_GENERAL = "secretary-general-of-asean"


def _role(item, order):
    title = item["head_title"]
    if item["slug"] == OSG:
        return {
            "slug": SECRETARY_GENERAL,
            "title": title,
            "kind": "secretary-general",
            "division": item["slug"],
            "description": "Heads the ASEAN Secretariat.",
            "order": order,
            "sources": [(CHARTER, CHARTER_ARTICLE_11)],
        }
    deputy = title.startswith("Deputy Secretary-General")
    if not deputy:  # "Director": named with the division it heads
        title = f"{title}, {item['source_name']}"
    return {
        "slug": f"head-of-{item['slug']}",
        "title": title,
        "kind": "deputy-secretary-general" if deputy else "division-head",
        "division": item["slug"],
        "description": f"Heads the {item['source_name']}.",
        "order": order,
        # The title as the curated division data gives it, which rests on the article.
        "sources": [(ARTICLE_SOURCE, "")],
    }


ROLES = [_role(item, order) for order, item in enumerate(DIVISIONS, start=1) if item["head_title"]]

PEOPLE = [
    {
        "slug": "kao-kim-hourn",
        "name": "Kao Kim Hourn",
        "honorific": "Dr",
        "nationality": "cambodia",
        "owning_division": OSG,
        "sources": [
            (SECRETARY_GENERAL_PAGE, "Secretary-General of ASEAN since 2023"),
            (CHARTER, CHARTER_ARTICLE_11),
        ],
        "appointments": [
            {
                "role": SECRETARY_GENERAL,
                "started": "2023",
                "ended": "",
                "how_appointed": "nominated",
                "term": "2023–2027",
                "source": SECRETARY_GENERAL_PAGE,
            }
        ],
    },
]

# The FAQ on who leads the Secretariat names who holds the post today (its answer, a
# quotation, is not changed).
FAQ_ROLES = {"who-leads-the-asean-secretariat": [SECRETARY_GENERAL]}
