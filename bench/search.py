"""The search benchmark (``make bench-search``): the whole search — a results page of 20
with every facet count — for a fixed set of queries, against the naive ``icontains`` over
title and body doing the same job, on whichever database ``DATABASE_URL`` names."""

import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.http import QueryDict
from django.test import RequestFactory, override_settings

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative, Topic
from search.views import PER_PAGE, SearchView


@dataclass(frozen=True)
class BenchQuery:
    category: str
    query_string: str

    @property
    def label(self):
        return QueryDict(self.query_string).urlencode(safe=" \"'") or "(nothing)"


QUERIES = [
    BenchQuery("one word", "q=maritime"),
    BenchQuery("one word", "q=vaccines"),
    BenchQuery("one word", "q=mangroves"),
    BenchQuery("two words", "q=food+security"),
    BenchQuery("two words", "q=digital+payments"),
    BenchQuery("two words", "q=mekong+tourism"),
    BenchQuery("common word", "q=regional"),
    BenchQuery("common word", "q=synthetic"),
    BenchQuery("phrase", "q=%22technical+assistance%22"),
    BenchQuery("phrase", "q=%22early+warning%22"),
    BenchQuery("prefix", "q=semicond"),
    BenchQuery("stemming", "q=coordinating+harmonising"),
    BenchQuery("typo", "q=secretariet"),
    BenchQuery("typo", "q=conectivity"),
    BenchQuery("typo", "q=vacines+dengue"),
    BenchQuery("acronym", "q=AEC"),
    BenchQuery("acronym", "q=AADMER"),
    BenchQuery("facet only", "type=faq"),
    BenchQuery("facet only", "division=economic-community-department"),
    BenchQuery("facet only", "topic=health"),
    BenchQuery("facet + words", "q=ports&type=initiative"),
    BenchQuery("facet + words", "q=fisheries&division=economic-community-department"),
    BenchQuery("facet + words", "q=dengue&topic=health&type=initiative"),
    BenchQuery("facet + words", "q=%22food+security%22&topic=environment-and-climate"),
    # Questions and everyday words: filler dropped, synonyms, and (when every word together
    # finds few) the items matching most of the words.
    BenchQuery("question", "q=what+is+the+asean+secretariat+responsible+for"),
    BenchQuery("synonyms", "q=floods+and+typhoons"),
    BenchQuery("most words", "q=which+division+handles+disaster+relief+cooperation"),
    BenchQuery("most words", "q=maritime+fisheries+mangroves+vaccines"),
    # A Member State named among the words: the rest searched among the items involving it.
    BenchQuery("country", "q=vietnam+digital+payments"),
    BenchQuery("country", "q=lao+pdr+food+security"),
]

# The naive way: every word somewhere in the title or the body, as icontains.
NAIVE_FIELDS = {
    "division": (Division, "name", "mandate"),
    "topic": (Topic, "name", "description"),
    "initiative": (Initiative, "title", "body"),
    "faq": (FAQ, "question", "answer"),
}


def naive_search(query_string):
    """A results page of 20 and every facet count, the naive way: icontains per word
    (a quoted phrase as one string) over title and body, counted with plain ORM queries."""
    params = QueryDict(query_string)
    text = params.get("q", "")
    needles = [p.strip() for i, p in enumerate(text.split('"')) if i % 2 and p.strip()]
    needles += [w for i, p in enumerate(text.split('"')) if not i % 2 for w in p.split()]
    division = Division.objects.published().filter(slug=params.get("division", "")).first()
    topic = Topic.objects.published().filter(slug=params.get("topic", "")).first()
    counts, page = Counter(), []
    for kind, (model, title, body) in NAIVE_FIELDS.items():
        if params.get("type") not in (None, kind):
            continue
        rows = model.objects.published()
        for needle in needles:
            rows = rows.filter(
                Q(**{f"{title}__icontains": needle}) | Q(**{f"{body}__icontains": needle})
            )
        rows = narrow(kind, rows, division, topic)
        counts[f"type:{kind}"] = rows.count()
        counts.update(naive_facets(kind, rows))
        page += [(getattr(r, title), r.pk) for r in rows.order_by(title)[:PER_PAGE]]
    return sorted(page)[:PER_PAGE], counts


def narrow(kind, rows, division, topic):
    """The division and topic filters, as each kind of content links to them."""
    if division:
        if kind == "division":
            rows = rows.filter(pk=division.pk)
        elif kind == "initiative":
            rows = rows.filter(Q(lead_division=division) | Q(supporting_divisions=division))
            rows = rows.distinct()
        elif kind == "faq":
            rows = rows.filter(division=division)
        else:
            rows = rows.none()
    if topic:
        if kind == "topic":
            rows = rows.filter(pk=topic.pk)
        elif kind in ("initiative", "faq"):
            rows = rows.filter(topics=topic)
        else:
            rows = rows.none()
    return rows


