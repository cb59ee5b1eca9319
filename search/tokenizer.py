"""How text is split into words: the one tokenizer the index, the query parser and the
glossary share (both engines' tokenisers split text the same way)."""

import re

# PostgreSQL's English stop list (Snowball), so both engines ignore the same words.
STOPWORD_LIST = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did doing
    a an the and but if or because as until while of at by for with about against between into
    through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
"""
STOPWORDS = frozenset(STOPWORD_LIST.split())

WORD = re.compile(r"[^\W_]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def words_of(text):
    """The lower-cased words of ``text``, as both engines' tokenisers split it."""
    return [w.lower() for w in WORD.findall(text)]


def base_form(word):
    """A plural's singular, roughly ("floods" -> "flood", "countries" -> "country"): how
    synonyms are matched to what was typed (the engines stem the words they search)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def split_list(text):
    """ "flood, typhoon; earthquake" -> the phrases, trimmed, none empty."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]
