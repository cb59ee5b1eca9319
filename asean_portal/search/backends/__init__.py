"""One search interface, one backend per database engine, chosen by the connection's vendor."""

from django.db import connection as default_connection

from .base import Filters, Hit, SearchBackend
from .postgresql import PostgreSQLBackend
from .sqlite import SQLiteBackend

BACKENDS = {backend.vendor: backend for backend in (PostgreSQLBackend, SQLiteBackend)}

__all__ = ["Filters", "Hit", "SearchBackend", "get_backend", "install", "uninstall"]


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
