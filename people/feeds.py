"""An Atom feed of new and updated people's pages: each entry names the posts the person
holds today. Newest change first."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from public.feeds import PlainTextAtomFeed
from publishing import changes

from .models import Appointment, Person, Role

ENTRIES = 50


class PeopleFeed(Feed):
    feed_type = PlainTextAtomFeed
    author_name = settings.PORTAL_NAME
    title = f"People and their posts · {settings.PORTAL_NAME}"
    subtitle = (
        "The people who lead the ASEAN Secretariat and their appointments, newest change first."
    )

    def link(self):
        return reverse("people:leadership")

    def items(self):
        people = (
            Person.objects.published()
            .prefetch_related(
                Prefetch(
                    "appointments",
                    queryset=Appointment.objects.filter(
                        role__in=Role.objects.published()
                    ).select_related("role"),
                )
            )
            .order_by("-updated_at", "-pk")[:ENTRIES]
        )
        return changes.with_last_change(people)

    def item_title(self, item):
        return item.full_name

    def item_description(self, item):
        today = timezone.localdate()
        posts = [a for a in item.appointments.all() if a.is_current_on(today)]
        if not posts:
            return "Holds no post recorded on this portal today."
        return "; ".join(f"{a.role.title} since {a.started}" for a in posts) + "."

    def item_updateddate(self, item):
        return item.public_updated_at or item.updated_at

    def item_pubdate(self, item):
        return item.publish_at or item.created_at
