"""What every content admin shares: authorship, roles, publication fieldsets and badges,
bulk actions, history (compare, revert, restore) and the no-lost-edits check."""

import datetime
import re

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import model_ngettext
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection, router, transaction
from django.db.models import QuerySet, URLField
from django.db.models.signals import m2m_changed
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from publishing import changes, drafts, presence, signals
from publishing.admin.comments import CommentsAdminMixin
from publishing.admin.drafts import DraftAdminMixin
from publishing.admin.history import HistoryAdminMixin
from publishing.admin.presence import PresenceAdminMixin
from publishing.admin.review import ReviewAdminMixin
from publishing.concurrency import ConcurrencyFormMixin
from publishing.content import State, default_review_by
from publishing.history import begin_revision, end_revision, one_revision
from publishing.models import Draft
from publishing.registry import registry
from publishing.revisions import RevertError
from publishing.workflow import (
    EDITOR_STATES,
    SCHEDULE_FIELDS,
    allowed_states,
    check_schedule_change,
    check_state_change,
    may_publish,
    second_person_refusal,
)

PUBLICATION_FIELDS = ("state", "publish_at", "unpublish_at")
HISTORY_FIELDS = ("created_at", "created_by", "updated_at", "updated_by")

MARKDOWN_HELP = (
    "Markdown: **bold**, *italic*, [a link](https://example.org), “- ” starts a list item, "
    "“## ” a heading. Raw HTML is removed."
)
REVIEW_SOON_DAYS = 30
CHANGE_FIELDS = ("change_kind", "change_note")


class PublicChangeFormMixin(forms.Form):
    """Major or minor: is a change to a live item told to readers, with a note, in its
    page history and on /updates/ (``publishing.changes``)?"""

    change_kind = forms.ChoiceField(
        label="Type of change",
        choices=[
            (changes.MAJOR, "Major change (readers are told, with a note)"),
            (changes.MINOR, "Minor change (typo, formatting: not announced)"),
        ],
        widget=forms.RadioSelect,
        required=False,
        initial=changes.MINOR,
    )
    change_note = forms.CharField(
        label="Public change note",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
        help_text="For a major change: what changed, in a sentence readers understand. It is "
        "shown on the page's history and on the site's updates page when the change is live.",
    )
    draft_note = ""  # the pending draft's note, set per request by ContentAdmin.get_form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.draft_note and not self.is_bound:
            self.initial.update(change_kind=changes.MAJOR, change_note=self.draft_note)

    def clean(self):
        data = super().clean()
        if data.get("change_kind") == changes.MAJOR and not data.get("change_note", "").strip():
            self.add_error(
                "change_note", "A major change needs a note for readers: say what changed."
            )
        return data

    @property
    def public_change_note(self):
        """The note readers are told of ("" for a minor change)."""
        if self.cleaned_data.get("change_kind") != changes.MAJOR:
            return ""
        return self.cleaned_data.get("change_note", "").strip()


