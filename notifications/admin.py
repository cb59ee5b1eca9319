"""A person's notifications in the admin (only their own), and their settings: which kinds
they are told of, and their division."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from notifications.models import Kind, Notification, Preferences, ReviewReminder
from publishing.registry import registry


def _staff(request):
    return request.user.is_active and request.user.is_staff


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["message", "kind", "created_at", "unread"]
    list_display_links = None
    list_filter = ["kind"]
    actions = ["mark_read"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).filter(recipient=request.user)

    @admin.display(description="notification")
    def message(self, obj):
        if obj.url:
            return format_html('<a href="{}">{}</a><br>{}', obj.url, obj.subject, obj.body)
        return format_html("{}<br>{}", obj.subject, obj.body)

    @admin.display(description="new", boolean=True)
    def unread(self, obj):
        return obj.read_at is None

    @admin.action(description="Mark the selected notifications as read")
    def mark_read(self, request, queryset):
        count = queryset.filter(read_at__isnull=True).update(read_at=timezone.now())
        self.message_user(request, f"{count} marked as read.", messages.SUCCESS)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": "Your notifications",
            "settings_url": reverse("admin:notifications_preferences_changelist"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def has_module_permission(self, request):
        return _staff(request)

    def has_view_permission(self, request, obj=None):
        return _staff(request) and (obj is None or obj.recipient_id == request.user.pk)

    def has_change_permission(self, request, obj=None):
        # The "mark as read" action; nothing else is editable (no change form is linked).
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def division_choices():
    owners = {t.owning_division_model() for t in registry.types() if t.review}
    if len(owners) != 1:
        return []
    model = owners.pop()
    return [
        (d.pk, str(d)) for d in model._default_manager.order_by(*model._meta.ordering or ["pk"])
    ]


class PreferencesForm(forms.ModelForm):
    told_of = forms.MultipleChoiceField(
        label="Tell me when",
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Untick a kind to stop both its e-mails and its entries in your list.",
    )
    division = forms.TypedChoiceField(
        label="My division",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="A Publisher with a division is told of what that division owns is sent "
        "for review (if no Publisher names the item's division, every Publisher is told).",
    )

    class Meta:
        model = Preferences
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].choices = [("", "— none —"), *division_choices()]
        self.initial["told_of"] = [k for k in Kind.values if k not in self.instance.switched_off]
        self.initial["division"] = self.instance.division_id

    def save(self, commit=True):
        told = set(self.cleaned_data["told_of"])
        self.instance.switched_off = [k for k in Kind.values if k not in told]
        self.instance.division_id = self.cleaned_data["division"]
        return super().save(commit)


@admin.register(Preferences)
class PreferencesAdmin(admin.ModelAdmin):
    """Each person edits their own settings only: the list opens them."""

    form = PreferencesForm
    fields = ["told_of", "division"]

    def changelist_view(self, request, extra_context=None):
        own, _ = Preferences.objects.get_or_create(user=request.user)
        return HttpResponseRedirect(
            reverse("admin:notifications_preferences_change", args=[own.pk])
        )

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user=request.user)

    def has_module_permission(self, request):
        return _staff(request)

    def has_view_permission(self, request, obj=None):
        return _staff(request) and (obj is None or obj.user_id == request.user.pk)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def response_change(self, request, obj):
        self.message_user(request, "Your notification settings are saved.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:notifications_notification_changelist"))


@admin.register(ReviewReminder)
class ReviewReminderAdmin(admin.ModelAdmin):
    """What the daily command has sent (read-only; superusers): why it sends nothing twice."""

    list_display = ["__str__", "owner", "sent_at"]
    list_filter = ["stage", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
