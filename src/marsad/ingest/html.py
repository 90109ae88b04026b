"""HTML pages → title, date, site name and body text.

trafilatura does the real work (it drops navigation, sidebars and footers). When it finds no
body, or cannot be imported (its justext dependency needs `lxml_html_clean` on lxml ≥ 5.2), a
plain text extraction with the standard library's HTMLParser is the fallback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

_log = logging.getLogger(__name__)

# Elements whose text is never article body.
_SKIPPED = frozenset({"script", "style", "noscript", "nav", "footer", "header", "aside", "form"})
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"}
)
_SPACE_RUN = re.compile(r"\s+")
_DATE_META = ("article:published_time", "datePublished", "date", "pubdate", "dc.date")


@dataclass(frozen=True, slots=True)
class PageContent:
    text: str
    title: str | None
    published: str | None  # as found; parsed by the caller
    site_name: str | None
    url: str | None
    lang: str | None


def extract_page(html: str) -> PageContent:
    """The article in a page; `text` is empty when the page has none."""
    plain = _parse_plain(html)
    if not plain.text.strip():
        return plain  # only boilerplate: trafilatura would return the menu as "the article"
    rich = _trafilatura(html)
    if rich is None or not rich.text.strip():
        return plain
    return PageContent(
        text=rich.text,
        title=rich.title or plain.title,
        published=rich.published or plain.published,
        site_name=rich.site_name or plain.site_name,
        url=rich.url or plain.url,
        lang=plain.lang,
    )


@lru_cache(maxsize=1)
def _extractor() -> Callable[..., Any] | None:
    """trafilatura's extractor, or None (said once) when it cannot be imported."""
    try:
        from trafilatura import bare_extraction
    except ImportError as exc:  # a broken install must not stop HTML ingest
        _log.warning("trafilatura unavailable (%s); using plain HTML text extraction", exc)
        return None
    return bare_extraction


def _trafilatura(html: str) -> PageContent | None:
    extract = _extractor()
    if extract is None:
        return None
    try:
        doc = extract(html, with_metadata=True)
    except Exception as exc:
        # A heuristic third-party extractor can fail on odd markup in many ways (lxml, date
        # parsing); one page must not stop a run, and the plain extraction is the answer then.
        _log.warning("trafilatura failed on a page (%s: %s); using plain text", type(exc), exc)
        return None
    if doc is None:
        return None
    return PageContent(
        text=_str_or_none(getattr(doc, "text", None)) or "",
        title=_str_or_none(getattr(doc, "title", None)),
        published=_str_or_none(getattr(doc, "date", None)),
        site_name=_str_or_none(getattr(doc, "sitename", None)),
        url=_str_or_none(getattr(doc, "url", None)),
        lang=_str_or_none(getattr(doc, "language", None)),
    )


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _parse_plain(html: str) -> PageContent:
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return parser.content()


def strip_tags(html: str) -> str:
    """Text of an HTML fragment (feed summaries), blocks on their own lines."""
    return _parse_plain(html).text


class _PlainText(HTMLParser):
    """Collects body text outside boilerplate elements, plus the head's metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._chunks: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._title: list[str] = []
        self._meta: dict[str, str] = {}
        self._lang: str | None = None
        self._canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "html" and values.get("lang"):
            self._lang = values["lang"].split("-")[0].lower()
        elif tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and values.get("content"):
                self._meta.setdefault(key, values["content"])
        elif tag == "link" and values.get("rel") == "canonical" and values.get("href"):
            self._canonical = values["href"]
        elif tag == "time" and values.get("datetime"):
            self._meta.setdefault("time", values["datetime"])
        if tag in _BLOCKS:
            self._chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skip_depth:
            self._skip_depth -= 1
        elif tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self._chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip_depth:
            # Source line breaks are not paragraph breaks; block elements make those.
            self._chunks.append(_SPACE_RUN.sub(" ", data))

    def content(self) -> PageContent:
        lines = (" ".join(line.split()) for line in "".join(self._chunks).split("\n"))
        published = next((self._meta[k] for k in (*_DATE_META, "time") if k in self._meta), None)
        return PageContent(
            text="\n".join(line for line in lines if line),
            title=self._meta.get("og:title") or ("".join(self._title).strip() or None),
            published=published,
            site_name=self._meta.get("og:site_name"),
            url=self._meta.get("og:url") or self._canonical,
            lang=self._lang,
        )
