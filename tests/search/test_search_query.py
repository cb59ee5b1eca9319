"""Reading what a person typed: clauses, prefixes, phrases, acronyms, and odd input."""

from search.query import MAX_QUERY_CHARS, Glossary, Term, parse
from search.typos import similarity

GLOSSARY = Glossary(
    [("AEC", "ASEAN Economic Community"), ("MPAC", "Master Plan on ASEAN Connectivity")]
)


def typed(query):
    return [(c.typed.text, c.typed.prefix) for c in query.clauses]


def test_words_become_clauses_and_only_the_last_word_is_a_prefix():
    assert typed(parse("Regional Trade faci")) == [
        ("regional", False),
        ("trade", False),
        ("faci", True),
    ]


def test_short_last_words_and_phrases_are_not_prefixes():
    assert typed(parse("trade in")) == [("trade", False)]  # "in" is a stop word
    assert typed(parse("trade ab")) == [("trade", False), ("ab", False)]
    assert typed(parse('"single window"')) == [("single window", False)]


def test_quoted_phrases_keep_their_stop_words_and_loose_ones_drop_them():
    query = parse('the "agreement on disaster management" of the region')
    assert typed(query) == [("agreement on disaster management", False), ("region", True)]


def test_an_unmatched_quote_is_ignored_with_a_note():
    query = parse('"single window trade')
    assert typed(query) == [("single", False), ("window", False), ("trade", True)]
    assert any("quotation mark" in note for note in query.notes)


def test_operators_and_sql_are_just_words():
    query = parse("trade & (finance | !tax) NEAR:* '; DROP TABLE x; --")
    assert [c.typed.text for c in query.clauses] == [
        "trade",
        "finance",
        "tax",
        "near",
        "drop",
        "table",
        "x",
    ]
    assert all(set(t) <= set("abcdefghijklmnopqrstuvwxyz") for t, _ in typed(query))
    assert any("operators" in note for note in query.notes)


def test_control_characters_go_and_long_queries_are_cut():
    query = parse("trade\x00\x07 finance\r\n")
    assert query.text == "trade finance"
    long_query = parse("word " * 5000)
    assert len(long_query.text) <= MAX_QUERY_CHARS
    assert any("too long" in note for note in long_query.notes)
    assert {c.typed.text for c in long_query.clauses} == {"word"}


def test_an_acronym_also_matches_its_expansion_and_the_reverse():
    by_acronym = parse("aec trade", GLOSSARY)
    assert by_acronym.clauses[0].alternatives == (
        Term(("aec",)),
        Term(("asean", "economic", "community")),
    )
    by_name = parse("the Master Plan on ASEAN Connectivity review", GLOSSARY)
    assert by_name.clauses[0].alternatives == (
        Term(("master", "plan", "on", "asean", "connectivity")),
        Term(("mpac",)),
    )
    assert typed(by_name)[1] == ("review", True)
    assert by_name.expanded == [("master plan on asean connectivity", "mpac")]


def test_corrections_add_an_alternative_and_rewrite_the_text():
    query = parse("Secretariet role", GLOSSARY)
    fixed = query.with_corrections({"secretariet": "secretariat"})
    assert fixed.clauses[0].alternatives == (Term(("secretariet",)), Term(("secretariat",)))
    assert query.corrected_text({"secretariet": "secretariat"}) == "secretariat role"


def test_similarity_is_pg_trgm_similarity():
    assert similarity("word", "word") == 1.0
    assert round(similarity("secretariet", "secretariat"), 3) == 0.6
    assert similarity("abc", "xyz") == 0.0
