from django import forms
from django.contrib import admin

from publishing.admin.content import ContentAdmin
from sources.admin import CitationInline

from .models import Appointment, Person, Role, overlap_message, surely_overlap


class AppointmentFormSet(forms.BaseInlineFormSet):
    """The rows are checked together: an end before its start (each row), and the same
    post held twice at once (across rows, with their new dates, not the stored ones)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.siblings_checked = True
        return form

    def clean(self):
        super().clean()
        rows = [
            form
            for form in self.forms
            if form.is_valid()
            and form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("role")
        ]
        for n, form in enumerate(rows):
            data = form.cleaned_data
            for other in rows[:n]:
                before = other.cleaned_data
                if before["role"] == data["role"] and surely_overlap(
                    (before.get("started"), before.get("ended")),
                    (data.get("started"), data.get("ended")),
                ):
                    form.add_error(None, overlap_message(other.instance))
                    break


class AppointmentInline(admin.TabularInline):
    model = Appointment
    formset = AppointmentFormSet
    fields = ["role", "started", "ended", "how_appointed", "term", "source", "order"]
    autocomplete_fields = ["role", "source"]
    extra = 1


@admin.register(Person)
class PersonAdmin(ContentAdmin):
    list_display = ["name", "honorific", "nationality", "state", "updated_at"]
    list_filter = ["state", "nationality"]
    list_select_related = ["nationality"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["nationality", "owning_division"]
    inlines = [AppointmentInline, CitationInline]
    draft_inlines = (AppointmentInline,)  # a draft keeps the appointments (parts_snapshot)
    fieldsets = [
        (None, {"fields": ["honorific", "name", "slug", "nationality", "biography"]}),
        (
            "Portrait",
            {
                "fields": ["portrait", "portrait_alt"],
                "description": "Optional; only a portrait the portal may publish, with its "
                "text alternative.",
            },
        ),
        (None, {"fields": ["owning_division"]}),
    ]


@admin.register(Role)
class RoleAdmin(ContentAdmin):
    list_display = ["title", "kind", "division", "order", "state"]
    list_filter = ["state", "kind"]
    list_select_related = ["division"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["division"]
    inlines = [CitationInline]
    fieldsets = [(None, {"fields": ["title", "slug", "kind", "division", "description", "order"]})]
