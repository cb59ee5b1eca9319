"""``{% load partial_dates %}``: ``{{ value|partial_date }}`` shows a date at its precision
in a ``<time>`` element ("23 June 2019", "June 2019", "2019")."""

from django import template
from django.utils.html import format_html

from partial_dates.value import PartialDate, PartialDateError

register = template.Library()


@register.filter
def partial_date(value):
    try:
        value = PartialDate.coerce(value)
    except PartialDateError:
        return value
    if value is None:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), value)
