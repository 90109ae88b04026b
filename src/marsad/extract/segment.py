"""Paragraphs, sentences and clauses as spans of the original text.

Sentence ends are . ! ? ؟ and line breaks; a full stop between digits ("2.5") or after a single
letter does not end a sentence. Clauses split a sentence at the Arabic comma, semicolon and the
connectives that start a new account ("فيما", "بينما", "في حين", "كما").
"""

from __future__ import annotations

import re

from marsad.model import Span

_SENTENCE_END = re.compile(r"(?<!\d)[.!?؟](?!\d)|\n+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_CLAUSE_BREAK = re.compile(r"[،;؛]|\s(?=(?:فيما|بينما|في حين|كما|حيث|إلا أن|الا ان|لكن)\s)")
MIN_SENTENCE_CHARS = 3  # shorter pieces (stray bullets, lone digits) are not sentences


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end - start >= MIN_SENTENCE_CHARS else None


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[Span, ...]:
    out: list[Span] = []
    piece_start = start
    for match in pattern.finditer(text, start, end):
        bounds = _trimmed(text, piece_start, match.end())
        if bounds is not None:
            out.append(Span.of(text, *bounds))
        piece_start = match.end()
    bounds = _trimmed(text, piece_start, end)
    if bounds is not None:
        out.append(Span.of(text, *bounds))
    return tuple(out)


def paragraphs(text: str) -> tuple[Span, ...]:
    return _split(text, 0, len(text), _PARAGRAPH_BREAK)


def sentences(text: str) -> tuple[Span, ...]:
    return _split(text, 0, len(text), _SENTENCE_END)


def clauses(text: str, sentence: Span) -> tuple[Span, ...]:
    return _split(text, sentence.start, sentence.end, _CLAUSE_BREAK) or (sentence,)
