"""The admin's history pages: every revision of an item, a field-by-field comparison of any
two, a one-click revert, and the deleted items of a model with a restore button.

Works for any model recorded by ``publishing.history.PortalHistory``. Seeing history needs
the view permission; reverting needs change; restoring a deleted item needs add. What a
revert may do to the publication state follows ``publishing.workflow``.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from publishing.comments import notes_of
from publishing.drafts import changed_since_live
from publishing.history import history_of
from publishing.revisions import (
    RevertError,
    changed_labels,
    compare,
    last_version_before_deletion,
    when,
    who,
)
from publishing.revisions import revert as write_back

HISTORY_PER_PAGE = 50
DELETED_PER_PAGE = 50


def notes_for_history(obj):
    """The item's comments, notes and discarded drafts (with the fields each draft
    changed), newest first."""
    notes = list(notes_of(type(obj), obj.pk)[:100])
    for note in notes:
        if note.data:
            note.changed = changed_since_live(obj, note.data)
    return notes


class HistoryAdminMixin:
    """Adds the history, compare, revert, deleted and restore pages to a ModelAdmin."""

    object_history_template = "admin/portal/object_history.html"

    def _url_name(self, view):
        return f"{self.opts.app_label}_{self.opts.model_name}_{view}"

    def admin_url(self, view, *args):
        return reverse(f"{self.admin_site.name}:{self._url_name(view)}", args=args)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                wrap(self.compare_view),
                name=self._url_name("compare"),
            ),
            path(
                "<path:object_id>/history/<int:history_id>/revert/",
                wrap(require_POST(self.revert_view)),
                name=self._url_name("revert"),
            ),
            path("deleted/", wrap(self.deleted_view), name=self._url_name("deleted")),
            path(
                "deleted/<int:history_id>/restore/",
                wrap(require_POST(self.restore_view)),
                name=self._url_name("restore"),
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "deleted_url": self.admin_url("deleted"),
            "may_restore": self.has_add_permission(request),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    # --- helpers ----------------------------------------------------------------------

    def _object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} with that id.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _context(self, request, title, obj=None, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "object": obj,
            "original": obj,
            "app_label": self.opts.app_label,
            **extra,
        }

    def revision_saved(self, request, obj):
        """Hook: ``obj`` was just saved or reverted through the admin."""

    # --- the pages --------------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        obj = self._object_or_404(request, object_id)
        revisions = history_of(self.model, obj.pk)
        page = Paginator(revisions, HISTORY_PER_PAGE).get_page(request.GET.get("p"))
        rows = list(page.object_list)
        # What each revision changed: compared with the one before it (one more query for
        # the oldest on the page).
        older = rows[1:] + [rows[-1].prev_record] if rows else []
        entries = []
        for record, previous in zip(rows, older, strict=True):
            entries.append(
                {
                    "record": record,
                    "who": who(record),
                    "when": when(record),
                    "changed": changed_labels(previous, record) if previous else [],
                }
            )
        context = self._context(
            request,
            f"History: {obj}",
            obj,
            entries=entries,
            page_obj=page,
            compare_url=self.admin_url("compare", obj.pk),
            may_revert=self.has_change_permission(request, obj),
            revert_url_name=f"{self.admin_site.name}:{self._url_name('revert')}",
            notes=notes_for_history(obj),
            **(extra_context or {}),
        )
        return TemplateResponse(request, self.object_history_template, context)

    def compare_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        revisions = history_of(self.model, obj.pk)
        ids = [request.GET.get("from", ""), request.GET.get("to", "")]
        if not all(value.isdigit() for value in ids):
            messages.error(request, "Choose two versions to compare.")
            return HttpResponseRedirect(self.admin_url("history", obj.pk))
        chosen = {r.history_id: r for r in revisions.filter(history_id__in=[int(i) for i in ids])}
        if len(chosen) != len(set(ids)):
            raise Http404("No such version of this item.")
        older, newer = sorted(
            (chosen[int(ids[0])], chosen[int(ids[1])]), key=lambda r: r.history_date
        )
        context = self._context(
            request,
            f"Compare versions: {obj}",
            obj,
            older=older,
            newer=newer,
            older_label=f"{when(older)} by {who(older)}",
            newer_label=f"{when(newer)} by {who(newer)}",
            rows=compare(older, newer, changed_only=request.GET.get("all") != "1"),
            show_all=request.GET.get("all") == "1",
            history_url=self.admin_url("history", obj.pk),
            may_revert=self.has_change_permission(request, obj),
            revert_url=self.admin_url("revert", obj.pk, older.history_id),
        )
        return TemplateResponse(request, "admin/portal/compare.html", context)

    def confirm_revert(self, request, obj, record):
        """Unless the POST confirms it, the page asking to (with what would change and an
        optional reason); None once confirmed."""
        if request.POST.get("confirm") == "1":
            return None
        current = history_of(self.model, obj.pk).first()
        context = self._context(
            request,
            f"Revert “{obj}”?",
            obj,
            crumb="Revert",
            question=f"Put “{obj}” back to the version of {when(record)} by {who(record)}? "
            "The revert is saved as a new version; nothing is lost from the history.",
            rows=compare(current, record) if current is not None else [],
            rows_caption="What the revert changes",
            before_label="Now",
            after_label=f"The version of {when(record)}",
            action_url=request.get_full_path(),
            reason_help="Kept in the item's history with the revert.",
            confirm_label="Yes, revert",
            cancel_url=self.admin_url("history", obj.pk),
        )
        return TemplateResponse(request, "admin/portal/confirm.html", context)

    def revert_reason(self, request, record):
        reason = request.POST.get("reason", "").strip()[:1000]
        said = f"Reverted to the version of {when(record)}"
        return f"{said}: {reason}" if reason else said

    def revert_view(self, request, object_id, history_id):
        obj = self._object_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        record = get_object_or_404(self.model.history, id=obj.pk, history_id=history_id)
        asking = self.confirm_revert(request, obj, record)
        if asking is not None:
            return asking
        try:
            write_back(
                self.model,
                record,
                request.user,
                current=obj,
                reason=self.revert_reason(request, record),
            )
        except RevertError as error:
            messages.error(request, f"Nothing was changed: {error}")
        else:
            self.log_change(request, obj, f"Reverted to the version of {when(record)}.")
            self.revision_saved(request, obj)
            messages.success(
                request, f"“{obj}” is back to the version of {when(record)} by {who(record)}."
            )
        return HttpResponseRedirect(self.admin_url("change", obj.pk))

    def deleted_items(self):
        """The newest deletion record of each item that is gone, newest first."""
        gone = (
            self.model.history.filter(history_type="-")
            .exclude(id__in=self.model._default_manager.values("pk"))
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        return gone

    def deleted_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        page = Paginator(self.deleted_items(), DELETED_PER_PAGE).get_page(request.GET.get("p"))
        seen, entries = set(), []
        for record in page.object_list:
            if record.id in seen:
                continue  # deleted, restored and deleted again: the latest is enough
            seen.add(record.id)
            entries.append({"record": record, "who": who(record), "when": when(record)})
        context = self._context(
            request,
            f"Deleted {self.opts.verbose_name_plural}",
            entries=entries,
            page_obj=page,
            may_restore=self.has_add_permission(request),
            restore_url_name=f"{self.admin_site.name}:{self._url_name('restore')}",
        )
        return TemplateResponse(request, "admin/portal/deleted.html", context)

    def restore_view(self, request, history_id):
        if not self.has_add_permission(request):
            raise PermissionDenied
        deletion = get_object_or_404(self.model.history, history_id=history_id, history_type="-")
        if self.model._default_manager.filter(pk=deletion.id).exists():
            messages.info(request, "That item is not deleted any more.")
            return HttpResponseRedirect(self.admin_url("change", deletion.id))
        record = last_version_before_deletion(self.model, deletion.id)
        try:
            obj = write_back(self.model, record, request.user)
        except RevertError as error:
            messages.error(request, f"Nothing was restored: {error}")
            return HttpResponseRedirect(self.admin_url("deleted"))
        self.log_addition(request, obj, f"Restored the version of {when(record)}.")
        self.revision_saved(request, obj)
        messages.success(request, f"“{obj}” is restored, as it was on {when(record)}.")
        return HttpResponseRedirect(self.admin_url("change", obj.pk))
