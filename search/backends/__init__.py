"""One search interface, one backend per database engine, chosen by the connection's vendor."""

from django.db import connection as default_connection
from django.db import migrations

from search.backends.base import Filters, Hit, SearchBackend
from search.backends.postgresql import PostgreSQLBackend
from search.backends.sqlite import SQLiteBackend

BACKENDS = {backend.vendor: backend for backend in (PostgreSQLBackend, SQLiteBackend)}

__all__ = [
    "Filters",
    "Hit",
    "SearchBackend",
    "engine_sql",
    "get_backend",
    "install",
    "uninstall",
]


def backend_class(vendor):
    try:
        return BACKENDS[vendor]
    except KeyError:
        raise NotImplementedError(f"Site search has no backend for {vendor!r} databases.") from None


def get_backend(connection=None):
    connection = connection or default_connection
    return backend_class(connection.vendor)(connection)


def install(schema_editor):
    """Create the engine's full-text machinery (migrations; idempotent)."""
    for statement in backend_class(schema_editor.connection.vendor).install_sql:
        schema_editor.execute(statement, params=None)


def uninstall(schema_editor):
    for statement in backend_class(schema_editor.connection.vendor).uninstall_sql:
        schema_editor.execute(statement, params=None)


def engine_sql(vendor, forward, backward):
    """A migration operation that runs the ``forward`` statements (``backward`` to undo) on
    ``vendor``'s databases only: machinery one engine needs and the other has no use for."""

    def runner(statements):
        def run(apps, schema_editor):
            if schema_editor.connection.vendor == vendor:
                for statement in statements:
                    schema_editor.execute(statement, params=None)

        return run

    return migrations.RunPython(runner(forward), runner(backward), elidable=False)
