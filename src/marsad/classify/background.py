"""Acts told as the cause or background of the act a sentence reports (codebook §1, §5).

"قصفت الطائرات مواقع للنظام ردا على استخدامه أسلحة كيميائية": the chemical attack is an earlier
happening the report restates, so it takes no place carried from a sentence about the strikes
and not the report's day. The markers are a data table (data/text/cause_words.tsv)."""

from __future__ import annotations

import re

from marsad.classify.view import SentenceView
from marsad.model import Mention
from marsad.text.lexicon import words_of
from marsad.text.normalize import normalize_word

CAUSE_WORDS = "cause_words.tsv"
# Words at most between the marker and the act it introduces: "ردا على ما قالت إنه هجوم",
# "انتقاما لمقتل جنديين تركيين في هجوم بطائرة مسيرة".
MAX_GAP_WORDS = 8
_WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652]+")
# A clause break between the marker and the trigger: the trigger is the response, told after
# its cause ("ردا على الهجوم، قصفت الطائرات …").
_BREAK = re.compile(r"[،,.;:؛!?؟\n]")


def _markers() -> list[tuple[str, ...]]:
    return sorted((tuple(m.split()) for m in words_of(CAUSE_WORDS, "marker")), key=len)


def cause_start(view: SentenceView, trigger: Mention, text: str) -> int | None:
    """Where the marker that tells the trigger's act as a cause or background starts, or None.

    The marker stands in the trigger's sentence at most `MAX_GAP_WORDS` words before it, with
    no clause break between, and is not followed by a word pointing back at the act just told."""
    found = [
        (m.start(), m.end(), normalize_word(m.group()))
        for m in _WORD.finditer(text, view.span.start, trigger.span.start)
        if m.end() <= trigger.span.start
    ]
    keys = [w for _, _, w in found]
    back = words_of(CAUSE_WORDS, "back")
    best: int | None = None
    for phrase in _markers():
        n = len(phrase)
        for i in range(max(0, len(keys) - n - MAX_GAP_WORDS), len(keys) - n + 1):
            if tuple(keys[i : i + n]) != phrase:
                continue
            after = i + n
            if after < len(keys) and keys[after] in back:
                continue
            end = found[after - 1][1]
            if _BREAK.search(text, end, trigger.span.start) is not None:
                continue
            start = found[i][0]
            best = start if best is None else max(best, start)
    return best
