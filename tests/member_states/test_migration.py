"""The migration that makes Member States content keeps every row and publishes it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("member_states", "0002_tables_renamed")]
AFTER = [("member_states", "0004_published_and_roles")]


@pytest.mark.django_db(transaction=True)
def test_existing_states_are_kept_and_published_owned_by_corporate_affairs():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Division = old.get_model("divisions", "Division")
    owner = Division.objects.create(
        name="Community and Corporate Affairs Directorate",
        slug="community-and-corporate-affairs-directorate",
        kind="directorate",
        summary="…",
        state="published",
    )
    MemberState = old.get_model("member_states", "MemberState")
    for n, (slug, code) in enumerate([("viet-nam", "VN"), ("thailand", "TH")]):
        MemberState.objects.create(name=f"State {n}", slug=slug, iso_code=code, joined_on="1995")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    rows = new.get_model("member_states", "MemberState").objects.order_by("slug")
    assert [(s.slug, s.state, s.owning_division_id, str(s.joined_on)) for s in rows] == [
        ("thailand", "published", owner.pk, "1995"),
        ("viet-nam", "published", owner.pk, "1995"),
    ]
    Group = new.get_model("auth", "Group")
    publishers = Group.objects.get(name="Publisher").permissions.values_list("codename", flat=True)
    editors = Group.objects.get(name="Editor").permissions.values_list("codename", flat=True)
    assert "publish_memberstate" in publishers and "change_memberstate" in editors
    assert "publish_memberstate" not in editors

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to where the suite runs
