"""Words, numbers and punctuation with offsets into the original text, and clitic splitting.

Arabic writes conjunctions, prepositions and the article onto the word ("وبالقامشلي") and
possessive pronouns after it ("قواتها"). `strip_clitics` splits them off conservatively: it
would rather leave a clitic on than cut a letter off a word ("وزير" stays whole).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.text.lexicon import column
from marsad.text.normalize import (
    Normalized,
    NormalizeOptions,
    normalize,
    normalize_key,
    original_span_with_marks,
)

ARTICLE = "ال"
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")

# A stem keeps at least this many letters after a clitic is cut (not counting "ال"): three is the
# shortest Arabic root, and two-letter remainders ("زير" from "وزير" aside) are mostly wrong cuts.
MIN_STEM_LETTERS = 3
# After "ال" two letters are enough ("بالحي" → ب + الحي): the article itself marks a noun.
MIN_STEM_LETTERS_WITH_ARTICLE = 2

# Pronoun suffixes, longest first. A lone "ه" is ambiguous with a folded ta marbuta ("مدينه"), so
# it is cut only when the caller keeps "ة" distinct. "ي"/"ني" are never cut: nisba adjectives
# ("السوري", "القامشلي", "الثاني") end that way far more often than "my"/"me" occurs in news.
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا")
LONE_HEH = "ه"

TOKEN_KINDS = ("word", "number", "punct")

# Letters (after normalization), digit groups with thousands separators and decimals, or one
# other visible character. "\w" minus digits and "_" is a letter in any script.
_TOKEN_RE = re.compile(r"(?P<word>[^\W\d_]+)|(?P<number>\d+(?:[.,]\d+)*)|(?P<punct>[^\w\s])")
_LIGHT = NormalizeOptions(fold_ta_marbuta=False)


@dataclass(frozen=True, slots=True)
class Token:
    """One token; `start`/`end` index the original text, the rest are normalized forms.

    `stem` is the word without conjunction/preposition and pronoun suffix but with its article
    ("وبالقامشلي" → "القامشلي"); `bare_stem` drops the article too.
    """

    start: int
    end: int
    text: str
    norm: str
    stem: str
    prefix: str
    suffix: str
    kind: str = "word"  # one of TOKEN_KINDS
    norm_start: int = 0  # range in the normalized text the token was read from
    norm_end: int = 0

    @property
    def bare_stem(self) -> str:
        return bare_stem(self.stem)


def bare_stem(stem: str) -> str:
    """The stem without its article: "القامشلي" → "قامشلي"; short words are left alone."""
    if stem.startswith(ARTICLE) and len(stem) - len(ARTICLE) >= MIN_STEM_LETTERS_WITH_ARTICLE:
        return stem[len(ARTICLE) :]
    return stem


@cache
def _native_words() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in column("clitic_exceptions.tsv", "word"))


def _fold(word: str) -> str:
    return word.replace("ة", "ه")


def _stem_is_long_enough(stem: str) -> bool:
    if stem.startswith(ARTICLE):
        return len(stem) - len(ARTICLE) >= MIN_STEM_LETTERS_WITH_ARTICLE
    return len(stem) >= MIN_STEM_LETTERS


def _prefix_splits(word: str) -> list[tuple[str, str]]:
    """Candidate (prefix, stem) splits, longest prefix first; "لل" restores the article."""
    splits: list[tuple[str, str]] = []
    for conj in ("", *CONJUNCTIONS):
        if not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        if rest.startswith("لل") and len(rest) > 2:
            splits.append((conj + "ل", ARTICLE + rest[2:]))
        for prep in PREPOSITIONS:
            if rest.startswith(prep) and not rest.startswith("لل"):
                splits.append((conj + prep, rest[1:]))
        if conj:
            splits.append((conj, rest))
    splits.sort(key=lambda split: -len(split[0]))
    return splits


def _strip_prefix(word: str) -> tuple[str, str]:
    native = _native_words()
    if _fold(word) in native:
        return "", word
    splits = _prefix_splits(word)
    for prefix, stem in sorted(splits, key=lambda split: len(split[0])):
        if _fold(stem) in native:
            return prefix, stem
    for prefix, stem in splits:
        if _stem_is_long_enough(stem):
            return prefix, stem
    return "", word


def _strip_suffix(stem: str, *, keeps_ta_marbuta: bool) -> tuple[str, str]:
    # A noun with the article takes no possessive pronoun, so "الحكم" keeps its "كم".
    if stem.startswith(ARTICLE) or _fold(stem) in _native_words():
        return stem, ""
    candidates = PRONOUN_SUFFIXES + ((LONE_HEH,) if keeps_ta_marbuta else ())
    for suffix in candidates:
        if not stem.endswith(suffix):
            continue
        base = stem[: -len(suffix)]
        if len(base) < MIN_STEM_LETTERS:
            continue
        # "سيطرتها" = سيطرة + ها: the ta marbuta is written ت before a pronoun; plural "ات" stays.
        if base.endswith("ت") and not base.endswith("ات") and len(base) > MIN_STEM_LETTERS:
            base = base[:-1] + "ة"
        return base, suffix
    return stem, ""


@lru_cache(maxsize=65536)
def _split_word(word: str, keeps_ta_marbuta: bool) -> tuple[str, str, str]:
    prefix, stem = _strip_prefix(word)
    stem, suffix = _strip_suffix(stem, keeps_ta_marbuta=keeps_ta_marbuta)
    return prefix, _fold(stem), suffix


def strip_clitics(word: str, *, keeps_ta_marbuta: bool = False) -> tuple[str, str, str]:
    """Split a word into (proclitics, stem, pronoun suffix), all normalized.

    "وبالقامشلي" → ("وب", "القامشلي", ""), "لقسد" → ("ل", "قسد", ""), "للنظام" → ("ل",
    "النظام", ""), "قواتهم" → ("", "قوات", "هم"). Pass `keeps_ta_marbuta=True` when "ة" was not
    folded to "ه" in `word`, which lets a lone "ه" suffix be cut ("قصفه").
    """
    light = normalize_key(word, options=_LIGHT)
    if not keeps_ta_marbuta:
        light = _fold(light)
    if not light or " " in light:
        return "", _fold(light), ""
    return _split_word(light, keeps_ta_marbuta)


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of `text` with original offsets: Arabic and Latin words, numbers, punctuation."""
    return tokenize_normalized(normalize(text), text)


def tokenize_normalized(
    norm: Normalized, original: str, *, start: int = 0, end: int | None = None
) -> tuple[Token, ...]:
    """Tokens read from an already normalized text, optionally from its range [start, end)."""
    tokens: list[Token] = []
    stop = len(norm.text) if end is None else end
    for match in _TOKEN_RE.finditer(norm.text, start, stop):
        kind = match.lastgroup or "punct"
        a, b = match.span()
        start, end = original_span_with_marks(norm, original, a, b)
        surface = original[start:end]
        word = match.group()
        prefix, stem, suffix = "", word, ""
        if kind == "word" and _is_arabic(word):
            light = _restore_ta_marbuta(word, norm, original, a) if "ة" in surface else word
            prefix, stem, suffix = _split_word(light, True)
        tokens.append(Token(start, end, surface, word, stem, prefix, suffix, kind, a, b))
    return tuple(tokens)


def _restore_ta_marbuta(word: str, norm: Normalized, original: str, start: int) -> str:
    """The word with "ة" where the original has it (normalization folds it to "ه" 1:1)."""
    offsets = norm.offsets
    return "".join(
        "ة" if char == "ه" and original[offsets[start + i]] == "ة" else char
        for i, char in enumerate(word)
    )


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"
