"""Files and folders → Articles, one format reader per file suffix; bad data becomes a Failure."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.cleaning import clean_article
from marsad.ingest.decoding import decode_bytes, strip_bom
from marsad.ingest.feeds import read_feed
from marsad.ingest.html import extract_page
from marsad.ingest.published import parse_published
from marsad.ingest.records import article_from_record
from marsad.model import Article, Failure
from marsad.text.dates import publication_date_from_text

Item = Article | Failure
# A first line up to this many characters, followed by more text, reads as a headline: news
# headlines run 40-120 characters; body paragraphs are longer.
_MAX_TITLE_CHARS = 160
# Gregorian years a dateline may have: a Hijri year read as Gregorian (1445) falls outside.
PLAUSIBLE_YEARS = (1990, 2100)


def read_inputs(paths: Sequence[Path], *, recursive: bool = True) -> Iterator[Item]:
    """Every article in the given files and folders, in a stable order.

    Raises InputError at once for a path that does not exist; any problem inside a file (bad
    encoding, a broken JSON line, an empty text) is yielded as a Failure and reading goes on.
    """
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise InputError(f"no such input: {', '.join(missing)}")
    return (_dated(item) for item in _read_all([Path(p) for p in paths], recursive=recursive))


def _dated(item: Item) -> Item:
    """An article without a publication date takes the full dateline printed at its top.

    Relative dates ("أمس") resolve against the publication date, and plain-text files and many
    pages carry it only as a dateline ("17/04/2022" under the headline). A dateline is the
    report's own statement, not a guess; without one the date stays unknown.
    """
    if not isinstance(item, Article) or item.published is not None:
        return item
    dateline = publication_date_from_text(item.text)
    if dateline is None or not PLAUSIBLE_YEARS[0] <= dateline[0].year <= PLAUSIBLE_YEARS[1]:
        return item
    return replace(item, published=dateline[0])


def _read_all(paths: list[Path], *, recursive: bool) -> Iterator[Item]:
    for path in paths:
        if path.is_dir():
            for file in _folder_files(path, recursive=recursive):
                yield from read_file(file)
        else:
            yield from read_file(path)


def _folder_files(folder: Path, *, recursive: bool) -> list[Path]:
    """Supported files under a folder, sorted; hidden files and other suffixes are skipped."""
    found = folder.rglob("*") if recursive else folder.glob("*")
    return sorted(
        p
        for p in found
        if p.is_file()
        and _supported(p)
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _supported(path: Path) -> bool:
    suffix, _ = _format_of(path)
    return suffix in _READERS or suffix in _STREAMED


def read_file(path: Path) -> Iterator[Item]:
    """The articles of one file, by its suffix (`.gz` compressed files too), with control
    characters cleaned out of every format's text and metadata here, in one place."""
    for item in _read_file(path):
        yield clean_article(item) if isinstance(item, Article) else item


def _read_file(path: Path) -> Iterator[Item]:
    suffix, compressed = _format_of(path)
    if suffix in _STREAMED:
        yield from _guarded(path, _stream_json_lines(path, compressed=compressed))
        return
    reader = _READERS.get(suffix)
    if reader is None:
        yield _failure(path, f"unsupported file type {suffix or '(none)'!r}")
        return
    try:
        with _open(path, compressed=compressed) as handle:
            data = handle.read()
    except (OSError, EOFError) as exc:
        yield _failure(path, f"cannot read: {_why(exc)}")
        return
    yield from reader(path, data)


def _format_of(path: Path) -> tuple[str, bool]:
    """The format suffix (".jsonl" for "x.jsonl.gz") and whether the file is gzip-compressed."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return (suffixes[-1] if suffixes else ""), False


def _open(path: Path, *, compressed: bool) -> BinaryIO:
    if compressed:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _why(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc or type(exc).__name__)


def _guarded(path: Path, items: Iterator[Item]) -> Iterator[Item]:
    """Items of a streamed file; a read error part-way ends that file with a Failure."""
    try:
        yield from items
    except (OSError, EOFError) as exc:
        yield _failure(path, f"cannot read: {_why(exc)}")


def _stream_json_lines(path: Path, *, compressed: bool) -> Iterator[Item]:
    """JSON Lines read line by line, so a file of any size needs memory for one line only."""
    with _open(path, compressed=compressed) as handle:
        first = handle.readline()
        body, bom_codec = strip_bom(first)
        if bom_codec not in (None, "utf-8"):  # UTF-16/32 cannot be split on b"\n": read it whole
            yield from _read_json_lines(path, first + handle.read())
            return
        if body.strip():
            yield _json_line(body, source=f"{path}:1")
        for number, raw in enumerate(handle, start=2):
            if raw.strip():
                yield _json_line(raw, source=f"{path}:{number}")


def _failure(source: Path | str, reason: str) -> Failure:
    return Failure(source=str(source), stage="ingest", reason=reason)


def _read_text(path: Path, data: bytes) -> Iterator[Item]:
    try:
        text = decode_bytes(data)
    except InputError as exc:
        yield _failure(path, str(exc))
        return
    if not text.strip():
        yield _failure(path, "empty text")
        return
    yield Article(id=Article.derive_id(text), text=text, title=_headline(text), source=str(path))


def _headline(text: str) -> str | None:
    """The first non-empty line when it is short and more text follows it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or len(lines[0]) > _MAX_TITLE_CHARS:
        return None
    return lines[0]


def _read_html(path: Path, data: bytes) -> Iterator[Item]:
    try:
        page = extract_page(decode_bytes(data))
    except InputError as exc:
        yield _failure(path, str(exc))
        return
    if not page.text.strip():
        yield _failure(path, "no article text in the page")
        return
    yield Article(
        id=Article.derive_id(page.text),
        text=page.text,
        outlet=page.site_name,
        url=page.url,
        published=parse_published(page.published),
        title=page.title,
        lang=page.lang,
        source=str(path),
    )


def _read_json_lines(path: Path, data: bytes) -> Iterator[Item]:
    """One article per line; a broken line is a Failure named "path:line" and the rest goes on."""
    body, bom_codec = strip_bom(data)
    if bom_codec not in (None, "utf-8"):
        try:
            body = body.decode(bom_codec).encode("utf-8")
        except UnicodeDecodeError as exc:
            yield _failure(path, f"bytes are not valid {bom_codec}: {exc}")
            return
    for number, raw in enumerate(body.split(b"\n"), start=1):
        if raw.strip():
            yield _json_line(raw, source=f"{path}:{number}")


def _json_line(raw: bytes, *, source: str) -> Item:
    try:
        record = json.loads(raw.strip().decode("utf-8"))  # the newline would skew the column
        return article_from_record(record, source=source)
    except UnicodeDecodeError as exc:
        return _failure(source, f"not UTF-8 (JSON Lines must be): {exc.reason} at byte {exc.start}")
    except json.JSONDecodeError as exc:
        return _failure(source, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except InputError as exc:
        return _failure(source, str(exc))


def _read_json(path: Path, data: bytes) -> Iterator[Item]:
    """A JSON array of articles, one article object, or (misnamed) JSON Lines."""
    try:
        document = json.loads(decode_bytes(data))
    except (InputError, json.JSONDecodeError):
        yield from _read_json_lines(path, data)
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        source = f"{path}#{number}" if isinstance(document, list) else str(path)
        try:
            yield article_from_record(record, source=source)
        except InputError as exc:
            yield _failure(source, str(exc))


_READERS: dict[str, Callable[[Path, bytes], Iterable[Item]]] = {
    ".txt": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}
_STREAMED = frozenset({".jsonl", ".ndjson"})
