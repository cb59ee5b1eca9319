"""Marked-up matches that cannot carry HTML: escape the text first, then mark the words."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# The engines wrap matched words in these; the index never stores control characters.
MARK_START = "\x02"
MARK_END = "\x03"
MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}")
STRAY = re.compile(f"[{MARK_START}{MARK_END}]")


def mark_matches(text):
    """``text`` as safe HTML: every character escaped, engine-marked words in ``<mark>``."""
    escaped = escape(text)  # the markers are control characters, untouched by escaping
    return mark_safe(STRAY.sub("", MARKED.sub(r"<mark>\1</mark>", escaped)))
