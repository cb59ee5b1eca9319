from django import forms
from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from publishing.admin.content import ContentAdmin, EstimatedCountPaginator
from publishing.admin.history import HistoryAdminMixin
from publishing.admin.imports import ContentImportExportMixin
from publishing.drafts import must_save_as_draft
from publishing.history import record_revision
from sources.admin import CitationInline

from .consistency import consistency_warnings
from .models import Indicator, IndicatorPeriod, Initiative, Milestone, Topic
from .resources import InitiativeResource


@admin.register(Topic)
class TopicAdmin(ContentAdmin):
    list_display = ["name", "slug", "state", "updated_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owning_division"]
    list_select_related = ["owning_division"]
    fieldsets = [(None, {"fields": ["name", "slug", "description", "owning_division"]})]
    inlines = [CitationInline]


class TopicListFilter(admin.SimpleListFilter):
    """Filter by topic with a subquery on the link table. Django's own filter for a
    many-to-many field adds SELECT DISTINCT over every column, which is slow at 100,000
    rows; this returns the same rows without duplicates. The parameter keeps Django's name.
    The value is a string from the query string, but an int when Django counts a choice for
    "Show counts" (it sets each lookup's id in turn): hence ``str()``."""

    title = "topic"
    parameter_name = "topics__id__exact"

    def lookups(self, request, model_admin):
        return list(Topic.objects.order_by("name").values_list("pk", "name"))

    def queryset(self, request, queryset):
        value = str(self.value() or "")
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        through = queryset.model.topics.through
        tagged = through.objects.filter(topic_id=int(value)).values(
            through._meta.get_field(queryset.model._meta.model_name).attname
        )
        return queryset.filter(pk__in=tagged)


class MilestoneInline(admin.TabularInline):
    model = Milestone
    fields = ["title", "planned", "reached", "source", "order"]
    autocomplete_fields = ["source"]
    extra = 1


class IndicatorInline(admin.StackedInline):
    """An indicator's baseline here; its periods (target and actual) on the indicator's own
    form, under "Indicators"."""

    model = Indicator
    fields = [
        "title",
        "unit",
        ("baseline_value", "baseline_date", "baseline_source"),
        "order",
    ]
    autocomplete_fields = ["baseline_source"]
    extra = 0
    show_change_link = True


def count_milestones(**filters):
    """The outer initiative's milestones, counted in a subquery: no GROUP BY over the list,
    and only the rows of the page shown are counted."""
    milestones = (
        Milestone.objects.filter(initiative=OuterRef("pk"), **filters)
        .order_by()
        .values("initiative")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(milestones), 0)


@admin.register(Initiative)
class InitiativeAdmin(ContentImportExportMixin, ContentAdmin):
    resource_classes = [InitiativeResource]
    list_display = [
        "title",
        "lead_division",
        "status",
        "pillar",
        "planned_start",
        "planned_end",
        "milestone_progress",
        "featured",
        "state",
    ]
    list_filter = ["state", "status", "pillar", "featured", "lead_division", TopicListFilter]
    list_select_related = ["lead_division"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_division", "supporting_divisions", "topics", "member_states"]
    show_full_result_count = False  # the table holds 100,000 rows
    paginator = EstimatedCountPaginator
    inlines = [MilestoneInline, IndicatorInline, CitationInline]
    draft_inlines = (MilestoneInline,)  # a draft keeps the milestones, not the others
    change_form_template = "initiatives/admin/change_form.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            "Who and what",
            {
                "fields": [
                    "lead_division",
                    "supporting_divisions",
                    "pillar",
                    "topics",
                    "member_states",
                ]
            },
        ),
        (
            "Progress",
            {
                "fields": [
                    "status",
                    ("planned_start", "planned_end"),
                    ("actual_start", "actual_end"),
                    "featured",
                ],
                "description": "Dates as precisely as a source gives them: “2019”, "
                "“2019-06” or “2019-06-23”.",
            },
        ),
    ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and request.method == "GET":
            context["consistency_warnings"] = consistency_warnings(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for warning in consistency_warnings(form.instance):
            self.message_user(request, warning, messages.WARNING)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                milestones_total=count_milestones(),
                milestones_done=count_milestones(reached__gt=""),
            )
        )

    @admin.display(description="milestones reached")
    def milestone_progress(self, obj):
        if not obj.milestones_total:
            return None  # shown as the empty value, "-"
        return f"{obj.milestones_done}/{obj.milestones_total}"


