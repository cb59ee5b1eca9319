"""``/updates/`` and its Atom feed: the portal's recent public changes, newest first — each
item's first publication and every major change with its note (``publishing.changes``)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.generic import TemplateView

from publishing import changes

PER_PAGE = 20
FEED_ENTRIES = 50


class UpdatesView(TemplateView):
    template_name = "pages/updates.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Paginator.get_page: a malformed or out-of-range number shows the nearest page.
        page = Paginator(changes.recent_changes(), PER_PAGE).get_page(self.request.GET.get("page"))
        changes.attach_items(page.object_list)
        context["page_obj"] = page
        return context


class TextAtomFeed(Atom1Feed):
    """Atom whose summaries are ``type="text"``: readers show a change note as the words it
    is, never as markup (Django's own says ``type="html"``)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class UpdatesFeed(Feed):
    """Atom; titles and summaries go out as text (Django escapes them: never raw HTML)."""

    feed_type = TextAtomFeed
    title = f"Updates · {settings.PORTAL_NAME}"
    subtitle = "New pages and major changes, with their change notes, newest first."
    author_name = settings.PORTAL_NAME

    def link(self):
        return reverse("updates")

    def items(self):
        entries = list(changes.recent_changes()[:FEED_ENTRIES])
        return [e for e in changes.attach_items(entries) if e.item is not None]

    def item_title(self, entry):
        return str(entry.item)

    def item_description(self, entry):
        return entry.note

    def item_link(self, entry):
        return entry.item.get_absolute_url()

    def item_guid(self, entry):
        return self.request_url + f"#change-{entry.pk}"

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.published_at

    def item_updateddate(self, entry):
        return entry.published_at

    def get_object(self, request, *args, **kwargs):
        self.request_url = request.build_absolute_uri(reverse("updates"))
        return None
