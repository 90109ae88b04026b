"""Who besieges whom when a siege is told as a state, not as an act (codebook §2, §3).

"بلدة حرستا المحاصرة", "الغوطة الشرقية المحاصرة قرب دمشق", "بعد سنوات من الحصار": the report
names the siege as what a place is, usually beside another act ("قتل 19 مدنيا في هجمات النظام
وروسيا على الغوطة الشرقية المحاصرة"). Read as an act, its subject and object come from the
neighbouring clause: the attackers become the besiegers, the people leaving the town become
the besiegers, the side the town is handed to the besieged. Read as a state:
- the besieger (actor1) is only the side named as its agent: "المحاصرة من قبل القوات
  الحكومية", "حصار يفرضه التنظيم", the siege noun's own genitive ("تحت حصار التنظيم"), or the
  side a participle with an object describes ("قوات النظام المحاصرة للغوطة"); else none (an
  unknown besieger, as the gold codes it; assembly may still take the one the article tells
  for that place's siege as an act);
- the besieged (actor2) is who is inside: the people the participle describes ("المدنيين
  المحاصرين"), the side named in or leaving the besieged place ("خروج مسلحي أحرار الشام من بلدة
  حرستا المحاصرة"), named inside it ("انتشر في أرجائه مقاتلون"), its residents ("سكانها"),
  else the side the article names as holding it ("آخر معقل للمعارضة" next to the place);
  civilians only when the text names them so; with a named besieger and none of these, the
  article's other side; else none.
The words are in `data/text/siege_roles.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.classify.arguments import (
    BESIEGER_GAP,
    Allied,
    agent_marker,
    opponent,
    other_act_between,
    whole_word,
)
from marsad.classify.view import SentenceView
from marsad.model import Mention, ResolvedActor, ResolvedPlace
from marsad.text.lexicon import words_of
from marsad.text.normalize import normalize_key

ROLES_TABLE = "siege_roles.tsv"
SIEGE_ACTIONS = frozenset({"siege_imposed"})
# The participle, normalized (ة → ه): "المحاصرة", "محاصرا", "المحاصرين", "المحاصرتين".
PARTICIPLE = re.compile(r"^[وفب]?(?:ال)?محاصر(?:ه|ين|ون|تين|تان|ان|ا)?$")
# The siege noun, normalized: "الحصار", "حصارا", "بالحصار", "للحصار".
SIEGE_NOUN = re.compile(r"^[وفبل]?(?:ال|ل)?حصار(?:ا)?$")
AGENT_CHARS = 80  # "المحاصرتين من قبل تنظيم …": the agent phrase follows within a few words
# Between the people and the participle that describes them: nothing, or a relative pronoun
# and a verb of being ("حامية المطار التي كانت محاصرة", "المدنيين الذين لا يزالون محاصرين").
DESCRIBED_GAP = re.compile(
    r"^[\s\"'»”)]*(?:(?:التي|الذي|الذين|اللتين|اللذين|اللتان|اللذان)\s+"
    r"(?:(?:كانت|كانوا|كان|باتت|باتوا|ظلت|ظلوا|لا\s+تزال|لا\s+يزال|لا\s+يزالون)\s+)?)?$"
)
# The siege noun's genitive is its doer: "تحت حصار التنظيم", "حصار النظام لمناطق الأكراد".
GENITIVE_GAP = re.compile(r"^[\s\"'«“]*$")
# Place words that may stand between a preposition and the place's name ("من بلدة حرستا").
PLACE_NOUNS = frozenset(
    normalize_key(w)
    for w in ("بلدة", "مدينة", "حي", "أحياء", "قرية", "بلدات", "مدن", "قرى", "مناطق", "منطقة")
)
HOLDER_GAP_WORDS = 2  # "آخر معقل كبير للمعارضة", "معقل الفصائل المعارضة الأخير"
HOLDER_PREFIX_CHARS = 48
HOLDER_NEAR_CHARS = 60  # "في محيط الغوطة الشرقية، ما ينذر بهجوم مرتقب ضد معقل الفصائل"
INSIDE_GAP_WORDS = 5  # "مسلحو الحركة الخروج من بلدة حرستا", "المقاتلين المتحصنين في حرستا"
ACT_BEFORE_CHARS = 12  # an act right before the side makes it the act's subject ("قصفت الطائرات")
# Acts of leaving a place: those who leave it were inside ("بدأ المسلحون الخروج من البلدة").
LEAVING_ACTIONS = frozenset({"withdrawal", "displacement"})
CIVILIANS = "CIV"


def told_as_state(trigger: Mention, text: str) -> bool:
    """The siege trigger names a state (the participle, or the noun after a word of time or
    circumstance), not an act with a subject."""
    word = normalize_key(whole_word(text, trigger.span.start, trigger.span.end))
    before = _previous_word(text, trigger.span.start)
    if PARTICIPLE.match(word):
        return not _is(before, "passive")  # "تمت محاصرة 150 عنصرا": the verbal noun, an act
    if SIEGE_NOUN.match(word) and not trigger.rule.endswith(":verb"):
        return _is(before, "state_before") or _is(before, "lived")
    return False


def siege_roles(
    views: Sequence[SentenceView],
    view: SentenceView,
    trigger: Mention,
    text: str,
    places: Sequence[ResolvedPlace],
    allied: Allied | None = None,
) -> tuple[ResolvedActor | None, ResolvedActor | None]:
    """(besieger, besieged) of a siege told as a state; `places` are the record's places.
    With the besieger named and no one placed inside, the besieged is the article's other
    side, as for any act between two sides ("المطار المحاصر من قبل التنظيم")."""
    noun = SIEGE_NOUN.match(normalize_key(whole_word(text, trigger.span.start, trigger.span.end)))
    besieger = _besieger(view, trigger, text, genitive=noun is not None)
    described = None if noun else _described(view, trigger, text)
    if described is not None and _with_object(view, trigger, text):
        # "قوات النظام المحاصرة للغوطة": the participle with an object is the besieging one
        besieger, described = besieger or described, None
    besieged = (
        described
        or _inside(view, trigger, text, places)
        or _inside_after(view, trigger, text)
        or _residents(view)
        or _holder(views, view, text, places, besieger)
    )
    if besieged is not None and _root(besieged) == _root(besieger):
        besieged = None
    if besieged is None and besieger is not None:
        besieged = opponent(list(views), besieger, text, allied)
    return besieger, besieged


def _besieger(
    view: SentenceView, trigger: Mention, text: str, genitive: bool
) -> ResolvedActor | None:
    t1 = trigger.span.end
    for actor in sorted(view.actors, key=lambda a: a.mention.span.start):
        start = actor.mention.span.start
        if start < t1 or start - t1 > AGENT_CHARS or _first_id(actor) == CIVILIANS:
            continue
        gap = text[t1:start]
        if genitive and GENITIVE_GAP.match(gap):
            return actor  # "تحت حصار التنظيم"
        if BESIEGER_GAP.match(gap):
            return actor  # "حصار يفرضه تنظيم داعش", "الحصار المفروض من قبل قسد"
        if _agent_marked(text, start) and not other_act_between(view, trigger, actor, text):
            return actor  # "المحاصرة من قبل القوات الحكومية"
    return None


def _agent_marked(text: str, start: int) -> bool:
    """ "من قبل X", also past an organisation noun ("من قبل تنظيم ( جبهة النصرة )")."""
    prefix = text[max(0, start - 48) : start]
    if agent_marker().search(prefix[-32:]):
        return True
    words = prefix.rstrip(" \"'«“(").split()
    if words and _is(normalize_key(words[-1]), "agent_noun"):
        cut = prefix.rstrip(" \"'«“(")[: -len(words[-1])]
        return agent_marker().search(cut[-32:]) is not None
    return False


def _inside_after(view: SentenceView, trigger: Mention, text: str) -> ResolvedActor | None:
    """The side named right after a word for the inside of the place just named: "وبدا الحي
    محاصرا في حين انتشر في أرجائه مقاتلون من المعارضة"."""
    for actor in sorted(view.actors, key=lambda a: a.mention.span.start):
        start = actor.mention.span.start
        if start < trigger.span.end or _first_id(actor) == CIVILIANS:
            continue
        words = [normalize_key(w) for w in text[trigger.span.end : start].split()]
        if any(_is(w, "inside_after") for w in words[-(HOLDER_GAP_WORDS + 1) :]):
            return actor
    return None


