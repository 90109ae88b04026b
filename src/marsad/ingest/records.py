"""Article objects (schema.md's input form) → Article, shared by JSON Lines and JSON files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marsad.errors import InputError
from marsad.ingest.published import parse_published
from marsad.model import Article


def article_from_record(record: object, *, source: str) -> Article:
    """An Article from one input object; unknown keys are ignored, `text` is required."""
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("no `text` string in the object")
    if not text.strip():
        raise InputError("empty text")
    external_id = _string(record, "id")
    return Article(
        id=external_id or Article.derive_id(text),
        text=text,
        outlet=_string(record, "outlet"),
        url=_string(record, "url"),
        published=parse_published(record.get("published")),
        title=_string(record, "title"),
        lang=_string(record, "lang"),
        source=source,
    )


def _string(record: Mapping[str, Any], key: str) -> str | None:
    """A metadata value as a trimmed string; numbers are accepted (ids often are), empty → None."""
    value = record.get(key)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        return str(value).strip() or None
    return None