class DoneFilter(admin.SimpleListFilter):
    title = "reached"
    parameter_name = "done"

    def lookups(self, request, model_admin):
        return [("yes", "Reached"), ("no", "Not reached")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(reached="")
        if self.value() == "no":
            return queryset.filter(reached="")
        return queryset


class MilestoneForm(forms.ModelForm):
    user = None  # set per request by MilestoneAdmin.get_form

    def clean_initiative(self):
        initiative = self.cleaned_data["initiative"]
        if initiative is not None and must_save_as_draft(self.user, Initiative, initiative.state):
            raise forms.ValidationError(
                f"“{initiative}” is {initiative.get_state_display().lower()}: change its "
                "milestones in the initiative's own form, where your change waits for a "
                "Publisher."
            )
        return initiative


@admin.register(Milestone)
class MilestoneAdmin(HistoryAdminMixin, admin.ModelAdmin):
    """Milestones across initiatives: what falls due when, and what is late.

    Someone who may not publish cannot change the milestones of a live initiative here
    (that would change the public page at once): they do it in the initiative's form, where
    the change becomes a draft for a Publisher (``publishing.drafts``)."""

    form = MilestoneForm

    list_display = ["title", "initiative", "planned", "reached", "source"]
    list_filter = [DoneFilter]
    list_select_related = ["initiative", "source"]
    search_fields = ["title", "initiative__title"]
    autocomplete_fields = ["initiative", "source"]
    show_full_result_count = False
    list_per_page = 50

    def view_on_site(self, obj):
        return obj.initiative.get_absolute_url()

    def _live_for(self, request, obj):
        return obj is not None and must_save_as_draft(
            request.user, Initiative, obj.initiative.state
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._live_for(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._live_for(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    # A milestone changed here is also a new revision of its initiative, so the
    # initiative's history (and a revert of it) always holds its milestones.
    def revision_saved(self, request, obj, verb="changed"):
        for initiative in {obj.initiative, *getattr(obj, "_former_initiatives", [])}:
            record_revision(initiative, "~", request.user, f"Milestone “{obj}” {verb}")

    def save_model(self, request, obj, form, change):
        if change and "initiative" in form.changed_data:
            obj._former_initiatives = [Initiative.objects.get(pk=form.initial["initiative"])]
        super().save_model(request, obj, form, change)
        self.revision_saved(request, obj, "changed" if change else "added")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self.revision_saved(request, obj, "deleted")

    def delete_queryset(self, request, queryset):
        milestones = list(queryset.select_related("initiative"))
        super().delete_queryset(request, queryset)
        for milestone in milestones:
            self.revision_saved(request, milestone, "deleted")


class IndicatorPeriodInline(admin.TabularInline):
    model = IndicatorPeriod
    fields = ["period_start", "period_end", "target_value", "actual_value", "source"]
    autocomplete_fields = ["source"]
    extra = 1


class LiveInitiativeGuard:
    """An Editor may not change or delete, here, a part of a live initiative: that change
    would be public at once. They change the initiative, which becomes a draft."""

    def initiative_of(self, obj):
        return obj.initiative

    def _live_for(self, request, obj):
        return obj is not None and must_save_as_draft(
            request.user, Initiative, self.initiative_of(obj).state
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._live_for(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._live_for(request, obj)


@admin.register(Indicator)
class IndicatorAdmin(LiveInitiativeGuard, HistoryAdminMixin, admin.ModelAdmin):
    """An indicator and its periods: baseline, then per period a target and the actual value
    (as the IATI results standard has them), each with its source."""

    list_display = ["title", "initiative", "unit", "baseline_value", "baseline_date"]
    list_select_related = ["initiative"]
    search_fields = ["title", "initiative__title"]
    autocomplete_fields = ["initiative", "baseline_source"]
    inlines = [IndicatorPeriodInline]

    def view_on_site(self, obj):
        return obj.initiative.get_absolute_url()


@admin.register(IndicatorPeriod)
class IndicatorPeriodAdmin(LiveInitiativeGuard, HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["indicator", "period_start", "period_end", "target_value", "actual_value"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__title"]
    autocomplete_fields = ["indicator", "source"]

    def initiative_of(self, obj):
        return obj.indicator.initiative
