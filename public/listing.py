"""Paging and filtering that answer bad input with a message instead of an error."""

import hashlib
from typing import NamedTuple
from urllib.parse import urlencode

import django_filters
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import ProhibitNullCharactersValidator
from django.forms.models import ModelChoiceIterator
from django.http import HttpResponseRedirect
from django.utils.functional import cached_property
from django_filters.views import FilterView

from caching import content_token
from public import opendata
from public.instances import with_only

MAX_PAGE_DIGITS = 9


class RememberingPaginator(Paginator):
    """A paginator for long lists: the count is worked out once per content token (and
    kept in the cache under ``count_key``), and a page past the middle is read from the end
    with the order reversed, so the last page costs what the first does instead of making
    the database step over every row before it. The queryset's order must be total (end
    it with the primary key) for the two directions to agree."""

    def __init__(self, object_list, per_page, count_key):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self):
        return content_token.remember(self.count_key, self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if bottom <= self.count // 2 or not getattr(self.object_list, "ordered", False):
            return super().page(number)
        from_end = self.object_list.reverse()[self.count - top : self.count - bottom]
        return self._get_page(list(from_end)[::-1], number, self)


def first(queryset, n):
    """``(the first n rows, whether there are more)``: a detail page shows a few of a
    division's or topic's rows and links to the full, paged list, whatever the data."""
    rows = list(queryset[: n + 1])
    return rows[:n], len(rows) > n


class Shown(NamedTuple):
    """A few of a list's rows and how many the whole list has: "6 of 8 initiatives"."""

    rows: list
    total: int

    @property
    def more(self):
        return self.total > len(self.rows)


def first_of(queryset, n, key):
    """The first ``n`` rows of ``queryset`` and its size. Fewer than ``n`` rows are the whole
    list; otherwise its size is counted once per content token and remembered under
    ``key``, which must name the list (and whatever else decides its rows, such as today's
    date for "upcoming").

    Not a window count riding along with the rows: that makes the database read and sort
    every matching row to return six (a division with 7,000 initiatives: 363 ms for its
    page's list at 100,000 initiatives on PostgreSQL, against ~1 ms for the first six in
    index order)."""
    return shown(list(queryset[:n]), n, key, queryset.count)


def shown(rows, n, key, count):
    """``first_of`` for rows already read (by a prepared query, say): ``count()`` gives the
    whole list's size when ``rows`` are all ``n``."""
    if len(rows) < n:
        return Shown(rows, len(rows))
    return Shown(rows, content_token.remember(f"shown:{key}", count))


def tidy_query(request):
    """The query string without its empty parameters (``?q=&topic=&status=ongoing`` is
    ``status=ongoing``), or None when it is tidy already. A filter form submits every field;
    the address people cite and share should name only what was chosen."""
    pairs = list(request.GET.lists())
    kept = [(k, v) for k, values in pairs for v in values if v.strip()]
    if len(kept) == sum(len(values) for _, values in pairs):
        return None
    return urlencode(kept)


def count_key(request):
    """The list's identity for its cached count: path and filters, not the page number, and
    whether staff are asking (in case a list ever shows them more)."""
    filters = sorted((k, v) for k, v in request.GET.lists() if k != "page")
    user = getattr(request, "user", None)
    staff = bool(user and user.is_staff)
    digest = hashlib.md5(repr((request.path, filters, staff)).encode(), usedforsecurity=False)
    return f"count:{digest.hexdigest()}"


def paginate(request, queryset, per_page):
    """Return ``(page, message)``. A malformed or out-of-range ``?page=`` gives the nearest
    real page and a message saying so, never an exception."""
    paginator = RememberingPaginator(queryset, per_page, count_key(request))
    raw = request.GET.get("page", "1").strip()
    message = ""
    if not raw.isdigit() or len(raw) > MAX_PAGE_DIGITS or int(raw) < 1:
        number = 1
        if raw not in ("", "1"):
            message = f"“{raw[:20]}” is not a page number; showing the first page."
    else:
        number = int(raw)
        if number > paginator.num_pages:
            message = f"There is no page {number}; showing the last page, {paginator.num_pages}."
            number = paginator.num_pages
    return paginator.page(number), message


def describe_fields(form):
    """Point each field that has help text at it (``<p id="…-help">`` in
    ``includes/filter_form.html``), for screen readers."""
    for name, field in form.fields.items():
        if field.help_text:
            field.widget.attrs["aria-describedby"] = f"{form[name].auto_id}-help"
    return form


def filter_errors(filterset):
    """The filter form's errors as plain sentences, for the message above a list. Each field
    in error is marked invalid and pointed at its message (and its help), for screen readers."""
    if not filterset.is_bound or filterset.is_valid():
        return []
    form = describe_fields(filterset.form)
    for name in form.errors:
        if name in form.fields:
            attrs = form.fields[name].widget.attrs
            described = [f"{form[name].auto_id}-error", attrs.get("aria-describedby", "")]
            attrs.update({"aria-invalid": "true", "aria-describedby": " ".join(described).strip()})
    return [str(error) for errors in filterset.errors.values() for error in errors]


class RememberedChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for slug, (_, name) in self.field.options().items():
            yield (slug, name)

    def __len__(self):
        return len(self.field.options()) + (self.field.empty_label is not None)


class RememberedModelChoiceField(django_filters.fields.ModelChoiceField):
    """A slug-valued model choice whose options (slug → pk and name) are read once per
    content token and kept in the cache: no query to draw the form or check a value
    (django-filter's own field reads the choices on every request: at least one query per
    choice filter, four on the initiatives list and two on the FAQs, that
    tests/asean_portal/test_query_counts.py shows are gone once warm).
    The options are remembered under the model and the label, so filters sharing both must
    offer the same choices. The cleaned value is an unsaved instance carrying pk, slug and
    name, enough to filter by."""

    iterator = RememberedChoiceIterator

    def options(self):
        model = self.queryset.model
        key = f"choices:{model._meta.label}:{self.label}".replace(" ", "-")
        return content_token.remember(
            key,
            lambda: {
                o.slug: (o.pk, o.name) for o in model.objects.published().only("pk", "slug", "name")
            },
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        ProhibitNullCharactersValidator()(value)
        found = self.options().get(str(value))
        if found is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        pk, name = found
        return with_only(self.queryset.model, pk=pk, slug=value, name=name)


class RememberedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """Offers ``model``'s published rows. The form is handed an empty queryset, only to
    know the model: "published" is worked out when the options are read, once per content
    token, not for every request (building ``published()``'s query took ~0.1 ms a filter,
    0.4 ms of the initiatives list's four, on every request)."""

    field_class = RememberedModelChoiceField

    def __init__(self, *args, model, **kwargs):
        # A callable, which django-filter calls when it draws the field: the filterset
        # copies its filters on every request, and a queryset costs ~10 µs to copy.
        super().__init__(*args, queryset=lambda request: model._default_manager.none(), **kwargs)


class PublicFilterSet(django_filters.FilterSet):
    """A public list's filters: each field's help text is tied to its field.

    The list's rows may be given as a callable (``queryset=view.get_queryset``): they are
    then built the first time they are asked for, and never when the view reads its page
    some other way (by prepared queries: building ``published()`` and the rest took
    ~0.2 ms a request)."""

    def __init__(self, data=None, queryset=None, **kwargs):
        self._rows = queryset if callable(queryset) else None
        super().__init__(data, None if self._rows else queryset, **kwargs)

    @property
    def queryset(self):
        if self._rows is not None:
            self._queryset, self._rows = self._rows(), None
        return self._queryset

    @queryset.setter
    def queryset(self, rows):
        self._queryset = rows

    # True on a filterset that builds a list's prepared statement (public.prepared_lists):
    # its values are stand-ins, so its filters must not read their rows to choose a query.
    building_statement = False

    def preparable(self):
        """Whether the list, with these values, is read by the prepared statement its
        filters build (``building_statement``); a filter that picks its query by its
        value's rows says no for the values it reads another way."""
        return True

    @property
    def form(self):
        if not hasattr(self, "_form"):
            describe_fields(super().form)
        return self._form

    def active_count(self):
        """How many filters are set, for the folded form's "Filter (2 active)"."""
        if not self.is_bound:
            return 0
        return sum(1 for name in self.filters if self.data.get(name, "").strip())


def slug_choice_filter(thing, model, **kwargs):
    """A filter that takes the slug of one of ``model``'s published rows
    (``?division=economic-community-department``) and says "There is no division “x”." for
    one that does not exist."""
    return RememberedModelChoiceFilter(
        label=thing.capitalize(),
        model=model,
        to_field_name="slug",
        empty_label=f"Any {thing}",
        error_messages={"invalid_choice": f"There is no {thing} “%(value)s”."},
        **kwargs,
    )


class FilteredListView(FilterView):
    """django-filter's ``FilterView`` with what every public list adds: a bad filter value
    is shown on the form with a 400 status (the list is then empty rather than silently
    unfiltered), ``?format=csv|json`` downloads the whole filtered list (``dataset``), and
    a page number that is not one gives the nearest page and a message, never a 404; a
    query string with empty parameters (as the filter form submits) is redirected to the
    same list without them."""

    dataset = None  # the list's open data (public.opendata.Dataset)
    page_message = ""

    def get_filterset_kwargs(self, filterset_class):
        # The rows as a callable: built only when asked for (``PublicFilterSet``).
        return {
            "data": self.request.GET or None,
            "request": self.request,
            "queryset": self.get_queryset,
        }

    def get(self, request, *args, **kwargs):
        tidy = tidy_query(request)
        if tidy is not None:  # the browser keeps the form's #results on the new address
            return HttpResponseRedirect(f"{request.path}?{tidy}" if tidy else request.path)
        self.filterset = self.get_filterset(self.get_filterset_class())
        errors = filter_errors(self.filterset)
        fmt, format_error = opendata.requested_format(request)
        if fmt:  # open data: the whole filtered list, not one page
            if errors:
                return opendata.error_response(fmt, errors)
            return opendata.export_response(request, self.dataset, self.filterset.qs, fmt)
        if format_error:
            errors.append(format_error)
        self.object_list = self.filterset.queryset.none() if errors else self.ordered_list()
        context = self.get_context_data(
            filter=self.filterset,
            object_list=self.object_list,
            errors=errors,
            notes=self.notes(),
            is_filtered=bool(self.filterset.is_bound and self.filterset.form.has_changed()),
        )
        return self.render_to_response(context, status=400 if errors else 200)

    def ordered_list(self):
        """The filtered rows in the order shown: the queryset's, unless a view says else."""
        return self.filterset.qs

    def notes(self):
        """Sentences on how the filters were read (words left out, say), for the page."""
        return []

    def paginate_queryset(self, queryset, page_size):
        page, self.page_message = paginate(self.request, queryset, page_size)
        return page.paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_message"] = self.page_message
        return context
