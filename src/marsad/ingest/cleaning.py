"""Control characters out of ingested text, in one place, before any offset is taken.

A NUL (U+0000) cannot be stored in a PostgreSQL text column, and no C0 control character but the
line break, tab and carriage return belongs in a news report: they come from padded files, bad
conversions and `&#0;`-style escapes. The vertical ones (vertical tab, form feed and the file,
group, record and unit separators, which `str.splitlines` already reads as line ends) become a
line break, so the words and lines they separated stay apart; the rest are dropped. Every later
offset is taken on the cleaned text, so spans stay consistent.
"""

from __future__ import annotations

import re
from dataclasses import replace

from marsad.model import Article, Failure

_VERTICAL = "\x0b\x0c\x1c\x1d\x1e\x1f"
_KEPT = "\t\n\r"
_DROPPED = "".join(chr(c) for c in range(0x20) if chr(c) not in _VERTICAL + _KEPT)
_TABLE = str.maketrans(dict.fromkeys(_VERTICAL, "\n") | dict.fromkeys(_DROPPED, None))
_ANY_CONTROL = re.compile(f"[{re.escape(_VERTICAL + _DROPPED)}]")


def clean_text(text: str) -> str:
    """`text` without C0 control characters other than tab, line feed and carriage return."""
    return text.translate(_TABLE) if _ANY_CONTROL.search(text) else text


def _clean_optional(value: str | None) -> str | None:
    """Metadata without controls; a value that was only controls and spaces becomes None."""
    if value is None or not _ANY_CONTROL.search(value):
        return value
    return clean_text(value).strip() or None


def clean_article(article: Article) -> Article | Failure:
    """The article with clean text and metadata; a text that was only control characters is a
    Failure like any empty text. An id derived from the raw text is derived again from the clean
    one, so the same report with or without stray controls is one article."""
    text = clean_text(article.text)
    if not text.strip():
        return Failure(source=article.source or article.id, stage="ingest", reason="empty text")
    derived = text != article.text and article.id == Article.derive_id(article.text)
    cleaned = replace(
        article,
        id=Article.derive_id(text)
        if derived
        else clean_text(article.id) or Article.derive_id(text),
        text=text,
        outlet=_clean_optional(article.outlet),
        url=_clean_optional(article.url),
        title=_clean_optional(article.title),
        lang=_clean_optional(article.lang),
    )
    return article if cleaned == article else cleaned
