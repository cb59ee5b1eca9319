"""Questions people ask about the Secretariat, with answers staff keep current."""

from django.db import models

from divisions.models import Division
from initiatives.models import Topic
from people.models import Role
from public.links import view_url
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory


class FAQ(ContentModel):
    markdown_fields = {"answer": "answer_html"}
    owning_division_field = "division"

    question = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    answer = models.TextField(help_text="Markdown.")
    answer_html = models.TextField(editable=False, blank=True)
    division = models.ForeignKey(
        Division,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faqs",
        verbose_name="owning division",
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="faqs")
    roles = models.ManyToManyField(
        Role,
        blank=True,
        related_name="faqs",
        verbose_name="posts this answer is about",
        help_text="The answer then names who holds each post today, with the source.",
    )
    documents = models.ManyToManyField(
        "documents.Document",
        blank=True,
        related_name="faqs",
        help_text="The official documents the answer rests on (published ones are listed).",
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = PortalHistory(
        excluded_fields=["answer_html"], m2m_fields=["topics", "roles", "documents"]
    )

    class Meta:
        ordering = ["order", "question"]
        permissions = [publish_permission_meta("faq", "FAQs")]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"
        indexes = [models.Index(fields=["state", "order"], name="faq_state_order_idx")]
        constraints = ContentModel.publication_constraints("faq")

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return f"{view_url('faqs:list')}#{self.slug}"
