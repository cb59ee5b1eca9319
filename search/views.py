"""``/search/``: one ranked search over everything published, with facets."""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.views.generic import TemplateView

from caching import content_token
from public.listing import paginate
from publishing.registry import registry
from search import engine
from search.backends.base import ARCHIVED
from search.documents import model_of_kind
from search.forms import SearchParams, facet_title, facet_types
from search.models import DocumentKind, GlossaryEntry, Synonym
from search.tokenizer import words_of
from search.typos import similarity

PER_PAGE = engine.PER_PAGE


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
        search = engine.run(
            params.q, params.filters(), exact=params.exact, everywhere=params.everywhere
        )
        q = search.typed or search.query.text
        links = Links(params.as_dict(q))
        context = self.get_context_data(
            search=search,
            q=q,
            narrowed=narrowed(search, links),
            errors=params.errors,
            notes=params.notes + search.query.notes,
            active_filters=bool(search.filters),
            search_params=links.query_dict,
            clear_filters_url=links.with_(
                type="", status="", year="", current="", **dict.fromkeys(params.facets, "")
            ),
            suggestion_url=links.with_(q=search.suggestion) if search.suggestion else "",
            # The words as typed, not corrected ("search instead for …").
            exact_url=links.with_(exact="1") if search.suggestion else "",
        )
        if search.is_empty:
            context.update(hits=[], facets=browse_facets(links))
        else:
            page, context["page_message"] = paginate(request, search.results, PER_PAGE)
            hits = list(page.object_list)
            objects = labels(search.results.facet_counts, hits)
            divisions, topics = objects.get("division", {}), objects.get("topic", {})
            for hit in hits:
                hit.divisions = [divisions[i] for i in hit.division_ids if i in divisions]
                hit.topics = [topics[i] for i in hit.topic_ids if i in topics]
            context.update(
                page_obj=page,
                hits=hits,
                facets=facet_groups(search, params, links, objects),
            )
            if not hits and search.query:
                context["help"] = no_results_help(search, links)
        response = self.render_to_response(context, status=400 if params.errors else 200)
        if search.query.text and not context["hits"]:
            # A miss is counted when it is searched, so its page is not kept in the page cache.
            patch_cache_control(response, private=True)
        return response


@dataclass
class Narrowed:
    """What the words named and the search narrowed to, and the link to search without."""

    labels: list
    everywhere_label: str
    everywhere_url: str


def narrowed(search, links):
    if not search.named:
        return None
    kinds = list(dict.fromkeys(value.kind for value in search.named))
    # "Member States", as the portal writes them (the model's plural is lower case).
    plurals = " and ".join(str(facet_types()[k]._meta.verbose_name_plural).title() for k in kinds)
    return Narrowed(
        labels=[value.label for value in search.named],
        everywhere_label=f"search all {plurals} instead",
        everywhere_url=links.with_(everywhere="1", page=""),
    )


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
    """``{facet kind: {id: object}}``: the published divisions, topics, Member States…
    named by the facet counts and the hits (``facet_values``: no query while the content is
    unchanged)."""
    kinds = facet_types()
    ids = {kind: set() for kind in kinds}
    for key in facet_counts:
        name, _, value = key.partition(":")
        if name in ids:
            ids[name].add(int(value))
    for hit in hits:
        for kind in kinds:
            ids[kind].update(hit.ids_of(kind))
    values = facet_values()
    return {
        kind: {pk: o for pk, o in values.get(kind, {}).items() if pk in ids[kind]} for kind in kinds
    }


def facet_values():
    """``{facet kind: {id: object}}`` of every published value (its name and slug) of each
    facet type, in the model's order: a few small tables, read once per content token (which
    changes with them, and when a scheduled publish time passes) and registry generation."""
    return content_token.remember(f"search-facet-values:{registry.generation}", facet_value_rows)


def facet_value_rows():
    return {
        kind: {o.pk: o for o in model.objects.published().only("name", "slug")}
        for kind, model in facet_types().items()
    }


MAX_YEARS = 12


def status_label(value):
    return capfirst(value.replace("-", " "))


def facet_groups(search, params, links, objects):
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
    named = {value.kind: value for value in search.named}
    for name, found in objects.items():
        chosen = params.facets.get(name)
        active = chosen.name if chosen else (named[name].label if name in named else "")
        group = FacetGroup(name, facet_title(name), active=active)
        ranked = sorted(
            ((counts.get(f"{name}:{pk}", 0), obj) for pk, obj in found.items()),
            key=lambda pair: (-pair[0], pair[1].name),
        )
        group.values = [
            FacetValue(obj.name, links.with_(**{name: obj.slug}), n) for n, obj in ranked if n
        ]
        groups.append(group)
    groups += described_groups(counts, params, links)
    for group in groups:
        if group.active:
            group.remove_url = links.with_(**{group.name: ""})
        if group.name in named and not params.facets.get(group.name):
            group.remove_url = links.with_(everywhere="1")
    return groups


def described_groups(counts, params, links):
    """Status and year, from the counts alone (their values are the keys)."""
    statuses, years = [], []
    for key, n in counts.items():
        name, _, value = key.partition(":")
        if name == "status" and key != ARCHIVED and n:
            statuses.append((-n, status_label(value), value))
        elif name == "year" and value.isdigit() and n:
            years.append((value, n))
    status = FacetGroup(
        "status", "Status", active=status_label(params.status) if params.status else ""
    )
    status.values = [
        FacetValue(label, links.with_(status=value), -n) for n, label, value in sorted(statuses)
    ]
    year = FacetGroup("year", "Year", active=params.year)
    year.values = [
        FacetValue(value, links.with_(year=value), n)
        for value, n in sorted(years, reverse=True)[:MAX_YEARS]
    ]
    return [status, year]


def browse_facets(links):
    """Nothing asked yet: every type, division, topic… as a starting point."""
    groups = [
        FacetGroup(
            "type",
            "Type",
            [FacetValue(kind_plural(k), links.with_(type=k)) for k in DocumentKind.values],
        )
    ]
    for kind, model in facet_types().items():
        groups.append(
            FacetGroup(
                kind,
                facet_title(kind),
                [
                    FacetValue(o.name, links.with_(**{kind: o.slug}))
                    for o in model.objects.published().only("name", "slug")
                ],
            )
        )
    return groups


class GlossaryView(TemplateView):
    """``/glossary/``: the acronyms and the synonyms that search understands."""

    template_name = "search/glossary.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            acronyms=GlossaryEntry.objects.order_by("acronym"),
            synonyms=Synonym.objects.order_by("words"),
            **kwargs,
        )
