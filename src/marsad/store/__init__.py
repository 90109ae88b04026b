"""Persistence: the only place SQL lives. `Store.open(path)` gives the SQLite store."""

from marsad.store.base import Store
from marsad.store.sqlite import SqliteStore

__all__ = ["SqliteStore", "Store"]
