"""The admin side of drafts of live items (``publishing.drafts``).

- Someone who may not publish who saves the change form of a live item, reverts it from
  its history or retags it in bulk keeps the result as the item's draft; the live item
  does not change. Reopening the form shows the draft, under a banner.
- Everyone with the view permission sees the draft's page: a field-by-field comparison with
  the live item and a preview on the real public page. A Publisher publishes or discards
  it there; an Editor may send it for review or discard it.
- The list marks live items that have a draft, and filters them.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, resolve
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from publishing import comments, drafts, signals
from publishing.models import Draft, WorkflowNote
from publishing.revisions import RevertError, compare, when, who
from publishing.revisions import revert as write_back
from publishing.workflow import may_publish, second_person_refusal

DRAFT_SAVED_MESSAGE = (
    "Your changes to “{obj}” are saved as a draft and wait for a Publisher; the live page "
    "is unchanged."
)
NO_DIFFERENCE_MESSAGE = "“{obj}” is as it is live: there is no draft waiting for a Publisher."


class PendingFilter(admin.SimpleListFilter):
    title = "draft of the live item"
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [
            ("yes", "Has a draft"),
            ("review", "Draft sent for review"),
            ("no", "No draft"),
        ]

    def queryset(self, request, queryset):
        with_drafts = drafts.ids_with_draft(queryset.model)
        if self.value() == "yes":
            return queryset.filter(pk__in=with_drafts)
        if self.value() == "review":
            return queryset.filter(pk__in=with_drafts.filter(submitted_at__isnull=False))
        if self.value() == "no":
            return queryset.exclude(pk__in=with_drafts)
        return queryset


def read_only(inline):
    """``inline`` shown but not editable: its rows are drawn, and nothing posted for it is
    read."""
    inline.has_add_permission = lambda request, obj=None: False
    inline.has_change_permission = lambda request, obj=None: False
    inline.has_delete_permission = lambda request, obj=None: False
    return inline


class DraftAdminMixin:
    """Adds drafts of live items to a content ``ModelAdmin`` (see the module's doc)."""

    # The inlines whose rows a draft keeps (the item's ``parts_snapshot``). Any other inline
    # is shown read-only when a save would be a draft: what was typed there would otherwise
    # be rolled back with the sandbox and silently lost. A Publisher changes those rows.
    draft_inlines = ()

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None or not drafts.must_save_as_draft(request.user, self.model, obj.state):
            return inlines
        return [i if type(i) in self.draft_inlines else read_only(i) for i in inlines]

    # --- urls -------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/draft/", wrap(self.draft_view), name=self._url_name("draft")),
            path(
                "<path:object_id>/draft/preview/",
                wrap(self.draft_preview_view),
                name=self._url_name("draft_preview"),
            ),
            path(
                "<path:object_id>/draft/<str:action>/",
                wrap(require_POST(self.draft_action_view)),
                name=self._url_name("draft_action"),
            ),
            *super().get_urls(),
        ]

    # --- the list ---------------------------------------------------------------------

    def get_queryset(self, request):
        drafts = Draft.objects.filter(
            content_type__app_label=self.opts.app_label,
            content_type__model=self.opts.model_name,
            object_id=OuterRef("pk"),
        )
        return super().get_queryset(request).annotate(has_draft=Exists(drafts))

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return filters if PendingFilter in filters else [*filters, PendingFilter]

    # --- the change form --------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The item is read once: here, to choose the way, and Django's view reuses it.
        live = self.get_object(request, unquote(object_id)) if object_id else None
        if live is None or not drafts.must_save_as_draft(request.user, self.model, live.state):
            request._change_object = live
            return super().changeform_view(request, object_id, form_url, extra_context)
        return self._draft_changeform_view(request, object_id, form_url, extra_context, live)

    def get_object(self, request, object_id, from_field=None):
        loaded = request.__dict__.pop("_change_object", None)
        if loaded is not None and from_field is None and str(loaded.pk) == str(object_id):
            return loaded
        return super().get_object(request, object_id, from_field)

    def _draft_changeform_view(self, request, object_id, form_url, extra_context, live):
        """The change form, drawn from and saved to the item's draft inside a sandbox."""
        obj = live
        pending = drafts.draft_for(obj)
        live_version = live.version
        # The live version is kept apart: the form is drawn from ``obj`` with its draft
        # applied, whose version counts the draft's saves too (and was always "stale").
        request._draft = {"pending": pending, "live_version": live_version, "data": None}
        with drafts.sandbox():
            if pending is not None:
                try:
                    drafts.apply_draft_in_sandbox(obj, pending, request.user)
                except (RevertError, ValidationError) as error:
                    messages.warning(
                        request,
                        f"The draft saved on {drafts.when_saved(pending)} "
                        f"cannot be shown in the form ({error}); the form shows the live "
                        "version, and saving it replaces that draft.",
                    )
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                self._explain_draft_conflict(response, pending)
                response.render()
        data = request._draft["data"]
        if data is None:  # shown, or not valid: nothing to keep
            return response
        base = pending.base_version if pending is not None else live_version
        sending = "_send_for_review" in request.POST
        note = request._draft.get("change_note")
        was_sent = pending is not None and pending.submitted_at is not None
        draft = drafts.save_draft(self.model, obj.pk, request.user, data, base, sending, note)
        obj = self.model._default_manager.get(pk=obj.pk)
        if draft is not None and draft.submitted_at and not was_sent:
            signals.announce(signals.SENT_FOR_REVIEW, obj, request.user, request.user, draft=True)
        if draft is None:
            self.message_user(request, NO_DIFFERENCE_MESSAGE.format(obj=obj), messages.INFO)
        else:
            sent = " It is sent for review." if draft.submitted_at else ""
            self.log_change(request, obj, "Saved a draft of changes for a Publisher.")
            self.message_user(request, DRAFT_SAVED_MESSAGE.format(obj=obj) + sent, messages.SUCCESS)
        return HttpResponseRedirect(self.admin_url("change", obj.pk))

    def _explain_draft_conflict(self, response, pending):
        """A refused save of a draft: the draft (or the live item) was saved by someone
        else after the form was opened. Name the draft's last author, not the sandbox."""
        form = getattr((response.context_data or {}).get("adminform"), "form", None)
        if form is None or form.conflict is None or pending is None:
            return
        form.conflict = {
            "who": f"{drafts.author_name(pending)} (who saved the draft last)",
            "when": drafts.when_saved(pending),
            "rows": [],
        }

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        draft = getattr(request, "_draft", None)
        if draft is not None:
            draft["data"] = drafts.take_snapshot(form.instance)
            draft["change_note"] = getattr(form, "public_change_note", None)

    def response_change(self, request, obj):
        if getattr(request, "_draft", None) is not None:
            return HttpResponseRedirect(self.admin_url("change", obj.pk))  # see above
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            draft = getattr(request, "_draft", None)
            pending = draft["pending"] if draft else drafts.draft_for(obj)
            context["draft"] = {
                "editing": draft is not None,
                "pending": pending,
                "author": drafts.author_name(pending) if pending else "",
                "saved": drafts.when_saved(pending) if pending else "",
                "stale": pending is not None
                and draft is not None
                and draft["live_version"] != pending.base_version,
                "url": self.admin_url("draft", obj.pk),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- other routes that change an item ---------------------------------------------

    def revert_view(self, request, object_id, history_id):
        obj = self._object_or_404(request, object_id)
        if not drafts.must_save_as_draft(request.user, self.model, obj.state):
            return super().revert_view(request, object_id, history_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        record = get_object_or_404(self.model.history, id=obj.pk, history_id=history_id)
        asking = self.confirm_revert(request, obj, record)
        if asking is not None:
            return asking
        reason = self.revert_reason(request, record)
        try:
            draft = drafts.save_as_draft(
                obj,
                request.user,
                lambda o: write_back(self.model, record, request.user, current=o, reason=reason),
            )
        except (RevertError, ValidationError) as error:
            messages.error(request, f"Nothing was changed: {error}")
        else:
            obj = self.model._default_manager.get(pk=obj.pk)
            if draft is None:
                self.message_user(request, NO_DIFFERENCE_MESSAGE.format(obj=obj), messages.INFO)
            else:
                self.log_change(request, obj, f"Draft: back to the version of {when(record)}.")
                messages.success(
                    request,
                    f"The version of {when(record)} by {who(record)} is saved as a draft of "
                    f"“{obj}” and waits for a Publisher; the live page is unchanged.",
                )
        return HttpResponseRedirect(self.admin_url("change", obj.pk))

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        drafts.drop_drafts(self.model, [pk])

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        drafts.drop_drafts(self.model, pks)

    # --- the draft's own pages --------------------------------------------------------

    def _draft_or_404(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        pending = drafts.draft_for(obj)
        if pending is None:
            raise Http404(f"This {self.opts.verbose_name} has no draft.")
        return obj, pending

    def draft_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        pending = drafts.draft_for(obj)
        if pending is None:
            messages.info(request, f"“{obj}” has no draft.")
            return HttpResponseRedirect(self.admin_url("change", obj.pk))
        live, draft = drafts.record_of(obj), drafts.record_of(obj, pending.data)
        stale = drafts.is_stale(pending, obj)
        context = self._context(
            request,
            f"Draft: {obj}",
            obj,
            pending=pending,
            author=drafts.author_name(pending),
            saved=drafts.when_saved(pending),
            rows=compare(live, draft),
            conflict=drafts.describe_conflict(obj, pending.base_version) if stale else None,
            live_version=obj.version,
            may_publish=may_publish(request.user, self.model),
            may_change=self.has_change_permission(request, obj),
            preview_url=self.admin_url("draft_preview", obj.pk),
            change_url=self.admin_url("change", obj.pk),
            action_url_name=f"{self.admin_site.name}:{self._url_name('draft_action')}",
            saves=drafts.draft_saves(obj, pending),
            **self.notes_context(request, obj, pending),
        )
        return TemplateResponse(request, "admin/portal/draft.html", context)

    def draft_preview_view(self, request, object_id):
        """The real public page, made from the draft inside a sandbox; never cached."""
        obj, pending = self._draft_or_404(request, object_id)
        with drafts.sandbox():
            try:
                drafts.apply_draft_in_sandbox(obj, pending, request.user)
            except (RevertError, ValidationError) as error:
                messages.error(request, f"The draft cannot be previewed: {error}")
                return HttpResponseRedirect(self.admin_url("draft", obj.pk))
            match = resolve(obj.get_absolute_url().split("#")[0])
            request.draft_preview = {"author": drafts.author_name(pending)}
            response = match.func(request, *match.args, **match.kwargs)
            if hasattr(response, "render"):
                response.render()
        add_never_cache_headers(response)
        return response

    def draft_action_view(self, request, object_id, action):
        obj, pending = self._draft_or_404(request, object_id)
        publisher = may_publish(request.user, self.model)
        if action == "publish" and publisher:
            return self._publish_draft(request, obj, pending)
        if action == "discard" and (publisher or self.has_change_permission(request, obj)):
            if request.POST.get("confirm") != "1":
                return self._confirm_discard(request, obj, pending)
            reason = request.POST.get("reason", "").strip()[:1000]
            # The draft stays in the item's history, with what it held and why it went.
            comments.add_note(
                obj,
                request.user,
                reason,
                WorkflowNote.DRAFT_DISCARDED,
                about=pending.author,
                on_draft=True,
                data=pending.data,
            )
            pending.delete()
            self.log_change(request, obj, "Discarded the draft.")
            signals.announce(
                signals.DISCARDED, obj, request.user, pending.author, reason, draft=True
            )
            messages.success(request, f"The draft of “{obj}” is discarded.")
            return HttpResponseRedirect(self.admin_url("change", obj.pk))
        if action == "send" and self.has_change_permission(request, obj):
            if drafts.submit(Draft.objects.filter(pk=pending.pk)):
                signals.announce(
                    signals.SENT_FOR_REVIEW, obj, request.user, request.user, draft=True
                )
            messages.success(request, f"The draft of “{obj}” is sent for review.")
            return HttpResponseRedirect(self.admin_url("draft", obj.pk))
        raise PermissionDenied

    def _confirm_discard(self, request, obj, pending):
        context = self._context(
            request,
            f"Discard the draft of “{obj}”?",
            obj,
            crumb="Discard the draft",
            question=f"Discard the changes {drafts.author_name(pending)} saved on "
            f"{drafts.when_saved(pending)}? The live page stays as it is; the draft is kept "
            "in the item's history (not in the form), and its author is told.",
            rows=compare(drafts.record_of(obj), drafts.record_of(obj, pending.data)),
            rows_caption="What the draft changes",
            before_label="Live now",
            after_label="Draft",
            action_url=request.get_full_path(),
            reason_help="Told to the draft's author and kept in the item's history.",
            confirm_label="Yes, discard the draft",
            cancel_url=self.admin_url("draft", obj.pk),
        )
        return TemplateResponse(request, "admin/portal/confirm.html", context)

    def _publish_draft(self, request, obj, pending):
        refusal = second_person_refusal(request.user, pending.author_id)
        if refusal:
            messages.error(request, f"Not published: {refusal}")
            return HttpResponseRedirect(self.admin_url("draft", obj.pk))
        confirmed = request.POST.get("confirm_version", "")
        try:
            live = drafts.publish(
                self.model,
                pending,
                request.user,
                int(confirmed) if confirmed.isdigit() else None,
            )
        except drafts.StaleDraft:
            messages.error(
                request,
                f"Not published: “{obj}” changed after this draft was started. See what "
                "changed below; publish again to put the draft over it (the live version "
                "stays in the history), or discard the draft.",
            )
            return HttpResponseRedirect(self.admin_url("draft", obj.pk))
        except (RevertError, ValidationError) as error:
            messages.error(request, f"Not published, nothing was changed: {error}")
            return HttpResponseRedirect(self.admin_url("draft", obj.pk))
        self.log_change(request, live, "Published the draft.")
        signals.announce(signals.PUBLISHED, live, request.user, pending.author, draft=True)
        self.revision_saved(request, live)
        messages.success(request, f"The changes to “{live}” are published.")
        return HttpResponseRedirect(self.admin_url("change", live.pk))