def _with_object(view: SentenceView, trigger: Mention, text: str) -> bool:
    """The participle takes an object with "لـ" ("المحاصرة للغوطة", "المحاصرة لمدينة دوما"): it
    is the active one (besieging), not the passive (besieged)."""
    after = text[trigger.span.end : trigger.span.end + 40].split()
    if not after:
        return False
    word = normalize_key(after[0])
    if word.startswith("لل"):
        return True
    following = text.find(after[0], trigger.span.end)
    return word.startswith("ل") and any(
        p.mention.span.start <= following + 1 < p.mention.span.end or _in(word[1:], PLACE_NOUNS)
        for p in view.places
    )


def _residents(view: SentenceView) -> ResolvedActor | None:
    """The place's people named with its pronoun in the trigger's sentence ("سكانها")."""
    return next(
        (
            a
            for a in view.actors
            if _first_id(a) == CIVILIANS and _is(normalize_key(a.mention.span.text), "residents")
        ),
        None,
    )


def _described(view: SentenceView, trigger: Mention, text: str) -> ResolvedActor | None:
    """The people the participle describes: "المدنيين المحاصرين", "عناصر النظام المحاصرين"."""
    t0 = trigger.span.start
    before = [a for a in view.actors if a.mention.span.end <= t0]
    if not before:
        return None
    last = max(before, key=lambda a: a.mention.span.end)
    return last if DESCRIBED_GAP.match(text[last.mention.span.end : t0]) else None


