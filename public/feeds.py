"""Atom feeds whose every text is plain text.

Django's ``Atom1Feed`` writes an entry's description as ``<summary type="html">``: the text
is only XML-escaped, so a feed reader decodes it and renders it as HTML, and a summary such
as ``<img src=x onerror=…>`` runs there (the pages escape it; the feed did not). Staff
write summaries as plain sentences, so the feed says so: ``type="text"``, which a reader
shows literally. Titles, subtitles and names carry no ``type`` and are text already.
"""

from django.utils.feedgenerator import Atom1Feed


class PlainTextAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
