"""Synthetic scale content for benchmarks: varied, reproducible, and clearly marked.

Every synthetic row's slug starts with ``demo-`` and its body says it is synthetic, so it
is never mistaken for real content and can be removed without touching the seed content.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from divisions.models import Division, Pillar
from faqs.models import FAQ
from initiatives.models import Initiative, InitiativeStatus, Milestone, Topic
from member_states.models import MemberState
from partial_dates import PartialDate
from publishing.content import State
from publishing.markdown import render_markdown
from seed import demo_vocabulary as vocabulary
from sources.models import Citation, Source

SLUG_PREFIX = "demo-"
SYNTHETIC_NOTE = "_Synthetic demo content generated for benchmarks; not real ASEAN information._"

INSTRUMENTS = [
    "Action Plan",
    "Work Plan",
    "Framework",
    "Roadmap",
    "Strategy",
    "Programme",
    "Blueprint",
    "Network",
    "Partnership",
    "Initiative",
    "Guidelines",
    "Master Plan",
    "Declaration",
    "Task Force",
    "Dialogue",
    "Facility",
    "Fund",
    "Mechanism",
    "Platform",
    "Agenda",
]
SUBJECTS = [
    "Digital Trade",
    "Disaster Resilience",
    "Maritime Cooperation",
    "Food Security",
    "Energy Transition",
    "Public Health Preparedness",
    "Customs Modernisation",
    "Cybersecurity Capacity",
    "Women's Economic Empowerment",
    "Youth Employment",
    "Biodiversity Conservation",
    "Transboundary Haze",
    "Migrant Workers' Rights",
    "Smart Cities",
    "Tourism Recovery",
    "Micro, Small and Medium Enterprises",
    "Counter-Terrorism",
    "Trafficking in Persons",
    "Higher Education Mobility",
    "Cultural Heritage",
    "Sustainable Infrastructure",
    "Financial Inclusion",
    "Rural Development",
    "Marine Debris",
    "Climate Adaptation",
    "Standards and Conformance",
    "Competition Policy",
    "Intellectual Property",
    "Consumer Protection",
    "Connectivity Financing",
    "Seamless Logistics",
    "Regulatory Excellence",
    "Social Protection",
    "Disability Inclusion",
    "Mental Health",
    "Anti-Microbial Resistance",
    "Peacekeeping Cooperation",
    "Preventive Diplomacy",
    "Narcotics Control",
    "E-Government Services",
    "Science, Technology and Innovation",
    "Skills Development",
]
VERBS = [
    "coordinates",
    "strengthens",
    "harmonises",
    "monitors",
    "supports",
    "accelerates",
    "promotes",
    "facilitates",
    "develops",
    "reviews",
    "advances",
    "builds",
]
OBJECTS = [
    "regional capacity",
    "information sharing among Member States",
    "policy dialogue",
    "common standards",
    "joint training programmes",
    "data collection and reporting",
    "cross-border cooperation",
    "public awareness",
    "technical assistance",
    "sectoral body meetings",
    "implementation reviews",
    "partnerships with dialogue partners",
]
QUESTION_STARTS = [
    "How does ASEAN approach",
    "What is the Secretariat's role in",
    "Who coordinates",
    "Where can I read about",
    "When was work started on",
    "Which Member States take part in",
    "How is progress measured for",
    "Why does ASEAN prioritise",
]
MILESTONES = [
    "Adoption by the sectoral body",
    "Mid-term review",
    "Regional workshop",
    "Baseline study published",
    "Work plan endorsed",
    "Final report",
    "Pilot completed",
    "Guidelines issued",
    "Ministerial endorsement",
    "Capacity-building series",
]


class Words:
    """Zipf-weighted picks from the demo vocabulary: a few words everywhere, most rare."""

    lists = {
        "place": vocabulary.PLACES,
        "partner": vocabulary.PARTNERS,
        "sector": vocabulary.SECTOR_TERMS,
        "qualifier": vocabulary.QUALIFIERS,
        "activity": vocabulary.ACTIVITIES,
        "people": vocabulary.PEOPLE,
        "code": vocabulary.REFERENCE_CODES,
    }

    def __init__(self, rng):
        self.rng = rng
        self.weights = {name: vocabulary.zipf_weights(items) for name, items in self.lists.items()}

    def pick(self, name):
        return self.rng.choices(self.lists[name], cum_weights=self.weights[name])[0]


def _sentence(rng, subject):
    return (
        f"The {rng.choice(INSTRUMENTS).lower()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"on {subject.lower()}."
    )


DETAILS = [
    "It {verb} {qualifier} {sector} in {place} with support from {partner}.",
    "The next {activity} on {sector} for {people} is planned in {place} for {year}.",
    "{People} in {place} report progress on {qualifier} {sector}.",
    "Reference {code} records the {activity} agreed with {partner}.",
]


def _detail(rng, words):
    """A sentence with the long tail of the vocabulary: places, partners, sectors, people."""
    picked = {name: words.pick(name) for name in Words.lists}
    return rng.choice(DETAILS).format(
        verb=rng.choice(VERBS),
        year=rng.randint(2000, 2045),
        People=picked["people"].capitalize(),
        **picked,
    )


def _body(rng, subject, words):
    opening = [_sentence(rng, subject) for _ in range(rng.randint(1, 3))]
    opening += [_detail(rng, words) for _ in range(rng.randint(1, 2))]
    paragraphs = [
        " ".join(opening),
        " ".join(_detail(rng, words) for _ in range(rng.randint(1, 3))),
        "Key areas:\n\n" + "\n".join(f"- {rng.choice(OBJECTS).capitalize()}" for _ in range(3)),
        SYNTHETIC_NOTE,
    ]
    return "\n\n".join(paragraphs)


def _title(rng, subject, words):
    instrument = rng.choice(INSTRUMENTS)
    shape = rng.random()
    if shape < 0.6:
        return f"{instrument} on {subject} {rng.randint(2000, 2045)}"
    if shape < 0.8:
        return f"{subject} {instrument} for {words.pick('place')}"
    return (
        f"{words.pick('qualifier').capitalize()} {words.pick('sector').capitalize()} {instrument}"
    )


def _question(rng, subject, words):
    if rng.random() < 0.5:
        return f"{rng.choice(QUESTION_STARTS)} {subject.lower()}?"
    return f"{rng.choice(QUESTION_STARTS)} {words.pick('sector')} in {words.pick('place')}?"


def _pick(rng, population, low, high):
    """Between ``low`` and ``high`` distinct items, fewer if the population is smaller."""
    return rng.sample(population, min(len(population), rng.randint(low, high)))


def _random_date(rng, start_year, end_year):
    return datetime.date(rng.randint(start_year, end_year), rng.randint(1, 12), rng.randint(1, 28))


def _partial(rng, day):
    """``day`` at a random precision: real content knows some dates to the year only."""
    precision = rng.random()
    if precision < 0.4:
        return PartialDate(day.year)
    if precision < 0.7:
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


# Every demo initiative and milestone cites this, so the data behaves as published content
# must (a source each) while saying plainly that it is not real.
DEMO_SOURCE = {
    "key": "demo-synthetic-data",
    "title": "Synthetic demonstration data (not a real source)",
    "publisher": "",
    "kind": Source.Kind.DATASET,
    "notes": "Generated by generate_demo_data for benchmarks; none of it is true.",
}


def demo_source():
    source, _ = Source.objects.get_or_create(
        key=DEMO_SOURCE["key"], defaults={k: v for k, v in DEMO_SOURCE.items() if k != "key"}
    )
    return source


class DemoDataBuilder:
    """Builds ``initiatives`` initiatives and ``faqs`` FAQs with bulk inserts."""

    batch_size = 2000
    draft_share = 0.05

    def __init__(self, seed=2045):
        self.rng = random.Random(seed)
        self.words = Words(self.rng)
        self.divisions = list(Division.objects.all())
        self.topics = list(Topic.objects.all())
        self.states = list(MemberState.objects.all())
        if not (self.divisions and self.topics and self.states):
            raise ValueError("Load the seed content first (divisions, topics, member states).")
        self.source = demo_source()
        self.initiative_type = ContentType.objects.get_for_model(Initiative)

    @staticmethod
    def clear():
        """Delete every synthetic row; seed content is untouched. Dependent rows go first,
        each in one DELETE, so clearing 100,000 initiatives does not load them all."""
        demo_faqs = FAQ.objects.filter(slug__startswith=SLUG_PREFIX)
        demo_initiatives = Initiative.objects.filter(slug__startswith=SLUG_PREFIX)
        with transaction.atomic():
            Citation.objects.filter(
                content_type=ContentType.objects.get_for_model(Initiative),
                object_id__in=demo_initiatives.values("pk"),
            ).delete()
            FAQ.topics.through.objects.filter(faq__in=demo_faqs).delete()
            faqs = demo_faqs.delete()[0]
            for related in (
                Milestone.objects,
                Initiative.topics.through.objects,
                Initiative.member_states.through.objects,
                Initiative.supporting_divisions.through.objects,
            ):
                related.filter(initiative__in=demo_initiatives).delete()
            initiatives = demo_initiatives.delete()[0]
        return initiatives, faqs

    def _state(self):
        return State.DRAFT if self.rng.random() < self.draft_share else State.PUBLISHED

    def build_initiatives(self, count):
        rng = self.rng
        through_topics = Initiative.topics.through
        through_states = Initiative.member_states.through
        through_support = Initiative.supporting_divisions.through
        for offset in range(0, count, self.batch_size):
            size = min(self.batch_size, count - offset)
            rows = []
            for n in range(offset, offset + size):
                subject = rng.choice(SUBJECTS)
                title = _title(rng, subject, self.words)
                body = _body(rng, subject, self.words)
                start_date = _random_date(rng, 2000, 2030)
                end_date = start_date + datetime.timedelta(days=rng.randint(365, 3650))
                start, end = _partial(rng, start_date), _partial(rng, end_date)
                rows.append(
                    Initiative(
                        title=title,
                        slug=f"{SLUG_PREFIX}initiative-{n}",
                        summary=_sentence(rng, subject),
                        body=body,
                        body_html=render_markdown(body),
                        lead_division=rng.choice(self.divisions),
                        pillar=rng.choice(Pillar.values),
                        status=rng.choice(InitiativeStatus.values),
                        planned_start=start,
                        planned_end=end,
                        state=self._state(),
                    )
                )
            with transaction.atomic():
                created = Initiative.objects.bulk_create(rows)
                topic_links, state_links, support_links, milestones = [], [], [], []
                citations = [
                    Citation(
                        content_type=self.initiative_type,
                        object_id=initiative.pk,
                        source=self.source,
                    )
                    for initiative in created
                ]
                for initiative in created:
                    for topic in _pick(rng, self.topics, 1, 3):
                        topic_links.append(through_topics(initiative=initiative, topic=topic))
                    everyone = rng.random() < 0.6
                    for state in self.states if everyone else _pick(rng, self.states, 2, 6):
                        state_links.append(through_states(initiative=initiative, memberstate=state))
                    for division in _pick(rng, self.divisions, 0, 2):
                        if division.pk != initiative.lead_division_id:
                            support_links.append(
                                through_support(initiative=initiative, division=division)
                            )
                    for order in range(rng.randint(2, 4)):
                        due = _partial(rng, _random_date(rng, 2005, 2035))
                        done = due if due.year < 2026 and rng.random() < 0.7 else None
                        milestones.append(
                            Milestone(
                                initiative=initiative,
                                title=rng.choice(MILESTONES),
                                planned=due,
                                reached=done,
                                source=self.source,
                                order=order,
                            )
                        )
                through_topics.objects.bulk_create(topic_links, batch_size=self.batch_size)
                through_states.objects.bulk_create(state_links, batch_size=self.batch_size)
                through_support.objects.bulk_create(support_links, batch_size=self.batch_size)
                Milestone.objects.bulk_create(milestones, batch_size=self.batch_size)
                Citation.objects.bulk_create(citations, batch_size=self.batch_size)
            yield offset + size

    def build_faqs(self, count):
        rng = self.rng
        through_topics = FAQ.topics.through
        for offset in range(0, count, self.batch_size):
            size = min(self.batch_size, count - offset)
            rows = []
            for n in range(offset, offset + size):
                subject = rng.choice(SUBJECTS)
                answer = (
                    f"{_sentence(rng, subject)} {_detail(rng, self.words)} "
                    f"{_detail(rng, self.words)}\n\n{SYNTHETIC_NOTE}"
                )
                rows.append(
                    FAQ(
                        question=_question(rng, subject, self.words),
                        slug=f"{SLUG_PREFIX}faq-{n}",
                        answer=answer,
                        answer_html=render_markdown(answer),
                        division=rng.choice(self.divisions),
                        order=rng.randint(0, 100),
                        state=self._state(),
                    )
                )
            with transaction.atomic():
                created = FAQ.objects.bulk_create(rows)
                links = [
                    through_topics(faq=faq, topic=topic)
                    for faq in created
                    for topic in _pick(rng, self.topics, 1, 2)
                ]
                through_topics.objects.bulk_create(links, batch_size=self.batch_size)
            yield offset + size