def naive_facets(kind, rows):
    counts = Counter()
    if kind == "division":
        counts.update(f"division:{pk}" for pk in rows.values_list("pk", flat=True))
    if kind == "topic":
        counts.update(f"topic:{pk}" for pk in rows.values_list("pk", flat=True))
    if kind == "initiative":
        for field_name in ("lead_division", "supporting_divisions", "topics"):
            name = "topic" if field_name == "topics" else "division"
            for row in rows.values(field_name).annotate(n=Count("pk", distinct=True)):
                if row[field_name] is not None:
                    counts[f"{name}:{row[field_name]}"] += row["n"]
    if kind == "faq":
        for field_name, name in (("division", "division"), ("topics", "topic")):
            for row in rows.values(field_name).annotate(n=Count("pk", distinct=True)):
                if row[field_name] is not None:
                    counts[f"{name}:{row[field_name]}"] += row["n"]
    return counts


def whole_search(query_string, render=False):
    """What ``/search/`` does for one request, from the query string to the context (and,
    with ``render``, the HTML). Returns the number of matches."""
    request = RequestFactory().get("/search/?" + query_string)
    request.user = AnonymousUser()
    response = SearchView.as_view()(request)
    if render:
        response.render()
    page = response.context_data.get("page_obj")
    return page.paginator.count if page else 0


def timings(function, argument, repeats):
    function(argument)  # warm the database's caches, not ours
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        function(argument)
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


@dataclass
class Row:
    query: BenchQuery
    matches: int
    search: list = field(default_factory=list)
    cached: list = field(default_factory=list)
    page: list = field(default_factory=list)
    naive: list = field(default_factory=list)


def run(repeats=15, naive_repeats=5, progress=None):
    """Per query: the search with the cache off (what the engines do), with a warm cache,
    the whole HTML page (cache off), and the naive search."""
    rows = []
    for query in QUERIES:
        row = Row(query, whole_search(query.query_string))
        with override_settings(SEARCH_CACHE_SECONDS=0):
            row.search = timings(whole_search, query.query_string, repeats)
            row.page = timings(render_page, query.query_string, repeats)
        row.cached = timings(whole_search, query.query_string, repeats)
        row.naive = timings(naive_search, query.query_string, naive_repeats)
        rows.append(row)
        if progress:
            progress(row)
    return rows


def render_page(query_string):
    return whole_search(query_string, render=True)


SERIES = ("search", "cached", "page", "naive")


def summary(rows):
    pooled = {name: [s for row in rows for s in getattr(row, name)] for name in SERIES}
    return {
        name: {"p50": statistics.median(samples), "p95": percentile(samples, 0.95)}
        for name, samples in pooled.items()
    }


def table(rows, title):
    lines = [
        title,
        f"{'query':50} {'category':13} {'matches':>7} │ {'search p50':>10} {'p95':>6} │ "
        f"{'cached p50':>10} {'p95':>5} │ {'page p95':>8} │ {'naive p50':>9} {'p95':>6} │ "
        f"{'naive/search':>12}",
    ]
    for row in rows:
        search, naive = statistics.median(row.search), statistics.median(row.naive)
        lines.append(
            f"{row.query.label[:50]:50} {row.query.category:13} {row.matches:7d} │ "
            f"{search:10.1f} {percentile(row.search, 0.95):6.1f} │ "
            f"{statistics.median(row.cached):10.1f} {percentile(row.cached, 0.95):5.1f} │ "
            f"{percentile(row.page, 0.95):8.1f} │ "
            f"{naive:9.1f} {percentile(row.naive, 0.95):6.1f} │ {naive / search:11.1f}×"
        )
    overall = summary(rows)
    s, c, p, n = (overall[name] for name in SERIES)
    lines += [
        f"{'all queries':50} {'':13} {'':7} │ {s['p50']:10.1f} {s['p95']:6.1f} │ "
        f"{c['p50']:10.1f} {c['p95']:5.1f} │ {p['p95']:8.1f} │ {n['p50']:9.1f} {n['p95']:6.1f} │ "
        f"{n['p50'] / s['p50']:11.1f}×",
        f"search (cache off): p50 {s['p50']:.1f} ms, p95 {s['p95']:.1f} ms; "
        f"naive/search p50 {n['p50'] / s['p50']:.1f}×, p95 {n['p95'] / s['p95']:.1f}×",
        f"repeated search (cache warm): p50 {c['p50']:.1f} ms, p95 {c['p95']:.1f} ms; "
        f"naive/cached p95 {n['p95'] / c['p95']:.1f}×",
        "targets: p95 of the whole search under 50 ms on PostgreSQL, at least 20× the naive search",
    ]
    return "\n".join(lines)
