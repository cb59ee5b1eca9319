"""Atom feed of new and updated documents, newest change first."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse

from public.feeds import PlainTextAtomFeed
from publishing import changes

from .models import Document

ENTRIES = 50


class DocumentsFeed(Feed):
    feed_type = PlainTextAtomFeed
    author_name = settings.PORTAL_NAME
    title = f"New and updated documents · {settings.PORTAL_NAME}"
    subtitle = (
        "ASEAN declarations, agreements, plans, reports and publications, newest change first."
    )

    def link(self):
        return reverse("documents:list")

    def items(self):
        documents = (
            Document.objects.published()
            .select_related("issuing_body")
            .order_by("-updated_at", "-pk")[:ENTRIES]
        )
        return changes.with_last_change(documents)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        kind = item.get_doc_type_display()
        date = f", {item.date}" if item.date else ""
        return f"{kind}{date}. {item.summary}".strip()

    def item_guid(self, item):
        return item.identifier

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.public_updated_at or item.updated_at

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_author_name(self, item):
        body = item.issuing_body
        return body.name if body is not None and body.is_public else None
