"""The admin side of comments (``publishing.comments``): an internal note on any item, and
"Request changes" (a Publisher, on an item or draft sent for review), each a small form on
the item's review page and change form; "Request changes" has its own page too, so it
works without JavaScript and asks for its comment."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from publishing import comments, drafts
from publishing.comments import MAX_LENGTH, NothingToSendBack
from publishing.content import State
from publishing.workflow import may_publish


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Internal note",
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Seen by staff only, on this item's review page and history.",
    )


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label="What needs to change",
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Sent to the author with the item; kept in its history.",
    )


def waiting_for_review(obj, pending):
    return (pending is not None and pending.submitted_at is not None) or (obj.state == State.REVIEW)


class CommentsAdminMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/notes/add/",
                wrap(require_POST(self.add_note_view)),
                name=self._url_name("add_note"),
            ),
            path(
                "<path:object_id>/request-changes/",
                wrap(self.request_changes_view),
                name=self._url_name("request_changes"),
            ),
            *super().get_urls(),
        ]

    def notes_context(self, request, obj, pending=None):
        """What the notes panel shows and offers for ``obj``."""
        if obj is None or obj.pk is None:
            return {}
        may_request = may_publish(request.user, self.model) and waiting_for_review(obj, pending)
        return {
            "notes": list(comments.notes_of(self.model, obj.pk)[:50]),
            "note_form": NoteForm() if self.has_change_permission(request, obj) else None,
            "note_url": self.admin_url("add_note", obj.pk),
            "request_changes_url": self.admin_url("request_changes", obj.pk) if may_request else "",
            "request_changes_form": RequestChangesForm() if may_request else None,
        }

    def _back(self, request, obj):
        wanted = request.POST.get("next") or request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
            return HttpResponseRedirect(wanted)
        return HttpResponseRedirect(self.admin_url("change", obj.pk))

    def add_note_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        form = NoteForm(request.POST)
        if form.is_valid():
            comments.add_note(obj, request.user, form.cleaned_data["text"])
            messages.success(request, "Your note is added.")
        else:
            messages.error(request, "Nothing was added: write the note first.")
        return self._back(request, obj)

    def request_changes_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        if not may_publish(request.user, self.model):
            raise PermissionDenied
        pending = drafts.draft_for(obj)
        form = RequestChangesForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                comments.request_changes(obj, request.user, form.cleaned_data["comment"])
            except NothingToSendBack as error:
                messages.error(request, f"Nothing was sent back: {error}")
            else:
                self.log_change(request, obj, "Requested changes.")
                messages.success(request, f"“{obj}” is sent back to its author with your comment.")
            return HttpResponseRedirect(self.admin_url("change", obj.pk))
        context = self._context(
            request,
            f"Request changes: {obj}",
            obj,
            form=form,
            waiting=waiting_for_review(obj, pending),
            on_draft=pending is not None and pending.submitted_at is not None,
        )
        return TemplateResponse(request, "admin/portal/request_changes.html", context)
