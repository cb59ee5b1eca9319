"""Data made once and shared by the tests of a module, as Django's ``setUpTestData`` does."""

import contextlib

from django.db import transaction


@contextlib.contextmanager
def kept_for_the_module(django_db_blocker):
    """Inside: make the module's data. It lives in a transaction that is rolled back after the
    module; each test runs in a savepoint within it (pytest-django's ``db``), so what a test
    writes is undone after that test and the shared rows stay as they were made.

    Only for modules whose tests use ``db``: a ``transactional_db`` test would empty the
    tables under the shared rows. The Python objects are shared too: read them, do not change
    them in place."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
