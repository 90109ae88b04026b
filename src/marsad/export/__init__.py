"""Exports: records and events as JSON Lines, ACLED-style CSV, GeoJSON."""

from marsad.export.acled import ACLED_COLUMNS, write_acled_csv
from marsad.export.actor_types import ActorTypes
from marsad.export.geojson import write_geojson
from marsad.export.records import write_events_jsonl, write_records_jsonl

__all__ = [
    "ACLED_COLUMNS",
    "ActorTypes",
    "write_acled_csv",
    "write_events_jsonl",
    "write_geojson",
    "write_records_jsonl",
]
