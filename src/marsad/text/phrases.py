"""Find dictionary phrases in Arabic text, with clitics attached, in one pass (Aho-Corasick).

Arabic writes prepositions and conjunctions onto the next word ("وبالقامشلي", "لقسد", "للنظام"),
so a phrase matches when the letters before it in the same word are an allowed proclitic chain
and the letters after it an allowed suffix. "لل" + phrase without its article ("للنظام" for
"النظام") is indexed as a variant because the article's alef is not written there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from marsad.text.normalize import Normalized, normalize, normalize_key
from marsad.text.spans import leftmost_longest

# Proclitic chains: conjunction (و ف) + preposition/particle (ب ل ك س) in that order. "ال" is part
# of the dictionary phrase itself when the phrase has it.
PROCLITICS: frozenset[str] = frozenset(
    c + p for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك")
) | frozenset({"وس", "فس", "س"})

_MAX_PROCLITIC_CHARS = max(len(chain) for chain in PROCLITICS)

# No suffix: names (places, actors) must end at a word boundary, except the Arabic possessive/plural
# endings a dictionary of names does not want.
NO_SUFFIXES: frozenset[str] = frozenset({""})

# Pronoun and inflection endings for verbs and nouns (triggers): "سيطرتها", "اعتقلوا", "قصفه".
INFLECTION_SUFFIXES: frozenset[str] = frozenset(
    {
        "",
        "ه",
        "ها",
        "هم",
        "هما",
        "هن",
        "ك",
        "كم",
        "نا",
        "ني",
        "ي",
        "ت",
        "تا",
        "تها",
        "ته",
        "تهم",
        "تهما",
        "تنا",
        "وا",
        "ون",
        "ين",
        "ان",
        "ات",
        "اته",
        "اتها",
        "اتهم",
        "وه",
        "وها",
        "وهم",
        "ا",
        "ن",
        "تم",
        "ية",
        "يه",
        "يا",
    }
)


def _is_letter(char: str) -> bool:
    return (char.isalnum() and not char.isdigit()) or char == "_"


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A dictionary phrase found in the text; `start`/`end` index the original text."""

    start: int
    end: int
    key: str  # the normalized dictionary phrase that matched
    values: tuple[str, ...]  # what the dictionary stores for that phrase (ids, action names, …)
    prefix: str  # proclitics before the phrase, normalized
    suffix: str  # ending after the phrase, normalized
    norm_start: int
    norm_end: int


class PhraseMatcher:
    """A set of phrases → values, matched with clitic-aware word boundaries."""

    def __init__(
        self,
        phrases: Iterable[tuple[str, str]],
        *,
        suffixes: frozenset[str] = NO_SUFFIXES,
        min_chars: int = 2,
    ) -> None:
        self._suffixes = suffixes
        self._max_suffix = max(len(s) for s in suffixes)
        values: dict[str, list[str]] = {}
        for surface, value in phrases:
            key = normalize_key(surface)
            if len(key) < min_chars:
                continue
            bucket = values.setdefault(key, [])
            if value not in bucket:
                bucket.append(value)
        self._values = {k: tuple(v) for k, v in values.items()}
        self._automaton = ahocorasick.Automaton()
        for key in self._values:
            self._automaton.add_word(key, (key, ""))
            if key.startswith("ال") and len(key) > 3:
                # "للنظام" = ل + النظام with the article's alef unwritten
                variant = "لل" + key[2:]
                if variant not in self._values:
                    self._automaton.add_word(variant, (key, "ل"))
        if len(self._values) > 0:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._values)

    def values_of(self, phrase: str) -> tuple[str, ...]:
        return self._values.get(normalize_key(phrase), ())

    def find(self, text: str | Normalized, *, longest: bool = True) -> tuple[PhraseHit, ...]:
        """All phrase occurrences; with `longest`, overlapping hits keep the longest, leftmost."""
        norm = text if isinstance(text, Normalized) else normalize(text)
        if len(self._values) == 0:
            return ()
        source = norm.text
        hits: list[PhraseHit] = []
        for last, (key, implied_prefix) in self._automaton.iter(source):
            # the "لل" variant has as many letters as its key ("لل" for "ال")
            hit = self._accept(norm, last - len(key) + 1, last + 1, key, implied_prefix)
            if hit is not None:
                hits.append(hit)
        if longest:
            hits = leftmost_longest(hits, lambda h: (h.norm_start, h.norm_end))
        return tuple(sorted(hits, key=lambda h: (h.start, h.end)))

    def _accept(
        self, norm: Normalized, first: int, stop: int, key: str, implied_prefix: str
    ) -> PhraseHit | None:
        source = norm.text
        # Most automaton hits lie inside longer words: stop looking once the letters before or
        # after the phrase are more than any proclitic chain or suffix could be.
        word_start = first
        while word_start > 0 and _is_letter(source[word_start - 1]):
            word_start -= 1
            if first - word_start > _MAX_PROCLITIC_CHARS:
                return None
        prefix = source[word_start:first] + implied_prefix
        if prefix not in PROCLITICS:
            return None
        word_end = stop
        max_suffix = self._max_suffix
        while word_end < len(source) and _is_letter(source[word_end]):
            word_end += 1
            if word_end - stop > max_suffix:
                return None
        suffix = source[stop:word_end]
        if suffix not in self._suffixes:
            return None
        start, end = norm.original_span(first, stop)
        return PhraseHit(
            start=start,
            end=end,
            key=key,
            values=self._values[key],
            prefix=prefix,
            suffix=suffix,
            norm_start=first,
            norm_end=stop,
        )
