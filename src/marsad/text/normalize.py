"""Arabic normalization for matching, with an offset map back to the original text.

Every original character either maps to exactly one normalized character or is dropped, so the
map is a plain array: `offsets[i]` is the original index of normalized character `i`, and
`offsets[len(text)]` is the length of the original. A normalized span [a, b) therefore maps back
to the original span [offsets[a], offsets[b-1] + 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Marks that carry no letter identity for matching: harakat, tanween, shadda, sukun, dagger alef,
# Quranic annotation signs. Dropped.
_DROP = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}  # + tatweel
_DROP |= {chr(c) for c in range(0x06D6, 0x06EE)}
# Bidi and zero-width controls that editors and CMSs leave in Arabic text. Dropped.
_DROP |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"}
_DROP |= {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}

_ALEF = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
_HAMZA_SEATS = {"ؤ": "و", "ئ": "ي"}
_YEH = {"ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي"}  # alef maqsura and Persian/Urdu yeh
_KAF = {"ک": "ك", "ڪ": "ك"}  # Persian keheh, swash kaf
_HEH = {"ە": "ه", "ۀ": "ه", "ہ": "ه"}
_TA_MARBUTA = {"ة": "ه"}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\t", "\u3000"}
_PUNCT = {"،": ",", "؛": ";", "؟": "?", "٪": "%", "«": '"', "»": '"', "“": '"', "”": '"'}


def _digit_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(10):
        out[chr(0x0660 + i)] = str(i)  # Arabic-Indic
        out[chr(0x06F0 + i)] = str(i)  # Extended (Persian/Urdu)
    out["٫"] = "."  # Arabic decimal separator
    out["٬"] = ","  # Arabic thousands separator
    return out


@dataclass(frozen=True, slots=True)
class NormalizeOptions:
    fold_ta_marbuta: bool = True
    fold_alef_maqsura: bool = True
    fold_hamza_seats: bool = True
    digits: bool = True
    punctuation: bool = True
    lower: bool = True


DEFAULT_OPTIONS = NormalizeOptions()


@lru_cache(maxsize=8)
def _table(options: NormalizeOptions) -> dict[str, str]:
    table: dict[str, str] = {c: "" for c in _DROP}
    table.update(_ALEF)
    table.update(_KAF)
    table.update(_HEH)
    table.update({c: " " for c in _SPACES})
    if options.fold_hamza_seats:
        table.update(_HAMZA_SEATS)
    if options.fold_alef_maqsura:
        table.update(_YEH)
    if options.fold_ta_marbuta:
        table.update(_TA_MARBUTA)
    if options.digits:
        table.update(_digit_map())
    if options.punctuation:
        table.update(_PUNCT)
    return table


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized string and, for each of its characters, the index in the original."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalized range back to a half-open original range."""
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


# Extraction, landmark search and the cue lexicons each normalize the same article text; a few
# recent results are kept so that it is folded once. `Normalized` is frozen, so sharing is safe.
@lru_cache(maxsize=16)
def normalize(text: str, *, options: NormalizeOptions = DEFAULT_OPTIONS) -> Normalized:
    """Fold the letter variants that Arabic news spells inconsistently; keep a map back."""
    table = _translation(options)
    folded = text.translate(table)
    if options.lower and folded.lower() != folded:
        # Non-ASCII capitals are rare in Arabic news; the per-character path keeps them 1:1.
        return _normalize_slowly(text, options)
    if len(folded) == len(text):
        return Normalized(folded, tuple(range(len(text) + 1)))
    # Dropped marks are few: copy the runs of kept indices between them (C-speed ranges) rather
    # than testing every character in Python.
    offsets: list[int] = []
    kept_from = 0
    for dropped in _drop_pattern(options).finditer(text):
        offsets.extend(range(kept_from, dropped.start()))
        kept_from = dropped.start() + 1
    offsets.extend(range(kept_from, len(text) + 1))  # + the final len(text)
    return Normalized(folded, tuple(offsets))


@lru_cache(maxsize=8)
def _translation(options: NormalizeOptions) -> dict[int, str | None]:
    """`_table` for `str.translate` (C speed), with ASCII capitals lowered when asked."""
    table: dict[int, str | None] = {
        ord(char): (mapped or None) for char, mapped in _table(options).items()
    }
    if options.lower:
        for code in range(ord("A"), ord("Z") + 1):
            table[code] = chr(code).lower()
    return table


@lru_cache(maxsize=8)
def _drop_pattern(options: NormalizeOptions) -> re.Pattern[str]:
    """One character that normalization drops."""
    drops = sorted(char for char, mapped in _table(options).items() if not mapped)
    return re.compile("[" + "".join(re.escape(char) for char in drops) + "]")


def _normalize_slowly(text: str, options: NormalizeOptions) -> Normalized:
    """The reference: one character at a time (also used when non-ASCII capitals occur)."""
    table = _table(options)
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        mapped = table.get(char, char)
        if not mapped:
            continue
        if options.lower:
            mapped = mapped.lower()
            if len(mapped) != 1:  # e.g. "İ".lower() has two code points: keep it 1:1
                mapped = char
        chars.append(mapped)
        offsets.append(index)
    offsets.append(len(text))
    return Normalized("".join(chars), tuple(offsets))


def original_span_with_marks(
    norm: Normalized, original: str, start: int, end: int
) -> tuple[int, int]:
    """`original_span`, taking in the harakat and tatweel written after the last letter
    ("يوماً", "لقواتِ"): they belong to the word even though normalization dropped them."""
    a, b = norm.original_span(start, end)
    limit = norm.offsets[end] if end < len(norm.offsets) else len(original)
    while b < limit and _is_mark(original[b]):
        b += 1
    return a, b


def _is_mark(char: str) -> bool:
    return "\u064b" <= char <= "\u065f" or char in "\u0670\u0640"


def normalize_key(text: str, *, options: NormalizeOptions = DEFAULT_OPTIONS) -> str:
    """The normalized form used as a dictionary key: folded, whitespace collapsed, trimmed.

    Equal to `" ".join(normalize(text).text.split())`, without building the offset map (keys
    are made by the hundred thousand when lexicons and gazetteers load).
    """
    if options is DEFAULT_OPTIONS:  # (equal options made elsewhere just skip the cache)
        return _default_key(text)
    return _key(text, options)


# Per article, the lexicon and gazetteer lookups and the classify rules key the same few hundred
# words and names tens of thousands of times: remember the recent ones.
@lru_cache(maxsize=16384)
def _default_key(text: str) -> str:
    return _key(text, DEFAULT_OPTIONS)


def _key(text: str, options: NormalizeOptions) -> str:
    folded = text.translate(_translation(options))
    if options.lower and folded.lower() != folded:
        folded = _normalize_slowly(text, options).text
    return " ".join(folded.split())


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """`normalize_key` of one word, cached: rules key the words around every trigger, and a news
    vocabulary repeats."""
    return normalize_key(word)
