"""The admin side of ``publishing.presence``: "Also open by … since …" on the change form,
and a Publisher's Lock / Unlock buttons (plain forms, outside the change form)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import path
from django.views.decorators.http import require_POST

from publishing import presence
from publishing.workflow import may_publish


class LockForm(forms.Form):
    note = forms.CharField(label="Why (optional)", max_length=300, required=False)


class PresenceAdminMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/lock/",
                wrap(require_POST(self.lock_view)),
                name=self._url_name("lock"),
            ),
            path(
                "<path:object_id>/unlock/",
                wrap(require_POST(self.unlock_view)),
                name=self._url_name("unlock"),
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """Presence is noted here, outside the sandbox a draft's form runs in (whose writes
        are rolled back); a save that went through closes it."""
        pk = self.model._meta.pk.to_python(object_id) if object_id else None
        if pk is not None and request.method == "GET":
            request._others_open = presence.opened(self.model, pk, request.user)
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if pk is not None and request.method == "POST" and response.status_code == 302:
            presence.closed(self.model, pk, request.user)
        return response

    def presence_context(self, request, obj):
        may_lock = may_publish(request.user, self.model)
        return {
            "others": getattr(request, "_others_open", []),
            "lock": presence.describe_lock(presence.lock_of(obj), request.user),
            "may_lock": may_lock,
            "lock_url": self.admin_url("lock", obj.pk) if may_lock else "",
            "unlock_url": self.admin_url("unlock", obj.pk) if may_lock else "",
        }

    def lock_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        if not may_publish(request.user, self.model):
            raise PermissionDenied
        form = LockForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        presence.lock(obj, request.user, note)
        self.log_change(request, obj, "Locked.")
        messages.success(request, f"“{obj}” is locked: only you can save it until you unlock it.")
        return HttpResponseRedirect(self.admin_url("change", obj.pk))

    def unlock_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        if not may_publish(request.user, self.model):
            raise PermissionDenied
        presence.unlock(obj)
        self.log_change(request, obj, "Unlocked.")
        messages.success(request, f"“{obj}” is unlocked.")
        return HttpResponseRedirect(self.admin_url("change", obj.pk))
