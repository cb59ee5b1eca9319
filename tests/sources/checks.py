"""What the tests look for in pages and downloads: a percentage shown as text (not an SVG
width, not a CSS value), the trace a milestone-count percentage would leave."""

import re
from html.parser import HTMLParser

PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")


class _Text(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def percentages(html):
    """Every percentage a reader of ``html`` sees."""
    return PERCENT.findall(visible_text(html))
