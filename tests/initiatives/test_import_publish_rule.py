"""Importing is one more route to publishing: an initiative without a source cannot be
published by a file either, and the row says why."""

import pytest

from initiatives.models import Initiative
from publishing.content import State
from tests.factories import InitiativeFactory, SharedSourceFactory, cite
from tests.initiatives.test_import_export import catalogue, csv_file, row, upload  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_new_initiative_cannot_be_published_by_importing_without_a_source(
    staff_client,
    catalogue,  # noqa: F811
):
    response = upload(staff_client, Initiative, csv_file(row(slug="unsourced")))
    [invalid] = response.context["result"].invalid_rows
    assert "cannot be published without a source" in str(invalid.error_dict)
    assert "confirm_form" not in response.context
    assert not Initiative.objects.filter(slug="unsourced").exists()


def test_a_draft_is_imported_and_a_sourced_draft_may_be_published_by_importing(
    staff_client,
    catalogue,  # noqa: F811
):
    draft = row(slug="to-source-first", state="draft")
    response = upload(staff_client, Initiative, csv_file(draft))
    assert not response.context["result"].has_validation_errors()

    sourced = InitiativeFactory(slug="sourced", state=State.DRAFT, sources=[])
    cite(sourced, SharedSourceFactory())
    response = upload(staff_client, Initiative, csv_file(row(slug="sourced")))
    assert not response.context["result"].has_validation_errors()


def test_the_setting_turns_the_rule_off_for_imports_too(staff_client, catalogue, settings):  # noqa: F811
    settings.PUBLISH_REQUIRES_SOURCE = False
    response = upload(staff_client, Initiative, csv_file(row(slug="unsourced")))
    assert not response.context["result"].has_validation_errors()
