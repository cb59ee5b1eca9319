"""The admin side of ``publishing.review``: "Confirm it is still accurate" on the change
form (a plain form outside the item's own) and on a page of its own to choose the date."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format

from publishing.review import BadReviewDate, confirm_still_accurate, next_review_date

DUE_SOON_DAYS = 30


class ConfirmReviewForm(forms.Form):
    review_by = forms.DateField(
        label="Next review by",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="A date after today (YYYY-MM-DD). A year ahead unless you choose.",
        error_messages={"invalid": "Enter a date as YYYY-MM-DD, e.g. 2027-06-30."},
    )
    note = forms.CharField(label="Note (optional)", max_length=300, required=False)

    def clean_review_by(self):
        value = self.cleaned_data["review_by"]
        if value <= timezone.localdate():
            raise forms.ValidationError("Choose a date after today.")
        return value


def review_status(obj, today=None):
    """``{"review_by", "overdue", "soon", "days"}`` for the change form."""
    today = today or timezone.localdate()
    days = (obj.review_by - today).days
    return {
        "review_by": obj.review_by,
        "overdue": days < 0,
        "soon": 0 <= days <= DUE_SOON_DAYS,
        "days": abs(days),
    }


class ReviewAdminMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/confirm-review/",
                wrap(self.confirm_review_view),
                name=self._url_name("confirm_review"),
            ),
            *super().get_urls(),
        ]

    def review_context(self, request, obj):
        if not self.has_change_permission(request, obj):
            return {}
        return {
            **review_status(obj),
            "url": self.admin_url("confirm_review", obj.pk),
            "next": next_review_date(),
        }

    def confirm_review_view(self, request, object_id):
        obj = self._object_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        initial = {"review_by": next_review_date()}
        form = ConfirmReviewForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                confirm_still_accurate(
                    obj, request.user, form.cleaned_data["review_by"], form.cleaned_data["note"]
                )
            except BadReviewDate as error:
                form.add_error("review_by", str(error))
            else:
                self.log_change(request, obj, "Confirmed still accurate.")
                when = date_format(obj.review_by, "j M Y")
                messages.success(
                    request,
                    f"“{obj}” is confirmed as still accurate; its next review is by {when}. "
                    "Nothing was published and no draft was made.",
                )
                return HttpResponseRedirect(self.admin_url("change", obj.pk))
        context = self._context(
            request,
            f"Confirm “{obj}” is still accurate",
            obj,
            form=form,
            status=review_status(obj),
        )
        return TemplateResponse(request, "admin/portal/confirm_review.html", context)