def _inside(
    view: SentenceView, trigger: Mention, text: str, places: Sequence[ResolvedPlace]
) -> ResolvedActor | None:
    """The side named in, or leaving, the besieged place in the trigger's sentence: "عناصر
    المعارضة في المدينة المحاصرة", "خروج مسلحي الحركة من بلدة حرستا المحاصرة", "غادر المقاتلون
    بلدة عربين المحاصرة". Not a side acting on it from outside ("هجمات النظام على الغوطة
    المحاصرة", "قصفت الطائرات مناطق في الغوطة المحاصرة": the act's subject, and the areas it
    hit, are no one inside)."""
    for place in places:
        start = place.mention.span.start
        if not view.span.start <= start < view.span.end:
            continue
        before = [a for a in view.actors if a.mention.span.end <= start]
        if not before:
            continue
        actor = max(before, key=lambda a: a.mention.span.end)
        a0, a1 = actor.mention.span.start, actor.mention.span.end
        words = _words_before_place(text, start)
        if not words or (len(words) > 1 and _in(words[-2], PLACE_NOUNS)):
            continue  # "مناطق في الغوطة": the areas an act hit, not who is in them
        if _is(words[-1], "inside"):
            allowed: frozenset[str] = frozenset()
        elif _is(words[-1], "leaving") or _left_by(view, text, actor, start):
            allowed = LEAVING_ACTIONS
        else:
            continue
        if len(text[a1:start].split()) > INSIDE_GAP_WORDS:
            continue
        acts = [
            m
            for m in view.triggers
            if m.key not in allowed
            and m.key != trigger.key
            and not (m.key or "").startswith("context:")
            and (a1 <= m.span.start < start or 0 <= a0 - m.span.end <= ACT_BEFORE_CHARS)
        ]
        if not acts and not _agent_marked(text, a0):
            return actor
    return None


