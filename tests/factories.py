"""Every test's data comes from these factories; published unless a test says otherwise."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from caching import after_commit
from divisions.models import Division, DivisionKind, Pillar
from faqs.models import FAQ
from initiatives.models import Initiative, Milestone, Topic
from member_states.models import MemberState
from pages.models import SiteSection
from partial_dates import PartialDate
from publishing.content import State
from sources.models import Citation, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class CommittedFactory(factory.django.DjangoModelFactory):
    """The rows a test starts from stand for committed content: the work a commit sets off
    (the search index, the content token: ``caching.after_commit``) is done by the time the
    factory returns, though the test's own transaction never commits."""

    class Meta:
        abstract = True

    @classmethod
    def _generate(cls, strategy, params):
        made = super()._generate(strategy, params)
        if strategy == factory.enums.CREATE_STRATEGY:
            after_commit.run_pending()
        return made


class PublishedFactory(CommittedFactory):
    state = State.PUBLISHED

    class Params:
        draft = factory.Trait(state=State.DRAFT)


class DivisionFactory(PublishedFactory):
    class Meta:
        model = Division

    name = factory.Sequence(lambda n: f"Division {n}")
    slug = factory.Sequence(lambda n: f"division-{n}")
    kind = DivisionKind.DEPARTMENT
    summary = factory.LazyAttribute(lambda d: f"What {d.name} does.")
    mandate = "It **coordinates** work."
    head_title = "Director"


class SharedDivisionFactory(DivisionFactory):
    """The division that leads or answers for an item whose test names none: one per test
    instead of one per item (a new division costs as many queries as the item itself)."""

    class Meta:
        django_get_or_create = ("slug",)

    name = "Any Division"
    slug = "any-division"


class TopicFactory(PublishedFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    description = "A topic."


class MemberStateFactory(PublishedFactory):
    class Meta:
        model = MemberState
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"State {n}")
    slug = factory.Sequence(lambda n: f"state-{n}")
    iso_code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")


class SourceFactory(CommittedFactory):
    class Meta:
        model = Source
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Declaration number {n}")
    publisher = "ASEAN"
    published = PartialDate(2019, 6)
    kind = Source.Kind.OFFICIAL_DOCUMENT


class SharedSourceFactory(SourceFactory):
    """The source an item cites when its test names none: one per test."""

    key = "any-source"
    title = "Any Declaration"


def cite(obj, *sources, supports=""):
    """``obj`` cites each of ``sources`` (in order); returns the citations."""
    content_type = ContentType.objects.get_for_model(obj._meta.concrete_model)
    return [
        Citation.objects.create(
            content_type=content_type, object_id=obj.pk, source=source, supports=supports, order=n
        )
        for n, source in enumerate(sources)
    ]


class InitiativeFactory(PublishedFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Initiative {n:04d}")
    slug = factory.Sequence(lambda n: f"initiative-{n}")
    summary = "A regional initiative."
    body = "Some *Markdown* body."
    lead_division = factory.SubFactory(SharedDivisionFactory)
    pillar = Pillar.ECONOMIC
    status = Initiative.Status.ONGOING
    planned_start = PartialDate(2020)
    planned_end = PartialDate(2025)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        """Published initiatives need a source: each cites one unless ``sources=[]``."""
        if create:
            cite(self, *(extracted if extracted is not None else [SharedSourceFactory()]))

    @factory.post_generation
    def supporting_divisions(self, create, extracted, **kwargs):
        if create and extracted:
            self.supporting_divisions.set(extracted)

    @factory.post_generation
    def member_states(self, create, extracted, **kwargs):
        if create and extracted:
            self.member_states.set(extracted)


class MilestoneFactory(CommittedFactory):
    class Meta:
        model = Milestone

    initiative = factory.SubFactory(InitiativeFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    planned = PartialDate(2024, 6, 30)


class FAQFactory(PublishedFactory):
    class Meta:
        model = FAQ
        skip_postgeneration_save = True

    question = factory.Sequence(lambda n: f"Question number {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    answer = "An *answer*."
    division = factory.SubFactory(SharedDivisionFactory)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class SiteSectionFactory(PublishedFactory):
    class Meta:
        model = SiteSection

    kind = SiteSection.Kind.ROLE
    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    body = "Section text."


# --- issue 4: staff in a role (Editor, Publisher, Site administrator) ------------------


class RoleUserFactory(UserFactory):
    """``RoleUserFactory(role="Editor")``: staff, not superuser, in that group (which the
    data migration made; ``sync_roles`` makes it again after a transactional test's flush)."""

    class Meta:
        skip_postgeneration_save = True

    is_staff = True

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            from django.contrib.auth.models import Group

            from publishing.roles import ensure_permissions, sync_roles

            if not Group.objects.filter(name=extracted).exists():
                ensure_permissions()
                sync_roles()
            self.groups.add(Group.objects.get(name=extracted))
