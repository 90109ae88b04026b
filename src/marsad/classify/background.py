"""Acts told as the cause or background of the act a sentence reports (codebook §1, §5).

"قصفت الطائرات مواقع للنظام ردا على استخدامه أسلحة كيميائية": the chemical attack is an earlier
happening the report restates, so it takes no place carried from a sentence about the strikes
and not the report's day; and the places and dates written in the cause's words ("ردا على هجوم
في دوما يوم السبت الماضي") are the cause's, not the strikes'. The markers are a data table
(data/text/cause_words.tsv)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from marsad.classify.view import SentenceView
from marsad.model import Mention
from marsad.text.lexicon import words_of
from marsad.text.normalize import normalize_word

CAUSE_WORDS = "cause_words.tsv"
# How far the cause's words reach after its marker: to the next clause break, and at most this
# many words ("ردا على ما قالت إنه هجوم بسلاح كيمياوي في دوما في الغوطة الشرقية لدمشق", "انتقاما
# لمقتل جنديين تركيين في هجوم بطائرة مسيرة").
MAX_CAUSE_WORDS = 14
_WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652]+")
# A clause break ends the cause: what follows is the response again ("ردا على الهجوم، قصفت
# الطائرات …").
_BREAK = re.compile(r"[،,.;:؛!?؟\n]")


@cache
def _markers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The marker phrases by their first word: each sentence word looks up only the markers it
    may open instead of trying them all."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for marker in sorted(words_of(CAUSE_WORDS, "marker")):
        phrase = tuple(marker.split())
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in by_first.items()}


def cause_spans(view: SentenceView, text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each cause told in the sentence, from its marker to the next clause
    break (at most `MAX_CAUSE_WORDS` words after it); a marker followed by a word pointing back
    at the act just told ("وردا على ذلك،") opens none."""
    return _spans(text, view.span.start, view.span.end)


@lru_cache(maxsize=1024)
def _spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    found = [
        (m.start(), m.end(), normalize_word(m.group())) for m in _WORD.finditer(text, start, end)
    ]
    keys = [w for _, _, w in found]
    back = words_of(CAUSE_WORDS, "back")
    markers = _markers()
    out: list[tuple[int, int]] = []
    for i, first in enumerate(keys):
        for phrase in _opened_by(markers, first):
            n = len(phrase)
            if i + n > len(keys) or tuple(keys[i + 1 : i + n]) != phrase[1:]:
                continue
            if i + n < len(keys) and keys[i + n] in back:
                continue
            after = found[i + n - 1][1]
            stop = _BREAK.search(text, after, end)
            reach = end if stop is None else stop.start()
            last = min(len(found), i + n + MAX_CAUSE_WORDS) - 1
            out.append((found[i][0], min(reach, found[last][1])))
    return tuple(sorted(out))


def _opened_by(
    markers: dict[str, tuple[tuple[str, ...], ...]], first: str
) -> tuple[tuple[str, ...], ...]:
    """The markers a word may open: those starting with it, or, when it begins with a
    conjunction ("وردا على"), with the rest of it."""
    own = markers.get(first, ())
    if first[:1] in ("و", "ف"):
        return own + markers.get(first[1:], ())
    return own


def cause_start(view: SentenceView, trigger: Mention, text: str) -> int | None:
    """Where the marker of the cause whose words hold the trigger starts, or None: the trigger
    tells that cause, an earlier happening."""
    starts = [s for s, e in cause_spans(view, text) if s < trigger.span.start < e]
    return max(starts, default=None)


def in_cause(view: SentenceView, text: str, position: int) -> bool:
    """The position lies in the words of a cause the sentence tells."""
    return any(s <= position < e for s, e in cause_spans(view, text))
