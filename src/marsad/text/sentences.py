"""Sentence and clause spans of news text (half-open, whitespace-trimmed, original offsets).

News pages are built of lines: a title, a dateline, paragraphs. Every line break ends a sentence;
inside a line, ". ! ? ؟ …" end one unless they sit in a number ("3.5"), after an abbreviation
("د.", "U.S."), or inside a quotation that closes later on the same line.
"""

from __future__ import annotations

import re
from functools import cache

from marsad.text.lexicon import column
from marsad.text.normalize import normalize_key

_TERMINATORS = frozenset(".!?؟…")
_OPEN_QUOTES = {"«": "»", "“": "”", "(": ")"}
_STRAIGHT_QUOTE = '"'
# An abbreviation is one or two letters before a period ("د." doctor, "م." AD, "هـ." Hijri, "U.S.").
_ABBREVIATION_LETTERS = 2
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")

# Clause boundaries inside a sentence. "؛" and ";" always split. A comma splits only when a new
# clause visibly starts after it: a clause word ("، فيما", "، كما") or a conjunction glued to a
# verb ("، وسلّمت", "، وانسحبوا", "، وقال") — not to a noun in a list ("، والحسكة", "، ومرعناز").
# Contrast words split with or without a comma. Chosen from how Syrian news sites chain events.
_CLAUSE_WORDS = r"(?:فيما|بينما|في\s+حين|حيث|إذ|كما|ثم|لكن|غير\s+أن|إلا\s+أن|وذلك)"
_CLAUSE_AFTER_COMMA_RE = re.compile(r"[،,]\s*(?=" + _CLAUSE_WORDS + r"(?![\u0621-\u064a]))")
_CONJOINED_AFTER_COMMA_RE = re.compile(r"[،,]\s*[وف](?P<word>[\u0621-\u0652\u0640]{2,})")
# Endings of past-tense verbs that nouns rarely have: feminine "ت" (+ pronoun), plural "وا".
_VERB_ENDING_RE = re.compile(r"(?:ت|تا|تها|ته|تهم|وا|وه|وها|وهم)$")
_CONTRAST_RE = re.compile(r"(?<=\s)(?=(?:فيما|بينما|في\s+حين)(?![\u0621-\u064a]))")
_SEMICOLON_RE = re.compile(r"[؛;]")
_HARAKAT_RE = re.compile(r"[\u064b-\u0652\u0640]")


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of `text`: lines, then terminators inside each line."""
    spans: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        for start, end in _split_line(text, line.start(), line.end()):
            trimmed = _trim(text, start, end)
            if trimmed is not None:
                spans.append(trimmed)
    return tuple(spans)


def split_clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Clause spans inside the sentence `text[start:end]` (conservative: see module notes)."""
    sentence = text[start:end]
    cuts: set[int] = set()
    for match in _SEMICOLON_RE.finditer(sentence):
        cuts.add(match.start())
    for match in _CLAUSE_AFTER_COMMA_RE.finditer(sentence):
        cuts.add(match.start())
    for match in _CONJOINED_AFTER_COMMA_RE.finditer(sentence):
        if _opens_clause(match.group("word")):
            cuts.add(match.start())
    for match in _CONTRAST_RE.finditer(sentence):
        cuts.add(match.start())
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in sorted(cuts):
        _append_trimmed(text, start + previous, start + cut, spans)
        previous = cut
    _append_trimmed(text, start + previous, start + len(sentence), spans)
    return tuple(spans)


def _opens_clause(word: str) -> bool:
    """Is the word after "، و" a verb or clause opener (not a noun continuing a list)?"""
    key = normalize_key(word)
    if key.startswith("ال"):
        return False
    return key in _clause_openers() or _VERB_ENDING_RE.search(key) is not None


@cache
def _clause_openers() -> frozenset[str]:
    return frozenset(normalize_key(word) for word in column("clause_openers.tsv", "word"))


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    # A clause starts after the punctuation that separated it and ends before its trailing one.
    while start < end and (text[start] in "،,؛;" or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in "،,؛;" or text[end - 1].isspace()):
        end -= 1
    if end > start:
        spans.append((start, end))


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    quoted = _quoted_ranges(text, start, end)
    pieces: list[tuple[int, int]] = []
    piece_start = start
    index = start
    while index < end:
        char = text[index]
        if char in _TERMINATORS and not _inside(index, quoted) and _ends_sentence(text, index, end):
            stop = _after_closers(text, index + 1, end)
            pieces.append((piece_start, stop))
            piece_start = index = stop
            continue
        index += 1
    pieces.append((piece_start, end))
    return pieces


def _ends_sentence(text: str, index: int, end: int) -> bool:
    char = text[index]
    following = text[index + 1] if index + 1 < end else " "
    if char == "." and index > 0 and text[index - 1].isdigit() and following.isdigit():
        return False  # decimal point
    if following in _TERMINATORS:
        return False  # "..." or "؟!": split after the last one
    if not (following.isspace() or following in "\"»”')"):
        return False
    return not (char == "." and _is_abbreviation(text, index))


def _is_abbreviation(text: str, period: int) -> bool:
    word_start = period
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] in "\u0640."):
        word_start -= 1
    raw = _HARAKAT_RE.sub("", text[word_start:period])
    word = raw.replace(".", "")
    preceded_by_digit = word_start > 0 and text[word_start - 1].isdigit()
    if preceded_by_digit:
        return False
    # an initialism of dotted letters ("أ.ف.ب.", "د.ب.أ.", "U.N."): every part is one or two letters
    parts = raw.split(".")
    if len(parts) > 1 and all(0 < len(part) <= _ABBREVIATION_LETTERS for part in parts):
        return True
    return 0 < len(word) <= _ABBREVIATION_LETTERS


def _after_closers(text: str, index: int, end: int) -> int:
    while index < end and text[index] in "\"»”')":
        index += 1
    return index


def _quoted_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced quotations on a line; an unbalanced quote mark is ignored."""
    ranges: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for index in range(start, end):
        char = text[index]
        if char in _OPEN_QUOTES:
            stack.append((_OPEN_QUOTES[char], index))
        elif stack and char == stack[-1][0]:
            ranges.append((stack.pop()[1], index))
        elif char == _STRAIGHT_QUOTE:
            if straight_open is None:
                straight_open = index
            else:
                ranges.append((straight_open, index))
                straight_open = None
    return ranges


def _inside(index: int, ranges: list[tuple[int, int]]) -> bool:
    # A terminator right before the closing quote ends the quotation, not the sentence inside it.
    return any(a < index < b - 1 for a, b in ranges)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
