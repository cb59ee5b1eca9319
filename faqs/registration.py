"""FAQs as public content: one registration (see ``publishing.registry``)."""

from initiatives.registration import is_published, names, published_topics
from publishing.markdown import html_text
from publishing.registry import Entry, Search, registry

from .models import FAQ
from .opendata import FAQS


def with_names(faqs):
    return faqs.select_related("division").prefetch_related(published_topics())


def search_entry(faq):
    divisions = [faq.division] if is_published(faq.division) else []
    topics = list(faq.topics.all())
    return Entry(
        title=faq.question,
        body=html_text(faq.answer_html),
        keywords=f"{names(topics)} {names(divisions)}",
        facets=[*divisions, *topics],
    )


def register():
    registry.register(
        FAQ,
        search=Search(
            kind="faq",
            build=search_entry,
            prepare=with_names,
            shows_names_of=("division", "topics"),
        ),
        dataset=FAQS,
        listing="faqs:list",
    )
