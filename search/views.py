"""``/search/``: one ranked search over everything published, with facets."""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.views.generic import TemplateView

from public.listing import paginate
from search import engine
from search.documents import model_of_kind
from search.forms import SearchParams
from search.models import DocumentKind, GlossaryEntry, Synonym
from search.tokenizer import words_of
from search.typos import similarity

PER_PAGE = 20


def kind_plural(kind):
    """The registered model's plural name: "Divisions", "FAQs"."""
    return capfirst(model_of_kind(kind)._meta.verbose_name_plural)


@dataclass
class FacetValue:
    label: str
    url: str
    count: int | None = None


@dataclass
class FacetGroup:
    name: str
    title: str
    values: list = field(default_factory=list)
    active: str = ""  # label of the chosen value
    remove_url: str = ""


class Links:
    """URLs for this search with one parameter changed (and back to page 1)."""

    def __init__(self, params):
        self.params = params
        self.path = reverse("search")
        self.query_dict = QueryDict(mutable=True)
        self.query_dict.update(params)

    def with_(self, **changes):
        params = {**self.params, **changes}
        params = {k: v for k, v in params.items() if v}
        return f"{self.path}?{urlencode(params)}" if params else self.path


class SearchView(TemplateView):
    template_name = "search/search.html"

    def get(self, request, *args, **kwargs):
        params = SearchParams(request.GET)
        search = engine.run(params.q, params.filters(), exact=params.exact)
        links = Links(params.as_dict(search.query.text))
        context = self.get_context_data(
            search=search,
            q=search.query.text,
            errors=params.errors,
            notes=params.notes + search.query.notes,
            active_filters=bool(search.filters),
            search_params=links.query_dict,
            clear_filters_url=links.with_(type="", division="", topic="", current=""),
            suggestion_url=links.with_(q=search.suggestion) if search.suggestion else "",
            # The words as typed, not corrected ("search instead for …").
            exact_url=links.with_(exact="1") if search.suggestion else "",
        )
        if search.is_empty:
            context.update(hits=[], facets=browse_facets(links))
        else:
            page, context["page_message"] = paginate(request, search.results, PER_PAGE)
            hits = list(page.object_list)
            divisions, topics = labels(search.results.facet_counts, hits)
            for hit in hits:
                hit.divisions = [divisions[i] for i in hit.division_ids if i in divisions]
                hit.topics = [topics[i] for i in hit.topic_ids if i in topics]
            context.update(
                page_obj=page,
                hits=hits,
                facets=facet_groups(search, params, links, divisions, topics),
            )
            if not hits and search.query:
                context["help"] = no_results_help(search, links)
        response = self.render_to_response(context, status=400 if params.errors else 200)
        if search.query.text and not context["hits"]:
            # A miss is counted when it is searched, so its page is not kept in the page cache.
            patch_cache_control(response, private=True)
        return response


@dataclass
class NoResultsHelp:
    corrections: list  # FacetValue: a search for the similar word
    topics: list  # FacetValue: related topics (or every topic)
    browse: list  # FacetValue: the lists and the glossary


def no_results_help(search, links):
    """Nothing found: similar words, the topics nearest the words, and where to browse."""
    corrections = [
        FacetValue(search.query.corrected_text({typo: word}), "")
        for typo, word in search.corrections.items()
    ]
    for value in corrections:
        value.url = links.with_(q=value.label, exact="")
    topics = list(model_of_kind("topic").objects.published().only("name", "slug"))
    typed = [w for c in search.query.clauses for t in c.alternatives for w in t.words]
    near = [t for t in topics if any(close(word, typed) for word in words_of(t.name))]
    browse = [
        FacetValue("All initiatives", reverse("initiatives:list")),
        FacetValue("Questions and answers", reverse("faqs:list")),
        FacetValue("Divisions of the Secretariat", reverse("divisions:list")),
        FacetValue("Acronyms and words search understands", reverse("glossary")),
    ]
    return NoResultsHelp(
        corrections=corrections,
        topics=[FacetValue(t.name, t.get_absolute_url()) for t in (near or topics)],
        browse=browse,
    )


def close(word, typed):
    return len(word) > 3 and any(similarity(word, other) >= 0.3 for other in typed)


def labels(facet_counts, hits):
    """The published divisions and topics named by the facet counts and the hits, by id."""
    ids = {"division": set(), "topic": set()}
    for key in facet_counts:
        name, _, value = key.partition(":")
        if name in ids:
            ids[name].add(int(value))
    for hit in hits:
        ids["division"].update(hit.division_ids)
        ids["topic"].update(hit.topic_ids)
    divisions, topics = (
        model_of_kind(kind).objects.published().filter(pk__in=ids[kind]).only("name", "slug")
        for kind in ("division", "topic")
    )
    return {d.pk: d for d in divisions}, {t.pk: t for t in topics}


def facet_groups(search, params, links, divisions, topics):
    counts = search.results.facet_counts
    kinds = FacetGroup("type", "Type")
    for kind in DocumentKind.values:
        if counts.get(f"type:{kind}"):
            kinds.values.append(
                FacetValue(kind_plural(kind), links.with_(type=kind), counts[f"type:{kind}"])
            )
    if params.kind:
        kinds.active = kind_plural(params.kind)
    groups = [kinds]
    for name, title, objects, chosen in (
        ("division", "Division", divisions, params.division),
        ("topic", "Topic", topics, params.topic),
    ):
        group = FacetGroup(name, title, active=chosen.name if chosen else "")
        ranked = sorted(
            ((counts.get(f"{name}:{pk}", 0), obj) for pk, obj in objects.items()),
            key=lambda pair: (-pair[0], pair[1].name),
        )
        group.values = [
            FacetValue(obj.name, links.with_(**{name: obj.slug}), n) for n, obj in ranked if n
        ]
        groups.append(group)
    for group in groups:
        if group.active:
            group.remove_url = links.with_(**{group.name: ""})
    return groups


def browse_facets(links):
    """Nothing asked yet: every type, division and topic as a starting point."""
    return [
        FacetGroup(
            "type",
            "Type",
            [FacetValue(kind_plural(k), links.with_(type=k)) for k in DocumentKind.values],
        ),
        FacetGroup(
            "division",
            "Division",
            [
                FacetValue(d.name, links.with_(division=d.slug))
                for d in model_of_kind("division").objects.published().only("name", "slug")
            ],
        ),
        FacetGroup(
            "topic",
            "Topic",
            [
                FacetValue(t.name, links.with_(topic=t.slug))
                for t in model_of_kind("topic").objects.published().only("name", "slug")
            ],
        ),
    ]


class GlossaryView(TemplateView):
    """``/glossary/``: the acronyms and the synonyms that search understands."""

    template_name = "search/glossary.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            acronyms=GlossaryEntry.objects.order_by("acronym"),
            synonyms=Synonym.objects.order_by("words"),
            **kwargs,
        )
