"""Actors, places, dates and numbers: mentions found with the knowledge and text modules."""

from __future__ import annotations

from marsad.knowledge.resources import Resources
from marsad.model import Article, Mention
from marsad.text.normalize import Normalized


def entity_mentions(article: Article, norm: Normalized, resources: Resources) -> list[Mention]:
    return []