class ContentAdminForm(PublicChangeFormMixin, ConcurrencyFormMixin, forms.ModelForm):
    """The change form of a content item: offers only the states the signed-in user may
    choose, and refuses a save based on a copy someone else has changed since."""

    user = None  # set per request by ContentAdmin.get_form
    # The form of a live item's draft: its draft and the live version (ContentAdmin.get_form)
    draft_pending = None
    draft_live_version = None

    def opened_record(self, base):
        """A draft's form was opened at the live version plus the draft's saves then: that
        save of the draft (``DraftRevision``), or the live revision if it had none."""
        if self.draft_live_version is None or self.draft_pending is None:
            return super().opened_record(base)
        saves = base - self.draft_live_version
        if saves <= 0:
            return super().opened_record(self.draft_live_version)
        kept = drafts.draft_revision(self.draft_pending, saves)
        if kept is None:
            return None
        record = drafts.DraftRecord(type(self.instance), self.instance.pk, kept.data)
        record.version = base
        return record

    def describe_others(self, opened):
        if self.draft_pending is None:
            return super().describe_others(opened)
        return {
            "who": drafts.author_name(self.draft_pending),
            "when": drafts.when_saved(self.draft_pending),
            "rows": [],
        }

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(normalise_newlines(data), *args, **kwargs)
        state = self.fields.get("state")
        if state is not None:
            current = self.instance.state if self.instance.pk else None
            allowed = allowed_states(self.user, self._meta.model, current)
            state.choices = [(v, label) for v, label in State.choices if v in allowed]
            state.error_messages["invalid_choice"] = (
                "You may not choose “%(value)s”: only a Publisher publishes, unpublishes and "
                "archives. Keep it as a draft or send it for review."
            )
        review_by = self.fields.get("review_by")
        if review_by is not None:
            review_by.required = False
            review_by.help_text += " Leave empty for a year from today."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("state", self.instance.state) == State.PUBLISHED:
            formsets = getattr(self.instance, "_posted_formsets", ())
            for message in publish_refusals(self.instance, formsets):
                self.add_error("state" if "state" in self.fields else None, message)
            refusal = self.second_person_refusal()
            if refusal:
                self.add_error("state" if "state" in self.fields else None, refusal)
        if self.instance.pk and self.user is not None:
            locked = presence.lock_refusal(self.instance, self.user)
            if locked:
                self.add_error(None, locked)
        return cleaned

    def second_person_refusal(self):
        """Publishing what one wrote oneself (with ``PUBLISH_REQUIRES_SECOND_PERSON``): a
        new item, one last saved by this user, or content changed in this very save."""
        stored = self.stored or {}
        if self.instance.pk and stored.get("state") == State.PUBLISHED:
            return None  # already published: not a publication
        edited = set(self.changed_data) - {*PUBLICATION_FIELDS, "review_by", "base_version"}
        wrote = not self.instance.pk or edited or stored.get("updated_by_id") == self.user.pk
        return second_person_refusal(self.user, self.user.pk if wrote else None)

    def clean_review_by(self):
        return self.cleaned_data.get("review_by") or default_review_by()

    def _get_validation_exclusions(self):
        # A unique field the form leaves as stored cannot clash: the database holds it
        # unique already (Django asks again, a query per field).
        exclude = super()._get_validation_exclusions()
        if self.instance.pk:
            exclude |= {
                f.name
                for f in self.instance._meta.fields
                if f.unique and not f.primary_key and f.name not in self.changed_data
            }
        return exclude

    def _save_m2m(self):
        """Write only the many-to-many fields that changed, as the links added and removed
        since the form was drawn (Django's ``set()`` reads every field's links again and
        runs even for unchanged ones)."""
        fields, exclude = self._meta.fields, self._meta.exclude
        for field in self.instance._meta.many_to_many:
            name = field.name
            if name not in self.cleaned_data or name not in self.changed_data:
                continue
            if (fields and name not in fields) or (exclude and name in exclude):
                continue
            before = {obj.pk for obj in self.initial.get(name) or ()}
            after = {obj.pk for obj in self.cleaned_data[name]}
            if before - after:
                getattr(self.instance, name).remove(*(before - after))
            if after - before:
                add_links(self.instance, field, after - before)


def normalise_newlines(data):
    """Browsers send a textarea's line breaks as CRLF: kept as they came, every save looked
    like a change to every multi-line field (in the history and the conflict box)."""
    if data is None:
        return None
    if hasattr(data, "lists"):  # a QueryDict: a key may have several values
        fixed = data.copy()
        for key, values in data.lists():
            fixed.setlist(key, [_lf(value) for value in values])
        return fixed
    return {key: _lf(value) for key, value in data.items()}


def _lf(value):
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def publish_refusals(obj, formsets=None):
    """Why ``obj`` may not be published (its type's ``publish_checks``); empty if it may."""
    registration = registry.get(type(obj))
    return registration.publish_refusals(obj, formsets) if registration else []


def add_links(instance, field, pks):
    """``instance.<field>.add(*pks)`` for ids the form saw unlinked: one INSERT. Django's
    ``add()`` first reads which of them are missing, since receivers listen to
    ``m2m_changed``; here a link made meanwhile by someone else is simply kept."""
    through = field.remote_field.through
    source = through._meta.get_field(field.m2m_field_name()).attname
    target = through._meta.get_field(field.m2m_reverse_field_name()).attname
    db = router.db_for_write(through, instance=instance)
    signal = {
        "sender": through,
        "instance": instance,
        "reverse": False,
        "model": field.related_model,
        "pk_set": set(pks),
        "using": db,
    }
    with transaction.atomic(using=db, savepoint=False):
        m2m_changed.send(action="pre_add", **signal)
        through._default_manager.using(db).bulk_create(
            [through(**{source: instance.pk, target: pk}) for pk in sorted(pks)],
            ignore_conflicts=True,
        )
        m2m_changed.send(action="post_add", **signal)
    getattr(instance, "_prefetched_objects_cache", {}).pop(field.name, None)


