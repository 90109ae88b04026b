"""Nationality adjectives that qualify people: whose people they are, not who acted.

"قتل 33 جندياً تركياً بغارة روسية": "تركياً" normalizes to the country's name, and a nationality
adjective after a trigger names the doer ("القصف التركي"); after a noun for people it names the
people's state instead ("جندي تركي", "مستشارين إيرانيين", "الطيار الروسي"). Soldiers, officers
and advisers serve their state: the actor mention keeps the state and gets `PERSONS_MARK`, which
classify reads (such a side suffers a violent act, it does not do it unless named as its agent).
Civilians of a nationality are civilians: the state named by their adjective is dropped.
The nouns are `data/text/person_nouns.tsv`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from marsad.extract.entities import KIND_MARK
from marsad.extract.lexical import NATIONALITY_RULE
from marsad.knowledge.triggers import TriggerLexicon
from marsad.model import PERSONS_MARK, Mention, MentionKind, Span
from marsad.text.lexicon import read_table
from marsad.text.normalize import Normalized, normalize_key

ARMED = "armed"
CIVILIAN = "civilian"
STATE_KIND = "external"  # catalog kind of foreign states: a bare state name may be an adjective
_WORD_BEFORE = re.compile(r"([\u0621-\u064A\u0640\u064B-\u0652]+)[\s\u064B-\u0652]*$")
_LOOK_BACK_CHARS = 24


@cache
def person_sides() -> dict[str, str]:
    """Bare person noun (normalized) → "armed" or "civilian"."""
    return {normalize_key(row["word"]): row["side"] for row in read_table("person_nouns.tsv")}


def _bare_forms(word: str) -> list[str]:
    """The word, then without و/ف, the article (ال، بال، لل) and the accusative alif."""
    forms = [word]
    for clitic in ("و", "ف"):
        if word.startswith(clitic) and len(word) > 3:
            word = word[1:]
            forms.append(word)
            break
    for article in ("بال", "لل", "ال", "ب", "ل"):
        if word.startswith(article) and len(word) > len(article) + 2:
            word = word[len(article) :]
            forms.append(word)
            break
    if word.endswith("ا") and len(word) > 3:
        forms.append(word[:-1])  # "جندياً" → "جندي"
    return forms


def person_side(word: str) -> str | None:
    """ "armed" or "civilian" when `word` (as written) is a noun for people, else None."""
    sides = person_sides()
    for form in _bare_forms(normalize_key(word)):
        if form in sides:
            return sides[form]
    return None


def _side_before(text: str, start: int) -> str | None:
    """The side of the person noun that is the word right before `start`."""
    if start > 0 and text[start - 1].isalpha():
        return None  # a proclitic on the name ("وتركيا"): a conjunct, not an adjective
    match = _WORD_BEFORE.search(text[max(0, start - _LOOK_BACK_CHARS) : start])
    return person_side(match.group(1)) if match else None


def _own_side(text: str, span: Span) -> str | None:
    """The side of a two-word alias that is itself a person noun and an adjective ("الضباط
    الروس")."""
    words = span.text.split()
    return person_side(words[0]) if len(words) == 2 else None


def _state(mention: Mention) -> bool:
    """A nationality adjective or a foreign state's alias: not a group's fighters ("المقاتلون
    الأكراد", "عناصر التنظيم"), who are named as the group itself."""
    return mention.rule == NATIONALITY_RULE or mention.rule.endswith(KIND_MARK + STATE_KIND)


def persons_sides(
    text: str,
    norm: Normalized,
    lexicon: TriggerLexicon,
    mentions: list[Mention],
) -> list[Mention]:
    """`mentions` with the actors that qualify people marked (armed) or dropped (civilians), and
    a nationality adjective after an armed person noun added where nothing named it."""
    out: list[Mention] = []
    actor_spans = [(m.span.start, m.span.end) for m in mentions if m.kind is MentionKind.ACTOR]
    for m in mentions:
        if m.kind is not MentionKind.ACTOR:
            out.append(m)
            continue
        side = None
        if _state(m):
            side = _own_side(text, m.span)
            if side is None and " " not in m.span.text:
                # one word: an adjective ("جندي تركي") or a state name read as one ("جندياً تركياً")
                side = _side_before(text, m.span.start)
        if side == CIVILIAN:
            continue
        out.append(replace(m, rule=m.rule + PERSONS_MARK) if side == ARMED else m)
    for hit in lexicon.nationality_matcher.find(norm):
        if any(s < hit.end and hit.start < e for s, e in actor_spans):
            continue
        if _side_before(text, hit.start) != ARMED:
            continue
        span = Span.of(text, hit.start, hit.end)
        out.append(Mention(MentionKind.ACTOR, span, hit.values[0], NATIONALITY_RULE + PERSONS_MARK))
    return out
