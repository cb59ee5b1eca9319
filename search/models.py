"""What site-wide search stores: the index, its vocabulary, the acronym glossary, the misses.

The index is a table of its own (one row per published division, initiative, FAQ and topic)
written only by ``search.indexing``. Each database adds its full-text machinery
to it in a migration (``schema.py``): PostgreSQL a generated, weighted ``tsvector`` column with
a GIN index; SQLite an FTS5 table kept in step by triggers. Altering this table later needs
that machinery re-created: run ``manage.py rebuild_search_index`` after such a migration.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.http import urlencode

from search.tokenizer import split_list, words_of


class DocumentKind(models.TextChoices):
    DIVISION = "division", "Division"
    INITIATIVE = "initiative", "Initiative"
    FAQ = "faq", "FAQ"
    TOPIC = "topic", "Topic"
    MEMBER_STATE = "member_state", "Member State"


class SearchDocument(models.Model):
    """One searchable page. ``facets`` lists the keys it can be filtered by — ``type:faq``,
    ``division:<id>``, ``topic:<id>`` — so one aggregate counts every facet at once.
    The publication window is copied from the content: it is decided at read time."""

    Kind = DocumentKind

    kind = models.CharField(max_length=16, choices=DocumentKind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    keywords = models.TextField(blank=True, help_text="Names of its divisions and topics.")
    url = models.CharField(max_length=300)
    facets = models.JSONField(default=list)
    publish_at = models.DateTimeField(null=True, blank=True)
    unpublish_at = models.DateTimeField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "asean_portal"  # the table keeps its name
        ordering = ["kind", "title"]
        indexes = [
            # The next scheduled change is found from these (answers.py).
            models.Index(fields=["publish_at"], name="searchdocument_publish_idx"),
            models.Index(fields=["unpublish_at"], name="searchdocument_unpublish_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="searchdocument_one_per_object"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=DocumentKind.values), name="searchdocument_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class SearchTerm(models.Model):
    """A word that occurs in the index and in how many documents: typo suggestions come
    from here (pg_trgm's similarity on PostgreSQL, the same measure in Python on SQLite)."""

    word = models.CharField(max_length=40, unique=True)
    documents = models.IntegerField(default=0)

    class Meta:
        app_label = "asean_portal"  # the table keeps its name

    def __str__(self):
        return self.word


class GlossaryEntry(models.Model):
    """An acronym and what it stands for; search looks for either when given one."""

    acronym = models.CharField(
        max_length=20, help_text="One word, as people type it: AEC, AADMER, MPAC."
    )
    expansion = models.CharField(
        max_length=200, help_text="What it stands for: ASEAN Economic Community."
    )
    note = models.CharField(max_length=300, blank=True, help_text="Optional, for staff.")

    #: An acronym changes what searches find, and search answers are cached under the
    #: content token (see caching.content_token).
    public_content = True
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "asean_portal"  # the table keeps its name
        ordering = ["acronym"]
        verbose_name = "glossary entry"
        verbose_name_plural = "glossary"
        constraints = [
            models.UniqueConstraint(
                Lower("acronym"),
                name="glossaryentry_acronym_unique",
                violation_error_message="The glossary already has this acronym.",
            )
        ]

    def __str__(self):
        return f"{self.acronym} = {self.expansion}"

    def clean(self):
        super().clean()
        self.acronym = self.acronym.strip()
        self.expansion = " ".join(self.expansion.split())
        if words_of(self.acronym) != [self.acronym.lower()]:
            raise ValidationError({"acronym": "An acronym is one word of letters and digits."})
        expansion_words = words_of(self.expansion)
        if len(expansion_words) < 2:
            raise ValidationError({"expansion": "Write out the full name, in two words or more."})
        if self.acronym.lower() in expansion_words:
            raise ValidationError({"expansion": "The full name cannot contain the acronym."})


class Synonym(models.Model):
    """Everyday words and the portal's words for the same thing ("flood" and "disaster"):
    search looks for either when given one, both ways."""

    words = models.CharField(
        max_length=100, help_text="A word or short phrase, as people type it: disaster, women."
    )
    also_finds = models.CharField(
        max_length=300,
        help_text="Words or phrases with the same meaning here, separated by commas: "
        "flood, typhoon, earthquake, emergency.",
    )
    note = models.CharField(max_length=300, blank=True, help_text="Optional, for staff.")

    #: Synonyms change what searches find (see ``GlossaryEntry.public_content``).
    public_content = True
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "asean_portal"  # beside the glossary's table
        ordering = ["words"]
        constraints = [
            models.UniqueConstraint(
                Lower("words"),
                name="synonym_words_unique",
                violation_error_message="There is already a synonym entry for these words.",
            )
        ]

    def __str__(self):
        return f"{self.words} ↔ {self.also_finds}"

    @property
    def others(self):
        return split_list(self.also_finds)

    def clean(self):
        super().clean()
        self.words = " ".join(self.words.split()).lower()
        if not words_of(self.words):
            raise ValidationError({"words": "Write a word or a short phrase."})
        others = [" ".join(o.split()).lower() for o in split_list(self.also_finds)]
        others = [o for o in dict.fromkeys(others) if words_of(o) != words_of(self.words)]
        if not others or not all(words_of(o) for o in others):
            raise ValidationError(
                {"also_finds": "Write at least one other word or phrase, separated by commas."}
            )
        self.also_finds = ", ".join(others)


class MissedQuery(models.Model):
    """How often a query found nothing, per day. Nothing about who asked is kept."""

    text = models.CharField(max_length=200)
    day = models.DateField()
    count = models.PositiveIntegerField(default=1)

    class Meta:
        app_label = "asean_portal"  # the table keeps its name
        ordering = ["-day", "-count", "text"]
        verbose_name = "query that found nothing"
        verbose_name_plural = "queries that found nothing"
        constraints = [
            models.UniqueConstraint(fields=["text", "day"], name="missedquery_one_per_day")
        ]
        indexes = [models.Index(fields=["-day", "-count"], name="missedquery_day_count_idx")]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return f"{reverse('search')}?{urlencode({'q': self.text})}"
