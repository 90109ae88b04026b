"""Numbers in Arabic news: digits, number words, duals, and the qualifiers that bound them.

"ثلاثة آلاف وخمسمائة" → 3500, "عنصرين" → 2 (noun عنصر), "أكثر من عشرين يوماً" → 20 more_than
(noun يوم). Plurals of tens/hundreds/thousands ("عشرات", "مئات") are read as their lower bound
(10, 100, 1000) with qualifier "at_least": the codebook takes the stated lower bound of a toll.

A match's [start, end) covers the number and its qualifier words; the counted noun has its own
range (for a dual it is the same word; with "على الأقل" after the noun it lies inside the match).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.text.date_grammar import grammar
from marsad.text.lexicon import read_table, trie_pattern
from marsad.text.normalize import Normalized, normalize, normalize_key
from marsad.text.number_words import (
    approx_word,
    lookup,
    number_words,
    parse_number_words,
    parse_words,
    scale_of,
)
from marsad.text.tokens import ARTICLE, Token, tokenize_normalized

__all__ = ["QUALIFIERS", "NumberMatch", "find_numbers", "parse_number_words"]

QUALIFIERS = ("more_than", "less_than", "about", "at_least", "up_to")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL_RE = re.compile(r"\d+(?:[.,]\d+)?")
_DATE_SEPARATORS = frozenset("/-")
# A day number is followed by a month, maybe after "و13" / "من شهر"; a year follows a month name
# or "عام/سنة". Looked for within this many normalized characters.
_DATE_LOOKAHEAD_CHARS = 24
_DAY_BEFORE_MONTH_RE = re.compile(r"\s*(?:و\s*\d{1,2}\s*|-\s*\d{1,2}\s*)?(?:من\s+)?(?:شهر\s+)?")
# "الساعة 5.30", "عند الساعة 10": a clock time, not a count.
_TIME_BEFORE_RE = re.compile(r"الساعه\s*$")
_FIRST_YEAR, _LAST_YEAR = 1900, 2100  # four-digit numbers outside this are counts, not years
# How far before a number a qualifier phrase may start, in normalized characters (the longest
# phrase, "ما يزيد على", has 11 characters; a little slack for spaces and "الـ").
_QUALIFIER_WINDOW = 24
_TANWEEN_FATH = "\u064b"
_MAX_CLITIC_CHARS = 2  # "وب", "لل": longer prefixes on a number word are not clitics
# Characters of text read after a candidate: a number phrase, its noun and "على الأقل" fit easily.
_WINDOW_CHARS = 64


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int
    end: int
    value: int | float
    qualifier: str | None  # one of QUALIFIERS
    noun: str | None  # normalized singular of the counted noun
    noun_start: int | None = None
    noun_end: int | None = None


@dataclass(frozen=True, slots=True)
class _Nouns:
    singular_of: dict[str, str]  # plural or singular form → singular
    dual_bases: frozenset[str]
    construct_bases: frozenset[str]


@cache
def _nouns() -> _Nouns:
    singular_of: dict[str, str] = {}
    duals: set[str] = set()
    constructs: set[str] = set()
    for row in read_table("nouns.tsv"):
        singular = normalize_key(row["singular"])
        singular_of[singular] = singular
        for plural in row["plurals"].split():
            singular_of[normalize_key(plural)] = singular
        if row["dual"] == "1":
            duals.add(singular)
        if row["construct"] == "1":
            constructs.add(singular)
    return _Nouns(singular_of, frozenset(duals), frozenset(constructs))


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(normalize_key(row["word"]) for row in read_table("stopwords.tsv"))


@cache
def _qualifier_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for row in read_table("qualifiers.tsv"):
        target = before if row["position"] == "before" else after
        target[normalize_key(row["phrase"])] = row["qualifier"]
    by_length = sorted(before, key=len, reverse=True)
    before_re = re.compile(
        r"(?<![^\W\d_])[وفب]?(" + "|".join(map(re.escape, by_length)) + r")(?:\s*ال)?\s*$"
    )
    after_re = re.compile(
        r"^\s*(" + "|".join(map(re.escape, sorted(after, key=len, reverse=True))) + r")(?!\w)"
    )
    return before_re, after_re, {**before, **after}


def find_numbers(text: str | Normalized, original: str | None = None) -> tuple[NumberMatch, ...]:
    """Every number in `text`: digits (both scripts), number words, duals, approximate plurals.

    With a `Normalized` input, pass the original text too (offsets index it).
    """
    norm = text if isinstance(text, Normalized) else normalize(text)
    source = original if original is not None else (text if isinstance(text, str) else None)
    if source is None:
        raise ValueError("find_numbers needs the original text with a Normalized input")
    matches: list[NumberMatch] = []
    covered = 0
    # Tokenize only a window at each candidate: numbers are rare, whole-text tokenizing is not.
    for candidate in _candidates().finditer(norm.text):
        if candidate.start() < covered:
            continue
        window_end = min(len(norm.text), candidate.start() + _WINDOW_CHARS)
        tokens = tokenize_normalized(norm, source, start=candidate.start(), end=window_end)
        found = _number_at(norm.text, tokens, 0) if tokens else None
        if found is None:
            continue
        value, stop, noun = found
        match = _finish(norm, tokens, stop, value, noun)
        matches.append(match)
        covered = tokens[max(stop, noun[1] + 1 if noun else stop) - 1].norm_end
    return tuple(matches)


@cache
def _candidates() -> re.Pattern[str]:
    """Where a number may start: a digit run, or a word that is a number word or a dual."""
    nouns = _nouns()
    words = set(number_words())
    for base in nouns.dual_bases:
        stem = base[:-1] + "ت" if base.endswith("ه") else base
        words.update({stem + "ين", stem + "ان"})
    words.update(base + "ي" for base in nouns.construct_bases)
    alternation = trie_pattern(words)
    return re.compile(
        rf"(?<![\d.,])\d|(?<![^\W\d_])(?:[وفبلك]{{1,2}})?(?:ال)?(?:{alternation})(?![^\W\d_])"
    )


def _number_at(
    text: str, tokens: tuple[Token, ...], index: int
) -> tuple[int | float, int, tuple[str, int] | None] | None:
    """(value, index after the number, (singular noun, token index) or None) at `index`."""
    token = tokens[index]
    if token.kind == "number":
        if _in_date(text, token):
            return None
        value = _digits_value(token.norm)
        stop = index + 1
        multiplier = _multiplier_after(tokens, stop)
        if multiplier is not None:
            value, stop = value * multiplier, stop + 1
        return _integral(value), stop, _noun_after(tokens, stop)
    if token.kind != "word":
        return None
    dual = _dual(tokens, index)
    if dual is not None:
        return 2, index + 1, (dual, index)
    parsed = parse_words(tokens, index)
    if parsed is None:
        plural = approx_word(token)
        if plural is None or len(token.prefix) > _MAX_CLITIC_CHARS:
            return None
        parsed = plural.value, index + 1
        multiplier = _multiplier_after(tokens, index + 1)
        if multiplier is not None:
            parsed = plural.value * multiplier, index + 2
    value, stop = parsed
    return value, stop, _noun_after(tokens, stop)


def _multiplier_after(tokens: tuple[Token, ...], index: int) -> int | None:
    """ "3 آلاف", "1.5 مليون", "عشرات الآلاف": a scale word right after a number."""
    if index >= len(tokens) or tokens[index].kind != "word" or tokens[index].prefix:
        return None
    stem = tokens[index].stem
    table = number_words()
    key = stem if stem in table else stem[len(ARTICLE) :]  # "الآلاف" in "عشرات الآلاف"
    for word in table.get(key, ()):
        if word.kind in ("thousand", "million"):
            return scale_of(word)
    return None


def _dual(tokens: tuple[Token, ...], index: int) -> str | None:
    """The singular of a dual noun ("عنصرين" → "عنصر"), or None."""
    token = tokens[index]
    stem = token.bare_stem
    nouns = _nouns()
    for ending in ("ين", "ان"):
        if stem.endswith(ending):
            base = _dual_base(stem[: -len(ending)], nouns.dual_bases)
            if base is not None:
                return base
    if stem.endswith("ي") and index + 1 < len(tokens) and tokens[index + 1].kind == "word":
        return _dual_base(stem[:-1], nouns.construct_bases)
    return None


def _dual_base(base: str, allowed: frozenset[str]) -> str | None:
    if base in allowed:
        return base
    if base.endswith("ت") and base[:-1] + "ه" in allowed:  # "سيارتين" = سيارة × 2
        return base[:-1] + "ه"
    return None


def _noun_after(tokens: tuple[Token, ...], index: int) -> tuple[str, int] | None:
    if index >= len(tokens) or tokens[index].kind != "word":
        return None
    token = tokens[index]
    if token.stem in _stopwords() or token.norm in _stopwords() or lookup(token):
        return None
    return _singular(token), index


def _singular(token: Token) -> str:
    nouns = _nouns()
    stem = token.bare_stem
    if stem in nouns.singular_of:
        return nouns.singular_of[stem]
    # Accusative tanween after 11-99: "طناً", "يوما" → the bare singular.
    if stem.endswith("ا") and (_TANWEEN_FATH in token.text or stem[:-1] in nouns.singular_of):
        return nouns.singular_of.get(stem[:-1], stem[:-1])
    return stem


def _in_date(text: str, token: Token) -> bool:
    """Digits that are part of a date: "17/04/2022", "12 نيسان", "يومي 12 و13 آذار", "عام 2016"."""
    a, b = token.norm_start, token.norm_end
    before = a >= 2 and text[a - 1] in _DATE_SEPARATORS and text[a - 2].isdigit()
    after = b + 1 < len(text) and text[b] in _DATE_SEPARATORS and text[b + 1].isdigit()
    if before or after or _TIME_BEFORE_RE.search(text, max(0, a - _DATE_LOOKAHEAD_CHARS), a):
        return True
    following = text[b : b + _DATE_LOOKAHEAD_CHARS]
    if len(token.norm) <= 2 and _DAY_BEFORE_MONTH_RE.match(following):
        months = grammar().month_name
        rest = _DAY_BEFORE_MONTH_RE.match(following)
        return rest is not None and months.match(following, rest.end()) is not None
    if not (len(token.norm) == 4 and token.norm.isdigit()):
        return False
    if not _FIRST_YEAR <= int(token.norm) <= _LAST_YEAR:
        return False
    preceding = text[max(0, a - _DATE_LOOKAHEAD_CHARS) : a]
    return _year_context().search(preceding) is not None


@cache
def _year_context() -> re.Pattern[str]:
    """A month name or "عام/سنة" right before a four-digit number makes it a year."""
    months = grammar().month_name.pattern
    return re.compile(rf"(?:{months}|(?<![^\W\d_])(?:ال)?(?:عام|سنه))\s*\)?\s*[,،/-]?\s*$")


def _digits_value(digits: str) -> float:
    if _THOUSANDS_RE.fullmatch(digits):
        return float(digits.replace(",", ""))
    if _DECIMAL_RE.fullmatch(digits):
        return float(digits.replace(",", "."))
    return float(digits.replace(",", "").split(".")[0])


def _integral(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _finish(
    norm: Normalized,
    tokens: tuple[Token, ...],
    stop: int,
    value: int | float,
    noun: tuple[str, int] | None,
) -> NumberMatch:
    start = _stem_start(tokens[0])
    end = tokens[stop - 1].norm_end
    before_re, after_re, qualifier_of = _qualifier_patterns()
    qualifier: str | None = None
    window = norm.text[max(0, start - _QUALIFIER_WINDOW) : start]
    before = before_re.search(window)
    if before is not None:
        qualifier = qualifier_of[before.group(1)]
        start = start - len(window) + before.start(1)
    after_from = tokens[noun[1]].norm_end if noun is not None else end
    after = after_re.match(norm.text[after_from : after_from + _QUALIFIER_WINDOW])
    if after is not None:
        qualifier = qualifier or qualifier_of[after.group(1)]
        end = after_from + after.end(1)
    dangling_plural = approx_word(tokens[0]) is not None and not _preceded_by_number(norm, start)
    if qualifier is None and dangling_plural:
        qualifier = "at_least"
    a, b = norm.original_span(start, end)
    if end == tokens[stop - 1].norm_end:
        b = tokens[stop - 1].end  # with the harakat after the last letter
    if noun is None:
        return NumberMatch(a, b, value, qualifier, None)
    noun_token = tokens[noun[1]]
    noun_a = norm.original_span(_stem_start(noun_token), noun_token.norm_end)[0]
    return NumberMatch(a, b, value, qualifier, noun[0], noun_a, noun_token.end)


def _preceded_by_number(norm: Normalized, start: int) -> bool:
    """ "آلاف" after a number was read with it ("ثلاثة آلاف"); this guards a dangling one."""
    head = norm.text[max(0, start - _QUALIFIER_WINDOW) : start].split()
    return bool(head) and (head[-1][-1].isdigit() or head[-1] in number_words())


def _stem_start(token: Token) -> int:
    """Where the word starts after its proclitics (the "و" of "وعشرين" is not the number)."""
    return token.norm_start + len(token.prefix)