def _left_by(view: SentenceView, text: str, actor: ResolvedActor, place_start: int) -> bool:
    """A verb of leaving, its subject, then the place it leaves: "غادر المقاتلون بلدة عربين"."""
    gap = [normalize_key(w) for w in text[actor.mention.span.end : place_start].split()]
    if len(gap) > 1 or (gap and not _in(gap[0], PLACE_NOUNS)):
        return False
    return any(
        m.key in LEAVING_ACTIONS and 0 <= actor.mention.span.start - m.span.end <= ACT_BEFORE_CHARS
        for m in view.triggers
    )


def _words_before_place(text: str, start: int) -> list[str]:
    """The normalized words before a place's name, without one place noun right before it
    ("من بلدة حرستا" → […, "من"])."""
    words = [normalize_key(w) for w in text[max(0, start - 60) : start].split()]
    if words and _in(words[-1], PLACE_NOUNS):
        words = words[:-1]
    return words


def _holder(
    views: Sequence[SentenceView],
    view: SentenceView,
    text: str,
    places: Sequence[ResolvedPlace],
    besieger: ResolvedActor | None,
) -> ResolvedActor | None:
    """The side the article names as holding the besieged place: in the trigger's sentence,
    else next to a mention of the same place in another sentence ("والغوطة الشرقية هي آخر معقل
    للمعارضة"; not a holder told of another place that sentence names)."""
    ids = {p.ref.place.gazetteer_id for p in places}
    for v in (view, *(v for v in views if v is not view)):
        near = [p.mention.span for p in v.places if p.ref.place.gazetteer_id in ids]
        if v is not view and not near:
            continue
        for actor in v.actors:
            if _root(actor) == _root(besieger) or _first_id(actor) == CIVILIANS:
                continue
            span = actor.mention.span
            if v is not view and not any(
                max(span.start - s.end, s.start - span.end) <= HOLDER_NEAR_CHARS for s in near
            ):
                continue
            if _after_holder_word(text, actor):
                return actor
    return None


def _after_holder_word(text: str, actor: ResolvedActor) -> bool:
    start = actor.mention.span.start
    prefix = text[max(0, start - HOLDER_PREFIX_CHARS) : start]
    words = [normalize_key(w).strip("\"'«»“”()،,") for w in prefix.split()]
    words = [w for w in words if w]
    if prefix and not prefix[-1].isspace() and not prefix.endswith(("ل", '"', "«", "“", "'")):
        return False  # the actor's name starts inside a word
    if prefix.endswith("ل") and words:
        words[-1] = words[-1][:-1]  # "لسيطرة قسد" / "معقل لـ": the lam belongs to the actor
        words = [w for w in words if w]
    return any(_is(w, "holder") for w in words[-(HOLDER_GAP_WORDS + 1) :])


def _previous_word(text: str, start: int) -> str:
    """The word before the trigger's word, read past a linking preposition ("سنوات من الحصار"
    → "سنوات"; "تمكن الجيش من حصار المدينة" → "الجيش", no state)."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    words = [
        normalize_key(w.strip("\"'«»“”()،,")) for w in text[max(0, start - 40) : start].split()
    ]
    words = [w for w in words if w]
    if len(words) > 1 and _is(words[-1], "through"):
        return words[-2]
    return words[-1] if words else ""


def _is(word: str, kind: str) -> bool:
    return _in(word, words_of(ROLES_TABLE, kind))


def _in(word: str, words: frozenset[str]) -> bool:
    """The word, or the word without its clitic and article, is one of `words`."""
    return word in words or _bare(word) in words


def _bare(word: str) -> str:
    """A word without a clitic و/ف/ب and the article: "والحصار" → "حصار"."""
    for clitic in ("و", "ف", "ب"):
        if word.startswith(clitic) and len(word) > 3:
            word = word[1:]
            break
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _first_id(actor: ResolvedActor | None) -> str | None:
    return actor.options[0].id if actor is not None and actor.options else None


def _root(actor: ResolvedActor | None) -> str | None:
    first = _first_id(actor)
    return first.split("_")[0] if first else None
