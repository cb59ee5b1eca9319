"""Work a transaction asks for, done once after it commits.

A change to content touches many rows one after the other (an item, its links, its parts,
its history), and each of them says "index me" and "change the content token". Those
requests are recorded here (``record``) and acted on once, after the transaction commits,
by the handlers the wings register (``handle``): the search index first, the content token
last, so a search made meanwhile never files an old answer under the new token.

- Each ``record`` registers a small callback with ``transaction.on_commit`` that carries
  what it recorded. Django drops the callbacks of a savepoint that is rolled back, so what
  was recorded inside one (a draft's sandbox) is never acted on; the next ``record`` sees
  that and starts afresh. The first callback to run acts for the whole transaction; the
  others find the work done.
- Outside a transaction (autocommit: a management command, a shell) each statement is its
  own transaction, and ``record`` acts at once.
- Handlers only ever re-read the database: a request left by a savepoint rolled back after
  the transaction's last ``record`` (which nothing can see before the commit) costs a
  re-read of rows that did not change, never a wrong value.
"""

import threading

from django.db import DEFAULT_DB_ALIAS, connections, transaction

_handlers = {}  # topic -> (order, handler(items))
_local = threading.local()


def handle(topic, handler, order=0):
    """After a commit, ``handler(items)`` gets the set of everything recorded under
    ``topic`` during the transaction; lower ``order`` runs first."""
    _handlers[topic] = (order, handler)


def record(topic, *items):
    """Ask for ``topic``'s handler to run after this transaction commits, with ``items``."""
    connection = connections[DEFAULT_DB_ALIAS]
    batch = _current_batch(connection)

    def after_commit():
        batch.run()

    batch.entries.append((after_commit, topic, items))
    # robust: the change is committed whatever happens here; a failure is logged (the
    # index is then mended by ``rebuild_search_index``), not shown to whoever saved.
    transaction.on_commit(after_commit, robust=True)
    batch.hooks = connection.run_on_commit


def pending(topic):
    """What this transaction has recorded under ``topic`` so far (for tests and checks)."""
    batch = getattr(_local, "batch", None)
    if batch is None or batch.done:
        return set()
    return {item for _, name, items in batch.entries if name == topic for item in items}


def run_pending():
    """Act now on what this thread's open transaction has recorded, as its commit would
    (for a test, whose own transaction never commits)."""
    batch = getattr(_local, "batch", None)
    if batch is not None and not batch.done:
        _current_batch(connections[DEFAULT_DB_ALIAS])  # forget what was rolled back
        batch.run()


def _current_batch(connection):
    batch = getattr(_local, "batch", None)
    if batch is not None and not batch.done and batch.hooks is not connection.run_on_commit:
        # A savepoint was rolled back (Django rebuilt its list of callbacks): forget what
        # was recorded inside it.
        registered = {id(func) for _, func, _ in connection.run_on_commit}
        batch.entries = [e for e in batch.entries if id(e[0]) in registered]
        if not batch.entries:
            batch = None
    if batch is None or batch.done:
        batch = _local.batch = _Batch()
    return batch


class _Batch:
    """What one transaction recorded."""

    def __init__(self):
        self.entries = []
        self.done = False
        self.hooks = None

    def run(self):
        """Every handler runs, in order, even if one before it failed (the first failure
        is raised at the end: Django's ``on_commit`` logs it)."""
        if self.done:
            return
        self.done = True
        items = {}
        for _, topic, recorded in self.entries:
            items.setdefault(topic, set()).update(recorded)
        failure = None
        for topic, (_, handler) in sorted(_handlers.items(), key=lambda h: h[1][0]):
            if topic in items:
                try:
                    handler(items[topic])
                except Exception as error:  # noqa: BLE001 - the later handlers still run
                    failure = failure or error
        if failure is not None:
            raise failure
