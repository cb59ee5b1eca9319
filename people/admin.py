from django import forms
from django.contrib import admin

from publishing.admin.content import ContentAdmin
from publishing.admin.history import HistoryAdminMixin
from publishing.drafts import must_save_as_draft
from publishing.history import record_revision
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


class AppointmentForm(forms.ModelForm):
    user = None  # set per request by AppointmentAdmin.get_form

    def clean_person(self):
        person = self.cleaned_data["person"]
        if person is not None and must_save_as_draft(self.user, Person, person.state):
            raise forms.ValidationError(
                f"“{person}” is {person.get_state_display().lower()}: change their "
                "appointments in the person's own form, where your change waits for a Publisher."
            )
        return person


@admin.register(Appointment)
class AppointmentAdmin(HistoryAdminMixin, admin.ModelAdmin):
    """Every appointment across people: who holds which post from when.

    Someone who may not publish cannot change a live person's appointments here (the public
    pages would change at once): they do it in the person's form, as a draft. A change here
    is also a new revision of the person, so their history holds their appointments."""

    form = AppointmentForm
    list_display = ["person", "role", "started", "ended", "how_appointed", "source"]
    list_filter = ["role__kind", "how_appointed"]
    list_select_related = ["person", "role", "source"]
    search_fields = ["person__name", "role__title"]
    autocomplete_fields = ["person", "role", "source"]

    def view_on_site(self, obj):
        return obj.person.get_absolute_url()

    def _live_for(self, request, obj):
        return obj is not None and must_save_as_draft(request.user, Person, obj.person.state)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._live_for(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._live_for(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def revision_saved(self, request, obj, verb):
        for person in {obj.person, *getattr(obj, "_former_people", [])}:
            record_revision(person, "~", request.user, f"Appointment “{obj}” {verb}")

    def save_model(self, request, obj, form, change):
        if change and "person" in form.changed_data:
            obj._former_people = [Person.objects.get(pk=form.initial["person"])]
        super().save_model(request, obj, form, change)
        self.revision_saved(request, obj, "changed" if change else "added")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self.revision_saved(request, obj, "deleted")

    def delete_queryset(self, request, queryset):
        appointments = list(queryset.select_related("person", "role"))
        super().delete_queryset(request, queryset)
        for appointment in appointments:
            self.revision_saved(request, appointment, "deleted")
