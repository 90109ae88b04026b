"""Mentions → values: actors to catalog options (time-aware), places to gazetteer entries,
dates to intervals."""

from __future__ import annotations

from marsad.knowledge.resources import Resources
from marsad.model import Extraction, Resolution

__all__ = ["resolve_mentions"]


def resolve_mentions(extraction: Extraction, resources: Resources) -> Resolution:
    return Resolution(extraction=extraction, actors=(), places=(), dates=())
