"""RSS and Atom feeds → one Article per entry (our decoding, then feedparser for both formats)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.ingest.decoding import decode_bytes
from marsad.ingest.html import strip_tags
from marsad.ingest.published import date_from_struct
from marsad.model import Article, Failure

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_feed(path: Path, data: bytes) -> Iterator[Article | Failure]:
    """Each entry of an RSS or Atom feed as an Article; a feed without entries is a Failure."""
    import feedparser

    try:
        text = decode_bytes(data)
    except InputError as exc:
        yield Failure(source=str(path), stage="ingest", reason=str(exc))
        return
    # feedparser guesses windows-1252 for an undeclared Arabic feed; we decode it ourselves and
    # hand over UTF-8 with a declaration that says so.
    utf8 = _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    parsed = feedparser.parse(b'<?xml version="1.0" encoding="utf-8"?>\n' + utf8)
    entries: list[Mapping[str, Any]] = list(parsed.get("entries") or [])
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable feed: {problem}" if problem else "feed has no entries"
        yield Failure(source=str(path), stage="ingest", reason=reason)
        return
    channel: Mapping[str, Any] = parsed.get("feed") or {}
    outlet = _text(channel.get("title"))
    lang = _text(channel.get("language"))
    for number, entry in enumerate(entries, start=1):
        yield _entry_article(entry, source=f"{path}#{number}", outlet=outlet, lang=lang)


def _entry_article(
    entry: Mapping[str, Any], *, source: str, outlet: str | None, lang: str | None
) -> Article | Failure:
    text = _entry_text(entry)
    if not text.strip():
        return Failure(source=source, stage="ingest", reason="feed entry has no text")
    parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
    return Article(
        id=Article.derive_id(text),
        text=text,
        outlet=outlet,
        url=_text(entry.get("link")),
        published=date_from_struct(parsed_date),
        title=_text(entry.get("title")),
        lang=lang.split("-")[0].lower() if lang else None,
        source=source,
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The fullest body an entry has: content (Atom, content:encoded) before summary."""
    for part in entry.get("content") or ():
        value = part.get("value") if isinstance(part, Mapping) else None
        if isinstance(value, str) and value.strip():
            return strip_tags(value)
    summary = entry.get("summary")
    return strip_tags(summary) if isinstance(summary, str) else ""


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
