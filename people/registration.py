"""People and posts as public content: one registration each (see ``publishing.registry``),
and the head of each division on its page (``people.parts``)."""

from django.db.models import Prefetch
from django.utils import timezone

from member_states.models import MemberState
from publishing.content import State
from publishing.markdown import html_text
from publishing.registry import Entry, Search, Sitemap, registry
from sources.models import Citation, Source
from sources.publish_rule import requires_source

from . import parts
from .models import Appointment, Person, Role
from .opendata import APPOINTMENTS, PEOPLE
from .sitemaps import LeadershipSitemap


def with_posts(people):
    published_roles = Appointment.objects.filter(role__state=State.PUBLISHED).select_related(
        "role__division"
    )
    return people.select_related("nationality").prefetch_related(
        Prefetch("appointments", queryset=published_roles)
    )


def person_entry(person):
    appointments = list(person.appointments.all())
    today = timezone.localdate()
    now = [a.role.title for a in appointments if a.is_current_on(today)]
    posts = " ".join(dict.fromkeys(a.role.title for a in appointments))
    divisions = {
        a.role.division_id: a.role.division
        for a in appointments
        if a.role.division is not None and a.role.division.state == State.PUBLISHED
    }
    nationality = person.nationality.name if person.nationality_id else ""
    return Entry(
        title=person.full_name,
        summary="; ".join(now),
        body=html_text(person.biography_html),
        keywords=f"{person.name} {posts} {nationality}",
        facets=list(divisions.values()),
    )


def register():
    registry.register(
        Person,
        search=Search(kind="person", build=person_entry, prepare=with_posts),
        sitemap=Sitemap("people", changefreq="monthly", only=("slug", "updated_at")),
        feeds=("people:feed",),
        dataset=PEOPLE,
        listing="people:list",
        more_datasets=((APPOINTMENTS, "people:appointments"),),
        member_state_paths=("nationality",),
        # Shown on a person's page (and on /leadership/, division pages and FAQs).
        parts=(Appointment, MemberState, Citation, Source),
        # A fact-bearing type: not published without a source (PUBLISH_REQUIRES_SOURCE).
        publish_checks=(requires_source,),
    )
    registry.register(Role, listing="people:leadership", parts=(Citation,))
    registry.add_sitemap("leadership", LeadershipSitemap)
    parts.register()