class KnownRow(forms.ModelChoiceField):
    """An inline row's hidden id, found among the rows the formset has already read
    (Django's field asks the database once per row)."""

    def __init__(self, formset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.formset = formset

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            row = self.formset._existing_object(self.queryset.model._meta.pk.to_python(value))
        except ValidationError:
            row = None
        if row is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return row


class KnownRowsFormSet:
    """Mixed into the content admin's inline formsets (see ``KnownRow``)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        name = self.model._meta.pk.name
        field = form.fields.get(name)
        if type(field) is forms.ModelChoiceField:
            form.fields[name] = KnownRow(
                self,
                field.queryset,
                initial=field.initial,
                required=False,
                widget=field.widget,
            )


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Past its review date"),
            ("soon", f"Due within {REVIEW_SOON_DAYS} days"),
            ("later", "Not due yet"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
        if self.value() == "overdue":
            return queryset.filter(review_by__lt=today)
        if self.value() == "soon":
            return queryset.filter(review_by__gte=today, review_by__lte=soon)
        if self.value() == "later":
            return queryset.filter(review_by__gt=soon)
        return queryset


class RetagForm(forms.Form):
    add_topics = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label="Add topics"
    )
    remove_topics = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label="Remove topics"
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["add_topics"].queryset = topics
        self.fields["remove_topics"].queryset = topics

    def clean(self):
        data = super().clean()
        add, remove = set(data.get("add_topics") or []), set(data.get("remove_topics") or [])
        if not add and not remove:
            raise forms.ValidationError("Choose at least one topic to add or remove.")
        if add & remove:
            names = ", ".join(sorted(str(t) for t in add & remove))
            raise forms.ValidationError(f"A topic cannot be both added and removed: {names}.")
        return data


class EstimatedCountPaginator(Paginator):
    """On PostgreSQL, an unfiltered list of a big table takes its size from the planner's
    statistics instead of counting every row on every page; filtered lists, small tables
    and SQLite count exactly."""

    exact_below = 20_000

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if connection.vendor == "postgresql" and query is not None and not query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [self.object_list.model._meta.db_table],
                )
                row = cursor.fetchone()
            if row and row[0] >= self.exact_below:
                return row[0]
        return super().count

    def page(self, number):
        """A deep page picks its rows' ids in a subquery, so the list's per-row annotations
        (milestone counts, draft badges) are computed for the rows shown, not for every row
        the offset skips: page 1,000 of 100,000 rows took seconds."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        if bottom and isinstance(rows, QuerySet):
            window = rows.filter(pk__in=rows.values("pk")[bottom:top])
        else:
            window = rows[bottom:top]
        return self._get_page(window, number, self)


class ContentAdmin(
    CommentsAdminMixin,
    ReviewAdminMixin,
    PresenceAdminMixin,
    DraftAdminMixin,
    HistoryAdminMixin,
    admin.ModelAdmin,
):
    """Base admin for ``ContentModel`` subclasses.

    Subclasses declare ``fieldsets`` for their own content only; the "Publication" and
    "History" fieldsets are added after them. Saving through the admin records who did it,
    as one revision in the item's history. Someone who may not publish who changes a live
    item makes a draft of it instead (``DraftAdminMixin``).
    """

    form = ContentAdminForm
    change_form_template = "admin/portal/change_form.html"
    change_list_template = "admin/portal/change_list.html"
    list_filter = ["state"]
    readonly_fields = HISTORY_FIELDS
    actions = ["submit_for_review", "publish", "unpublish", "archive", "retag"]
    list_per_page = 50

    class Media:
        css = {"all": ["admin_portal/portal_admin.css"]}

    # --- permissions ------------------------------------------------------------------

    def has_publish_permission(self, request, obj=None):
        return may_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not may_publish(request.user, self.model):
            readonly += SCHEDULE_FIELDS
            if obj is not None and obj.state not in EDITOR_STATES:
                readonly.append("state")
        return readonly

    # --- the form ---------------------------------------------------------------------

    def _create_formsets(self, request, obj, change):
        formsets, inlines = super()._create_formsets(request, obj, change)
        obj._posted_formsets = formsets  # the form is validated next, and asks them
        return formsets, inlines

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield type(formset.__name__, (KnownRowsFormSet, formset), {}), inline

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        draft = getattr(request, "_draft", None) or {}
        pending = draft.get("pending")
        note = pending.change_note if pending is not None else ""
        attrs = {
            "user": request.user,
            "draft_note": note,
            "draft_pending": pending,
            "draft_live_version": draft.get("live_version"),
        }
        return type(form.__name__, (form,), attrs)

    def get_fieldsets(self, request, obj=None):
        if self.fieldsets:
            content = list(self.fieldsets)
        else:
            managed = PUBLICATION_FIELDS + HISTORY_FIELDS + ("review_by",)
            fields = [f for f in self.get_fields(request, obj) if f not in managed]
            content = [(None, {"fields": fields})]
        return [
            *content,
            *self.public_change_fieldsets(obj),
            (
                "Publication",
                {
                    "fields": [PUBLICATION_FIELDS, "review_by", ("base_version", "seen_version")],
                    "description": self.publication_help(request),
                },
            ),
            (
                "History",
                {
                    "classes": ["collapse"],
                    "fields": [("created_by", "created_at"), ("updated_by", "updated_at")],
                },
            ),
        ]

    def public_change_fieldsets(self, obj):
        if obj is None or obj.state not in changes.LIVE_STATES:
            return []  # not live yet: its first publication is what readers are told of
        description = (
            "Readers see a major change's note in the page's history and on the updates page "
            "once it is live; a minor change is not announced."
        )
        return [("Public change", {"fields": list(CHANGE_FIELDS), "description": description})]

    def publication_help(self, request):
        if may_publish(request.user, self.model):
            return (
                "Published items are public from “publish at” (at once if empty) until "
                "“unpublish at” (for ever if empty); archived items keep their page, marked "
                "archived, but leave every list and search."
            )
        return (
            "You can keep this as a draft or send it for review; a Publisher publishes it, "
            "schedules it or archives it."
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, URLField):
            # An address typed without its scheme is https (Django 6's default, said now).
            kwargs.setdefault("assume_scheme", "https")
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name in self.model.markdown_fields:
            formfield.help_text = MARKDOWN_HELP
        if isinstance(formfield, forms.SplitDateTimeField):
            # Instead of Django's "You are N hours behind server time" (portal_admin.js).
            formfield.help_text = " ".join(filter(None, [formfield.help_text, zone_help()]))
            # The field's <label> points at neither input (a MultiWidget has no one id).
            name = capfirst(db_field.verbose_name)
            date, time = formfield.widget.widgets
            date.attrs["aria-label"], time.attrs["aria-label"] = f"{name}: date", f"{name}: time"
        return formfield

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["original_badge"] = publication_badge(obj)
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if obj is not None and obj.pk and hasattr(response, "context_data"):
            draft = response.context_data.get("draft") or {}
            response.context_data.update(self.notes_context(request, obj, draft.get("pending")))
            response.context_data["presence"] = self.presence_context(request, obj)
            response.context_data["review"] = self.review_context(request, obj)
        return response

    def save_model(self, request, obj, form, change):
        # The form only offers what the user may choose; this refuses anything else that
        # reaches here (a hand-made POST, a form class changed by mistake).
        before = getattr(form, "stored", None) if change else None  # read, locked, by the form
        if change and before is None:
            before = self.model._default_manager.filter(pk=obj.pk)
            before = before.values(*PUBLICATION_FIELDS, "updated_by_id").first()
        before = before or {}
        request._stored_before = before
        check_state_change(request.user, self.model, before.get("state"), obj.state)
        check_schedule_change(request.user, self.model, before, obj)
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        begin_revision(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        end_revision(form.instance, request.user)
        self.revision_saved(request, form.instance)
        merged = getattr(form, "merged", None)
        if merged and merged["kept"]:
            messages.info(
                request,
                f"{merged['who']} saved this {self.opts.verbose_name} while you were editing "
                f"it: their changes to {', '.join(merged['kept'])} are kept with yours.",
            )
        if change and getattr(request, "_draft", None) is None:  # a draft keeps its note
            changes.record_major_change(form.instance, form.public_change_note, request.user)
        if getattr(request, "_draft", None) is None:
            before = getattr(request, "_stored_before", {})
            announce_state_change(
                form.instance, request.user, before.get("state"), before.get("updated_by_id")
            )

    # --- what a save says ---------------------------------------------------------------

    def response_add(self, request, obj, post_url_continue=None):
        request._saved = obj
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        request._saved = obj
        return super().response_change(request, obj)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        saved = getattr(request, "_saved", None)
        if saved is not None and level == messages.SUCCESS and SAVED.search(str(message)):
            said = SAVED.sub(outcome(saved), str(message))
            message = mark_safe(said) if isinstance(message, SafeString) else said  # noqa: S308
        super().message_user(request, message, level, *args, **kwargs)

    # --- the list ---------------------------------------------------------------------

    def get_list_display(self, request):
        """The state comes second, after the item's name: last, it was off-screen at
        1280–1400 px on the wide lists (tests/browser/test_admin_layout.py)."""
        names = list(super().get_list_display(request))
        if "state" in names:
            names.remove("state")
            names.insert(1, "publication_badge")
        return names

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return filters if ReviewFilter in filters else [*filters, ReviewFilter]

    @admin.display(description="state", ordering="state")
    def publication_badge(self, obj):
        return publication_badge(obj)

    # --- bulk actions -----------------------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_topics:
            actions.pop("retag", None)
        return actions

    @cached_property
    def has_topics(self):
        return any(f.name == "topics" for f in self.model._meta.many_to_many)

    def set_state(self, request, queryset, state, done):
        """Move each selected row that is not already in ``state`` there, through
        ``save()`` (so it is recorded in its history and every listener hears of it).
        A row a publish check refuses stays as it is, and the message says why."""
        changed = []
        for obj in queryset.exclude(state=state).iterator(chunk_size=500):
            check_state_change(request.user, self.model, obj.state, state)
            refusals = publish_refusals(obj) if state == State.PUBLISHED else []
            if state == State.PUBLISHED and obj.state != State.ARCHIVED:
                refusals += filter(None, [second_person_refusal(request.user, obj.updated_by_id)])
            if refusals:
                for message in refusals:
                    self.message_user(request, message, messages.ERROR)
                continue
            before, author_id = obj.state, obj.updated_by_id
            obj.state = state
            obj.updated_by = request.user
            with one_revision(obj, request.user, f"{done.capitalize()} (bulk action)"):
                obj.save(update_fields=["state", "updated_by", "updated_at"])
            announce_state_change(obj, request.user, before, author_id)
            changed.append(obj)
        if changed:
            LogEntry.objects.log_actions(
                request.user.pk,
                changed,
                CHANGE,
                change_message=[{"changed": {"fields": ["publication state"]}}],
            )
        count = len(changed)
        self.message_user(
            request, f"{count} {model_ngettext(self.opts, count)} {done}.", messages.SUCCESS
        )

    @admin.action(
        description="Send selected %(verbose_name_plural)s for review", permissions=["change"]
    )
    def submit_for_review(self, request, queryset):
        self.set_state(request, queryset.filter(state=State.DRAFT), State.REVIEW, "sent for review")
        waiting = Draft.objects.filter(
            content_type__app_label=self.opts.app_label,
            content_type__model=self.opts.model_name,
            object_id__in=queryset.values("pk"),
            submitted_at__isnull=True,
        )
        sent = list(waiting.values_list("object_id", flat=True))
        submitted = drafts.submit(waiting)
        for obj in self.model._default_manager.filter(pk__in=sent):
            signals.announce(signals.SENT_FOR_REVIEW, obj, request.user, request.user, draft=True)
        if submitted:
            self.message_user(
                request,
                f"The drafts of {submitted} live "
                f"{model_ngettext(self.opts, submitted)} are sent for review.",
                messages.SUCCESS,
            )

    @admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["publish"])
    def publish(self, request, queryset):
        self.set_state(request, queryset, State.PUBLISHED, "published")

    @admin.action(
        description="Unpublish selected %(verbose_name_plural)s (back to draft)",
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        self.set_state(request, queryset.filter(state=State.PUBLISHED), State.DRAFT, "unpublished")

    @admin.action(description="Archive selected %(verbose_name_plural)s", permissions=["publish"])
    def archive(self, request, queryset):
        self.set_state(request, queryset, State.ARCHIVED, "archived")

    @admin.action(
        description="Add or remove topics of selected %(verbose_name_plural)s",
        permissions=["change"],
    )
    def retag(self, request, queryset):
        topics = self.model._meta.get_field("topics").related_model  # the shared taxonomy
        form = RetagForm(
            request.POST if "apply" in request.POST else None, topics=topics.objects.all()
        )
        if form.is_valid():
            add, remove = form.cleaned_data["add_topics"], form.cleaned_data["remove_topics"]
            count = as_drafts = 0
            for obj in queryset.prefetch_related("topics").iterator(chunk_size=500):
                before = set(obj.topics.all())
                if before == (before | set(add)) - set(remove):
                    continue
                if drafts.must_save_as_draft(request.user, self.model, obj.state):
                    # A live item: the new topics wait for a Publisher in its draft.
                    try:
                        drafts.save_as_draft(
                            obj, request.user, lambda o: retag_one(o, add, remove, request)
                        )
                    except (RevertError, ValidationError) as error:
                        self.message_user(
                            request, f"“{obj}” was left as it is: {error}", messages.WARNING
                        )
                    else:
                        as_drafts += 1
                    continue
                retag_one(obj, add, remove, request)
                count += 1
            message = f"Topics changed on {count} {model_ngettext(self.opts, count)}."
            if as_drafts:
                message += (
                    f" On {as_drafts} live {model_ngettext(self.opts, as_drafts)} the change is "
                    "saved as a draft for a Publisher; their live pages are unchanged."
                )
            self.message_user(request, message, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"Add or remove topics of {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "form": form,
            "selected": queryset.values_list("pk", flat=True)[:10_000],
            "count": queryset.count(),
            "media": self.media,
        }
        return TemplateResponse(request, "admin/portal/retag.html", context)


def announce_state_change(obj, user, before, author_id):
    """Tell the workflow's listeners that ``obj`` went for review or was published."""
    if obj.state == before:
        return
    if obj.state == State.REVIEW:
        signals.announce(signals.SENT_FOR_REVIEW, obj, user, user)
    elif obj.state == State.PUBLISHED and author_id is not None:
        author = obj.updated_by if obj.updated_by_id == author_id else None
        if author is None:
            author = get_user_model()._default_manager.filter(pk=author_id).first()
        signals.announce(signals.PUBLISHED, obj, user, author)


def retag_one(obj, add, remove, request):
    obj.updated_by = request.user
    with one_revision(obj, request.user, "Topics changed (bulk action)"):
        obj.topics.add(*add)
        obj.topics.remove(*remove)
        obj.save(update_fields=["updated_by", "updated_at"])


def publication_badge(obj):
    """The item's state as a coloured label, saying when a published one is not live."""
    state, label = obj.state, obj.get_state_display()
    if obj.is_scheduled:
        state, label = "scheduled", f"Scheduled {portal_time(obj.publish_at)}"
    elif obj.is_expired:
        state, label = "expired", "Expired"
    badge = format_html('<span class="state-badge state-{}">{}</span>', state, label)
    if getattr(obj, "has_draft", False):
        badge += format_html(' <span class="state-badge state-changes">{}</span>', "Draft")
    return badge


def zone_name():
    return settings.TIME_ZONE.rsplit("/", 1)[-1].replace("_", " ")  # "Jakarta"


def zone_help():
    offset = timezone.localtime().strftime("%z")  # "+0700"
    hours = f"{offset[0]}{int(offset[1:3])}" + (f":{offset[3:]}" if offset[3:] != "00" else "")
    return f"Times are {zone_name()} time (UTC{hours}), wherever you are."


def portal_time(moment):
    """A moment in the portal's time zone, named: staff may be anywhere."""
    return f"{date_format(timezone.localtime(moment), 'j M Y, H:i')} {zone_name()} time"


def outcome(obj):
    """What a save did, in the words of the workflow (Django says "changed successfully")."""
    if obj.state == State.DRAFT:
        return "is saved as a draft"
    if obj.state == State.REVIEW:
        return "is saved and sent for review; a Publisher publishes it"
    if obj.state == State.ARCHIVED:
        return "is archived"
    if obj.is_scheduled:
        return f"is scheduled: it will be published on {portal_time(obj.publish_at)}"
    if obj.is_expired:
        return "is saved, but not public: its unpublish time has passed"
    return "is published"


SAVED = re.compile(r"was (added|changed) successfully")
