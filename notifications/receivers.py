"""Workflow steps become notifications (``publishing.signals.workflow_step``)."""

from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator, capfirst

from notifications.delivery import notify
from notifications.models import Kind
from notifications.recipients import publishers_of
from publishing import signals


def title_of(item):
    return f"{capfirst(type(item)._meta.verbose_name)}: {Truncator(str(item)).chars(90)}"


def admin_link(item, view="change"):
    opts = type(item)._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[item.pk])
    except NoReverseMatch:
        return ""


def name_of(user):
    return (user.get_full_name() or user.get_username()) if user else "Someone"


@receiver(signals.workflow_step)
def tell(sender, event, item, actor, author=None, note="", draft=False, **kwargs):
    title, who = title_of(item), name_of(actor)
    what = f"changes to “{title}”" if draft else f"“{title}”"
    said = f"\n\n{who} wrote: {note}" if note else ""
    if event == signals.SENT_FOR_REVIEW:
        notify(
            publishers_of(item),
            Kind.SENT_FOR_REVIEW,
            f"For review: {title}",
            f"{who} sent {what} for review.",
            admin_link(item, "draft" if draft else "change"),
            actor,
        )
    elif event == signals.PUBLISHED:
        notify(
            [author],
            Kind.PUBLISHED,
            f"Published: {title}",
            f"{who} published {what}.{said}",
            admin_link(item),
            actor,
        )
    elif event == signals.CHANGES_REQUESTED:
        notify(
            [author],
            Kind.CHANGES_REQUESTED,
            f"Changes requested: {title}",
            f"{who} asks for changes to {what}.{said}",
            admin_link(item, "draft" if draft else "change"),
            actor,
        )
    elif event == signals.DISCARDED:
        notify(
            [author],
            Kind.DISCARDED,
            f"Draft discarded: {title}",
            f"{who} discarded your draft of {what}.{said}",
            admin_link(item, "history"),
            actor,
        )
