"""Fatalities and quantities from number mentions (key "value|qualifier|noun", codebook §6)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.classify.view import SentenceView
from marsad.model import Mention, Quantity

TOLL_CUE_WINDOW_CHARS = 25  # "مقتل 5 …", "5 قتلى": the killed word sits next to the number
_UNITS = {
    "يوم": ("day", None),
    "اسبوع": ("week", None),
    "شهر": ("month", None),
    "طن": ("tonne", None),
    "شاحنه": ("vehicle", "truck"),
    "شاحنة": ("vehicle", "truck"),
    "سياره": ("vehicle", "car"),
    "لتر": ("litre", None),
    "عائله": ("family", None),
    "اسره": ("family", None),
    "معتقل": ("person", "prisoners"),
    "اسير": ("person", "prisoners"),
}


@dataclass(frozen=True, slots=True)
class NumberValue:
    mention: Mention
    value: float
    qualifier: str | None
    noun: str | None


def parse_number(mention: Mention) -> NumberValue | None:
    parts = (mention.key or "").split("|")
    try:
        value = float(parts[0])
    except ValueError:
        return None
    qualifier = parts[1] if len(parts) > 1 and parts[1] else None
    noun = parts[2] if len(parts) > 2 and parts[2] else None
    return NumberValue(mention, value, qualifier, noun)


# "قتل 8 وأصيب 20", "4 قتلى و10 جرحى": a count after a wounding word is the wounded, not the dead
WOUNDED_WORDS = re.compile(r"(?:أصيب|اصيب|جرح|إصابة|اصابة|جرحى|جريح|مصاب)")


def _is_toll(view: SentenceView, number: NumberValue, killed_nouns: set[str]) -> bool:
    if number.noun is not None and number.noun in killed_nouns:
        return True
    start, end = number.mention.span.start, number.mention.span.end
    if any(m.key == WOUNDED and 0 <= m.span.start - end <= 3 for m in view.context):
        return False  # "10 جرحى"
    for m in view.context:
        if m.key == KILLED and _mixed_toll(view, m):
            continue  # "سقطوا بين قتيل وجريح": the count is the dead and the wounded together
        if m.key == KILLED and 0 <= m.span.start - end <= 3:
            return True  # "4 قتلى"
        if m.key == KILLED and _subject_of_killed_verb(view, number, m):
            return True  # "11 عنصراً من التنظيم، بينهم قيادي، قتلوا": the verb follows its subject
        if m.key == KILLED and 0 <= start - m.span.end <= TOLL_CUE_WINDOW_CHARS:
            between = view.span.text[m.span.end - view.span.start : start - view.span.start]
            if not WOUNDED_WORDS.search(between) and not _number_between(view, m.span.end, start):
                return True  # "مقتل 5", "قتل ثمانية" — the first count after the word
    return False


SUBJECT_WINDOW_CHARS = 80  # a counted subject and its killed verb, with a short apposition between
MIXED_WINDOW_CHARS = 4
VERB_ENDINGS = ("", "وا", "ت", "ا")  # قتل، قتلوا، قتلت، قتلا (a verb, not the noun قتلى)


def _mixed_toll(view: SentenceView, killed: Mention) -> bool:
    return any(
        m.key == WOUNDED and 0 <= m.span.start - killed.span.end <= MIXED_WINDOW_CHARS
        for m in view.context
    )


def _subject_of_killed_verb(view: SentenceView, number: NumberValue, killed: Mention) -> bool:
    """A counted noun ("11 عنصراً") that a later killed verb ("قتلوا") has as its subject."""
    end = number.mention.span.end
    if number.noun is None or not 0 < killed.span.start - end <= SUBJECT_WINDOW_CHARS:
        return False
    offset = view.span.start
    word = view.span.text[killed.span.start - offset :].split(maxsplit=1)[0]
    if word.lstrip("وف") not in {killed.span.text + e for e in VERB_ENDINGS}:
        return False
    between = view.span.text[end - offset : killed.span.start - offset]
    if WOUNDED_WORDS.search(between) or _number_between(view, end, killed.span.start):
        return False
    return killed.span.text.startswith("قتل") and "." not in between


def _number_between(view: SentenceView, after: int, before: int) -> bool:
    return any(after <= n.span.start and n.span.end <= before for n in view.numbers)


KILLED = "context:killed"
WOUNDED = "context:wounded"


def fatalities(view: SentenceView, killed_nouns: set[str]) -> tuple[int | None, Quantity | None]:
    """The largest toll stated in the sentence (its lower bound), and the same as a quantity."""
    tolls = [
        n
        for n in (parse_number(m) for m in view.numbers)
        if n is not None and _is_toll(view, n, killed_nouns) and n.value >= 1
    ]
    if not tolls:
        return None, None
    best = max(tolls, key=lambda n: n.value)
    quantity = Quantity(best.value, "person", "killed", best.qualifier, best.mention.span)
    return int(best.value), quantity


def quantities(view: SentenceView, action: str) -> list[Quantity]:
    out = []
    for n in (parse_number(m) for m in view.numbers):
        if n is None or n.noun is None or n.noun not in _UNITS:
            continue
        unit, item = _UNITS[n.noun]
        if unit == "day" and action.startswith("siege"):
            item = "siege"
        out.append(Quantity(n.value, unit, item, n.qualifier, n.mention.span))
    return out
