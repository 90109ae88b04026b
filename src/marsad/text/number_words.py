"""Arabic number words: "ثلاثة آلاف وخمسمائة" → 3500, read token by token.

Units come before tens ("ستة وأربعون"), teens are unit + "عشر" ("ثلاثة عشر"), hundreds and
thousands multiply what precedes them ("ثلاث مئة", "ثلاثة آلاف"), and "و" joins the parts. A list
("خمسة وستة") is not one number.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.text.lexicon import read_table
from marsad.text.normalize import normalize, normalize_key
from marsad.text.tokens import Token, tokenize_normalized

_MAX_CLITIC_CHARS = 2  # "وب", "لل": longer prefixes on a number word are not clitics


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: int
    kind: str  # unit | ten_unit | ten | hundred | thousand | million | approx


@cache
def number_words() -> dict[str, tuple[NumberWord, ...]]:
    table: dict[str, list[NumberWord]] = {}
    for row in read_table("numbers.tsv"):
        word = NumberWord(int(row["value"]), row["kind"])
        table.setdefault(normalize_key(row["word"]), []).append(word)
    return {key: tuple(words) for key, words in table.items()}


def parse_number_words(text: str) -> int | None:
    """The value of a phrase that is only a number in words ("ستة وأربعون" → 46), else None."""
    norm = normalize(text)
    tokens = [t for t in tokenize_normalized(norm, text) if t.kind != "punct"]
    if not tokens:
        return None
    parsed = parse_words(tokens, 0)
    if parsed is None or parsed[1] != len(tokens):
        return None
    return parsed[0]


def parse_words(tokens: list[Token] | tuple[Token, ...], index: int) -> tuple[int, int] | None:
    first = tokens[index]
    words = lookup(first)
    if not words or len(first.prefix) > _MAX_CLITIC_CHARS:
        return None
    word = words[0]
    if first.bare_stem in ("احد", "احدي"):
        return _compound_only(tokens, index, word)
    state = _State(total=0, group=word.value, last=word.kind)
    if word.kind in ("thousand", "million"):
        state = _State(total=word.value, group=0, last=word.kind)
    stop = index + 1
    while stop < len(tokens) and state.extend(tokens[stop]):
        stop += 1
    return state.total + state.group, stop


def _compound_only(
    tokens: list[Token] | tuple[Token, ...], index: int, word: NumberWord
) -> tuple[int, int] | None:
    # "أحد"/"إحدى" alone mean "one of"; they count only in "أحد عشر" or "واحد وعشرون".
    state = _State(total=0, group=word.value, last=word.kind)
    if index + 1 < len(tokens) and state.extend(tokens[index + 1]):
        stop = index + 2
        while stop < len(tokens) and state.extend(tokens[stop]):
            stop += 1
        return state.total + state.group, stop
    return None


@dataclass(slots=True)
class _State:
    """A number being read left to right: finished thousands in `total`, the open group."""

    total: int
    group: int
    last: str

    def extend(self, token: Token) -> bool:
        words = lookup(token)
        if not words or token.kind != "word":
            return False
        joined = token.prefix == "و"
        if token.prefix not in ("", "و"):
            return False
        return any(self._take(word, joined) for word in words)

    def _take(self, word: NumberWord, joined: bool) -> bool:
        kind, last = word.kind, self.last
        if not joined and kind == "ten_unit" and last == "unit":
            self.group, self.last = self.group + 10, "teen"  # ثلاثة عشر
        elif not joined and kind == "hundred" and word.value == 100 and last == "unit":
            self.group, self.last = self.group * 100, "hundred"  # ثلاث مئة
        elif not joined and kind in ("thousand", "million") and last not in ("thousand", "million"):
            factor = scale_of(word)
            self.total, self.group, self.last = self.total + self.group * factor, 0, kind
        elif joined and _may_follow(last, kind):
            self.group, self.last = self.group + word.value, kind
        else:
            return False
        return True


def _may_follow(last: str, kind: str) -> bool:
    """Which number word may be joined with "و" after which (units come before tens in Arabic)."""
    if last == "unit":
        return kind == "ten"
    if last == "hundred":
        return kind in ("unit", "ten_unit", "ten")
    if last in ("thousand", "million"):
        return kind in ("unit", "ten_unit", "ten", "hundred")
    return False


def lookup(token: Token) -> tuple[NumberWord, ...]:
    if token.kind != "word":
        return ()
    words = number_words().get(token.stem, ())
    return tuple(w for w in words if w.kind != "approx")


def approx_word(token: Token) -> NumberWord | None:
    for word in number_words().get(token.stem, ()):
        if word.kind == "approx":
            return word
    return None


def scale_of(word: NumberWord) -> int:
    """The multiplier of a scale word: duals ("ألفين", "مليونين") multiply by their singular."""
    if word.kind == "thousand":
        return 1000
    return 1_000_000_000 if word.value >= 1_000_000_000 else 1_000_000
