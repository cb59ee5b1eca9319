"""Initiatives and topics as public content: one registration each (see
``publishing.registry``)."""

from django.db.models import Prefetch

from divisions.models import Division
from publishing.content import State
from publishing.markdown import html_text
from publishing.registry import Entry, Search, Sitemap, registry
from sources.models import Citation, Source
from sources.publish_rule import requires_source

from .models import Indicator, IndicatorPeriod, Initiative, Milestone, Topic
from .opendata import INITIATIVES, MILESTONES


def is_published(obj):
    return obj is not None and obj.state == State.PUBLISHED


def names(objects):
    return " ".join(o.name for o in objects)


def published_topics():
    """The ``topics`` of each row, published ones only, for a search document's names."""
    return Prefetch("topics", queryset=Topic.objects.filter(state=State.PUBLISHED).only("name"))


def topic_entry(topic):
    return Entry(title=topic.name, body=html_text(topic.description_html), facets=[topic])


def with_names(initiatives):
    supporting = Division.objects.filter(state=State.PUBLISHED).only("name")
    return initiatives.select_related("lead_division").prefetch_related(
        published_topics(), Prefetch("supporting_divisions", queryset=supporting)
    )


def initiative_entry(initiative):
    lead = initiative.lead_division
    divisions = [lead] if is_published(lead) else []
    divisions += list(initiative.supporting_divisions.all())
    topics = list(initiative.topics.all())
    lead_acronym = lead.short_name if divisions and divisions[0] is lead else ""
    return Entry(
        title=initiative.title,
        summary=initiative.summary,
        body=html_text(initiative.body_html),
        keywords=f"{names(topics)} {names(divisions)} {lead_acronym}",
        facets=[*divisions, *topics],
    )


def register():
    registry.register(
        Initiative,
        search=Search(
            kind="initiative",
            build=initiative_entry,
            prepare=with_names,
            shows_names_of=("lead_division", "supporting_divisions", "topics"),
        ),
        sitemap=Sitemap(
            "initiatives", changefreq="weekly", limit=5000, only=("slug", "updated_at")
        ),
        feeds=("initiatives:feed",),
        dataset=INITIATIVES,
        listing="initiatives:list",
        more_datasets=((MILESTONES, "initiatives:milestones"),),
        member_state_paths=("member_states",),
        # Shown on an initiative's page (Member States are content types of their own).
        # Citations and sources show on every page that lists its sources.
        parts=(Milestone, Indicator, IndicatorPeriod, Citation, Source),
        # A fact-bearing type: not published without a source (PUBLISH_REQUIRES_SOURCE).
        publish_checks=(requires_source,),
    )
    registry.register(
        Topic,
        search=Search(kind="topic", build=topic_entry, facet=True),
        sitemap=Sitemap("topics", changefreq="monthly"),
    )
