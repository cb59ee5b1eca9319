"""Read the seed article (``secretariat.txt``) into structured parts.

The article is plain text: a lead paragraph, then sections under short headings, with
"- Title: text" bullet lists and numbered FAQ questions each followed by its answer. The
parser knows the sections it needs by a word in their heading (role, structure, challenge,
conclusion, FAQ) and ignores every other section, in particular the closing "Seeking More
Information?" section whose last line is the contact of the article's publisher, which is
not portal content.
"""

import re
from dataclasses import dataclass
from pathlib import Path

SEED_TEXT_PATH = Path(__file__).resolve().parent / "secretariat.txt"

BULLET_RE = re.compile(r"^-\s+(?P<title>[^:]+?):\s+(?P<text>\S.*)$")
NUMBERED_RE = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>\S.*)$")
MAX_HEADING_LENGTH = 80


class SeedFormatError(ValueError):
    """The seed text does not have the shape the parser expects."""


@dataclass(frozen=True)
class Entry:
    """One "- Title: text" bullet."""

    title: str
    text: str


@dataclass(frozen=True)
class Question:
    number: int
    question: str
    answer: str


@dataclass(frozen=True)
class Section:
    heading: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ListSection:
    """A section shaped "lead paragraph(s), a bullet list, closing paragraph(s)"."""

    heading: str
    lead: tuple[str, ...]
    entries: tuple[Entry, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class SeedDocument:
    intro: tuple[str, ...]
    roles: ListSection
    structure: ListSection
    challenges: ListSection
    conclusion_heading: str
    conclusion: tuple[str, ...]
    faq_heading: str
    faqs: tuple[Question, ...]


def is_heading(line: str) -> bool:
    """A short line that is neither a list item nor a sentence ending in "." or ":"."""
    return (
        len(line) <= MAX_HEADING_LENGTH
        and not line.startswith("- ")
        and not NUMBERED_RE.match(line)
        and not line.endswith((".", ":"))
    )


def split_sections(text: str) -> list[Section]:
    lines = [line.strip() for line in text.splitlines()]
    sections, heading, body = [], None, []
    for line in lines:
        if not line:
            continue
        if is_heading(line):
            sections.append(Section(heading, tuple(body)))
            heading, body = line, []
        else:
            body.append(line)
    sections.append(Section(heading, tuple(body)))
    return [s for s in sections if s.heading is not None or s.lines]


def find_section(sections: list[Section], keyword: str) -> Section:
    for section in sections:
        if section.heading and keyword.lower() in section.heading.lower():
            return section
    raise SeedFormatError(f"The seed text has no section whose heading mentions “{keyword}”.")


def parse_list_section(section: Section) -> ListSection:
    lead, entries, after = [], [], []
    for line in section.lines:
        if line.startswith("- "):
            if after:
                raise SeedFormatError(
                    f"Section “{section.heading}” has text between its list items: {line!r}"
                )
            match = BULLET_RE.match(line)
            if not match:
                raise SeedFormatError(
                    f"Section “{section.heading}”: a list item is not “- Title: text”: {line!r}"
                )
            entries.append(Entry(match["title"].strip(), match["text"].strip()))
        elif entries:
            after.append(line)
        else:
            lead.append(line)
    if not entries:
        raise SeedFormatError(f"Section “{section.heading}” has no “- Title: text” list.")
    return ListSection(section.heading, tuple(lead), tuple(entries), tuple(after))


def parse_faqs(section: Section) -> tuple[Question, ...]:
    questions: list[tuple[int, str, list[str]]] = []
    for line in section.lines:
        match = NUMBERED_RE.match(line)
        if match:
            questions.append((int(match["number"]), match["text"].strip(), []))
        elif questions:
            questions[-1][2].append(line)
        # Text before the first question is an introduction; FAQs have none to keep.
    if not questions:
        raise SeedFormatError(f"Section “{section.heading}” has no numbered questions.")
    faqs = []
    for number, question, answer in questions:
        if not answer:
            raise SeedFormatError(f"FAQ {number} (“{question}”) has no answer.")
        faqs.append(Question(number, question, "\n\n".join(answer)))
    return tuple(faqs)


def parse_seed(text: str) -> SeedDocument:
    sections = split_sections(text)
    if not sections or sections[0].heading is not None:
        raise SeedFormatError("The seed text does not start with an introduction paragraph.")
    conclusion = find_section(sections, "conclusion")
    if not conclusion.lines:
        raise SeedFormatError("The seed text's conclusion section is empty.")
    faq_section = find_section(sections, "faq")
    return SeedDocument(
        intro=sections[0].lines,
        roles=parse_list_section(find_section(sections, "role")),
        structure=parse_list_section(find_section(sections, "structure")),
        challenges=parse_list_section(find_section(sections, "challenge")),
        conclusion_heading=conclusion.heading,
        conclusion=conclusion.lines,
        faq_heading=faq_section.heading,
        faqs=parse_faqs(faq_section),
    )


def read_seed_text(path: Path = SEED_TEXT_PATH) -> str:
    return path.read_text(encoding="utf-8")


def load_document(path: Path = SEED_TEXT_PATH) -> SeedDocument:
    return parse_seed(read_seed_text(path))
