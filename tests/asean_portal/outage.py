"""Make the real database unreachable for the requests of a test, then bring it back."""

import copy
import socket
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.db import connections
from django.db.utils import load_backend


def closed_port():
    """A local TCP port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_unreachable(alias="default"):
    """While inside, ``connections[alias]`` is a real connection of the same backend that
    cannot reach its server: PostgreSQL at a port nothing listens on, SQLite at a file in a
    directory that does not exist. The test's own connection is set aside untouched and
    put back afterwards, like a database coming back."""
    real = connections[alias]
    unreachable = copy.deepcopy(real.settings_dict)
    if real.vendor == "sqlite":
        unreachable["NAME"] = str(Path(tempfile.gettempdir()) / "no-such-dir-5" / "db.sqlite3")
    else:
        unreachable.update(HOST="127.0.0.1", PORT=str(closed_port()))
    broken = load_backend(unreachable["ENGINE"]).DatabaseWrapper(unreachable, alias)
    connections[alias] = broken
    try:
        yield
    finally:
        connections[alias] = real
        broken.close()
