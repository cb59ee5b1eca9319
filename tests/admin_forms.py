"""Posting admin forms as a browser would: what the rendered form holds, plus changes."""

from django import forms
from django.urls import reverse


def _field_data(form, data):
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = field.widget
        if isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(value) if not isinstance(value, list) else value
            for i, part in enumerate(parts):
                data[f"{key}_{i}"] = "" if part is None else part
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
        elif isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
            data[key] = [str(v) for v in value or []]
        elif isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        else:
            data[key] = "" if value is None else value


def form_data(response, **changes):
    """The data the admin change (or add) form in ``response`` posts if nothing is touched,
    with ``changes`` applied (names as posted, e.g. ``publish_at_0``)."""
    data = {}
    _field_data(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        _field_data(formset.management_form, data)
        for form in formset.forms:
            _field_data(form, data)
    data.update(changes)
    return data


def assert_saved(response):
    """A saved admin form redirects; anything else shows why it did not save."""
    if response.status_code != 302:
        context = response.context
        errors = [context["adminform"].form.errors.as_data()]
        errors += [inline.formset.errors for inline in context.get("inline_admin_formsets", [])]
        raise AssertionError(f"not saved ({response.status_code}): {errors}")


def admin_url(model, view, *args):
    """``admin_url(Initiative, "change", pk)``: the admin's URL of that view."""
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def edit(client, obj, **changes):
    """Open ``obj``'s change form, change ``changes``, save; returns the POST response."""
    change = admin_url(type(obj), "change", obj.pk)
    return client.post(change, form_data(client.get(change), **changes))
