import pytest
from django.db import connection


@pytest.fixture
def widen_topic_names():
    """Call it to change a column the site returns while it runs, as a migration would
    (``initiatives_topic.name`` becomes a longer ``varchar``); put back after the test."""
    was = []

    def widen():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attrelid = 'initiatives_topic'::regclass AND attname = 'name'"
            )
            was.append(cursor.fetchone()[0])
            cursor.execute("ALTER TABLE initiatives_topic ALTER COLUMN name TYPE varchar(999)")

    yield widen
    if was:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE initiatives_topic ALTER COLUMN name TYPE {was[0]}")
