"""Persistence: the only place SQL lives. `Store.open(target)` gives the SQLite store for a file
path and the PostgreSQL store (`marsad.store.postgres`, imported only then) for a URL."""

from marsad.store.base import Store
from marsad.store.sqlite import SqliteStore

__all__ = ["SqliteStore", "Store"]
