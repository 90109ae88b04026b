"""Read the small knowledge tables of the text tools (`marsad/data/text/*.tsv`), lazily.

`marsad.text` sits below `marsad.knowledge` in the layers, so it reads its own files here. Every
table is read once, on first use, and normalized with the same policy the matchers use.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources as importlib_resources

from marsad.errors import DataError
from marsad.text.normalize import normalize_key

TEXT_DATA_PACKAGE = "marsad"
TEXT_DATA_FOLDER = ("data", "text")


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `data/text/<name>` (tab-separated, header line, `#` comments and blanks skipped)."""
    resource = importlib_resources.files(TEXT_DATA_PACKAGE).joinpath(*TEXT_DATA_FOLDER, name)
    try:
        content = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read text table {name}: {exc}") from exc
    lines = [line for line in content.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows: list[dict[str, str]] = []
    for row in reader:
        if None in row:
            raise DataError(f"text table {name}: too many columns in {row}")
        rows.append({key: (value or "").strip() for key, value in row.items()})
    if not rows:
        raise DataError(f"text table {name} is empty")
    return tuple(rows)


def column(name: str, field: str) -> tuple[str, ...]:
    """One column of a table, in file order."""
    rows = read_table(name)
    if field not in rows[0]:
        raise DataError(f"text table {name} has no column {field!r}")
    return tuple(row[field] for row in rows)


@cache
def words_of(name: str, kind: str | None = None, *, normalized: bool = True) -> frozenset[str]:
    """The `word` column of a word table, only the rows of one `kind` when given, keyed as the
    matchers key words (`normalize_key`) unless `normalized` is False."""
    rows = read_table(name)
    if kind is not None and "kind" not in rows[0]:
        raise DataError(f"text table {name} has no column 'kind'")
    words = column(name, "word")
    kinds = column(name, "kind") if kind is not None else (None,) * len(words)
    chosen = (w for k, w in zip(kinds, words, strict=True) if k == kind)
    return frozenset(normalize_key(w) if normalized else w for w in chosen)


def phrases_of(name: str, kind: str | None = None, *, field: str = "phrase") -> tuple[str, ...]:
    """One column of a phrase table as written (not normalized), only the rows of one `kind`
    when given, in file order: for rules that match the raw text with a regular expression."""
    rows = read_table(name)
    if kind is not None and "kind" not in rows[0]:
        raise DataError(f"text table {name} has no column 'kind'")
    values = column(name, field)
    kinds = column(name, "kind") if kind is not None else (None,) * len(values)
    phrases = tuple(v for k, v in zip(kinds, values, strict=True) if k == kind)
    if not phrases:
        raise DataError(f"text table {name} has no {field} of kind {kind!r}")
    return phrases


def phrase_alternation(phrases: tuple[str, ...], gap: str = r"\s+") -> str:
    """A regex alternation (a group without capture) of `phrases` as written, their words apart
    by `gap` (any spaces by default)."""
    return "(?:" + "|".join(gap.join(re.escape(w) for w in p.split()) for p in phrases) + ")"


_TrieNode = dict[str, "_TrieNode"]


def trie_pattern(words: list[str] | set[str] | tuple[str, ...]) -> str:
    """A regex alternation of `words` factored as a trie.

    Python's `re` tries a flat alternation one branch at a time at every position, a trie one
    character at a time. Where one word is a prefix of another, the longer is tried first.
    """
    trie: _TrieNode = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: _TrieNode) -> str:
    branches = [re.escape(char) + _trie_regex(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body
