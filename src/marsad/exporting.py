"""Read a store and write one of the export formats."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from marsad.errors import MarsadError
from marsad.export import write_acled_csv, write_events_jsonl, write_geojson, write_records_jsonl
from marsad.knowledge.resources import Resources
from marsad.store import Store


def export_store(
    db: Path | str, fmt: str, out: TextIO, *, resources: Resources | None = None
) -> int:
    """Write the store's records or events in `fmt` to `out`; return the rows written."""
    resources = resources or Resources()
    with Store.open(db) as store:
        claims = store.claims()
        if fmt == "jsonl":
            return write_records_jsonl(claims, resources, out)
        events = store.events()
        if fmt == "events":
            return write_events_jsonl(events, claims, resources, out)
        if fmt == "acled-csv":
            articles = {a.id: a for a in store.articles()}
            return write_acled_csv(events, claims, articles, resources, out)
        if fmt == "geojson":
            return write_geojson(events, out)
    raise MarsadError(f"unknown export format {fmt!r}")
