"""(sentence, action) candidates proposed by the trigger lexicon, relabelled by context rules,
and the features the learned filter scores them with.

Rules (precise, kept as rules): a shelling trigger with aircraft words in its clause is an air
strike; a take-over whose object is a building or facility is a seizure; a chemical weapon
mention makes the strike in its clause a chemical attack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.classify.view import SentenceView
from marsad.model import Mention, Span
from marsad.text.lexicon import words_of
from marsad.text.normalize import normalize_key

WINDOW_WORDS = 4  # words either side of a trigger that describe it (tuned on train folds)
BUILDING_WINDOW_CHARS = 40  # how far after a take-over verb its object may name a building
_REMOTE = frozenset({"shelling", "air_strike"})
# Codebook §2: shelling, air strikes, bombs and battles keep their action whatever the toll, so
# deaths told in the same sentence as one of these are its fatalities, not a separate killing.
_LETHAL_CARRIERS = frozenset(
    {"shelling", "air_strike", "chemical_attack", "explosion", "armed_clash"}
)
_LEAVING = frozenset({"withdrawal", "displacement"})
_ENTERING = frozenset({"territory_taken", "incursion"})


@dataclass(frozen=True, slots=True)
class Candidate:
    sentence: int
    action: str
    triggers: tuple[Mention, ...]
    features: tuple[str, ...]
    joint: bool = False  # one of several actions one trigger stands for together (not rivals)
    strong: bool = False  # context makes a weak (general) trigger as sure as a strong one

    @property
    def first(self) -> Mention:
        return self.triggers[0]

    @property
    def weight(self) -> float:
        return 1.0 if self.strong else max(t.score for t in self.triggers)


def relabel(view: SentenceView, trigger: Mention, text: str) -> tuple[str, ...]:
    """The action(s) a trigger stands for in its context; a convoy of fighters and families
    leaving is both a withdrawal and a displacement (codebook §2)."""
    action = trigger.key or ""
    if action in _LEAVING:
        clause = view.clause_of(trigger.span.start)
        who = _kinds_in(view, clause.start, clause.end)
        if _general_leaving(trigger):
            # "خروج", "مغادرة": who leaves decides, named in the clause or else the sentence
            who = who or _kinds_in(view, view.span.start, view.span.end)
            if {"fighters", "civilians"} <= who:
                return ("withdrawal", "displacement")
            if "fighters" in who:
                return ("withdrawal",)
            if "civilians" in who:
                return ("displacement",)
        else:
            # a word of one of them ("انسحب", "إخلاء") changes only when its own clause names
            # only the other kind of leaver ("إخلاء آلاف المدنيين" is their displacement)
            other = "civilians" if action == "withdrawal" else "fighters"
            if other in who and who.isdisjoint({"fighters", "civilians"} - {other}):
                return ("displacement" if action == "withdrawal" else "withdrawal",)
    return (_relabel_one(view, trigger, text),)


def _general_leaving(trigger: Mention) -> bool:
    """A general leaving word, weak in the lexicon ("خروج", "غادر", "الدفعة الأولى"): who
    leaves decides; a sure word ("انسحب", "نزوح", "إجلاء") keeps its own action."""
    return trigger.score < 1.0


ORIGIN_WINDOW_CHARS = 12  # "من حي الوعر", "من مدينة دوما": "من", maybe a place word, the name
_ORIGIN = re.compile(r"(?:^|\s)من\s")


def fighters_leaving(view: SentenceView, trigger: Mention, text: str) -> bool:
    """A general leaving word ("خروج", "غادر", "إخراج", "الدفعة الأولى") told of fighters in its
    clause, leaving a named place ("خروج الدفعة الأولى من المسلحين من حي الوعر"), is their
    withdrawal as surely as "انسحب". A fighters' word that is part of a leaving phrase
    ("الدفعة الأولى": a convoy, of whom untold) does not count."""
    if trigger.key not in _LEAVING:
        return False
    clause = view.clause_of(trigger.span.start)
    leaving = [t.span for t in view.triggers if t.key in _LEAVING]
    fighters = any(
        m.key == "context:fighters"
        and clause.start <= m.span.start < clause.end
        and not any(m.span.start < s.end and s.start < m.span.end for s in leaving)
        for m in view.context
    )
    return fighters and any(
        clause.start <= p.mention.span.start < clause.end
        and _ORIGIN.search(
            text[max(0, p.mention.span.start - ORIGIN_WINDOW_CHARS) : p.mention.span.start]
        )
        for p in view.places
    )


def _relabel_one(view: SentenceView, trigger: Mention, text: str) -> str:
    action = trigger.key or ""
    clause = view.clause_of(trigger.span.start)
    in_clause = {
        (m.key or "").removeprefix("context:")
        for m in view.context
        if clause.start <= m.span.start < clause.end
    }
    if action == "air_strike" and _cue_governs(
        view, trigger, clause, "downing", DOWNING_WINDOW_CHARS
    ):
        return "attack"  # an aircraft shot down is the target of an attack (codebook §2)
    if action == "shelling" and "air" in in_clause and not _ground_weapon(trigger):
        return "air_strike"
    if action in _REMOTE and any(
        t.key == "chemical_attack"
        and clause.start <= t.span.start < clause.end
        and not _stockpiled(view, t)
        for t in view.triggers
    ):
        return "chemical_attack"
    if action == "mobilization" and _cue_governs(
        view, trigger, clause, "lowering", LOWERING_WINDOW_CHARS
    ):
        return "restrictions_eased"  # an alert lowered ("خفضت … من استنفارها"), codebook §2
    if action == "siege_imposed" and _cue_governs(
        view, trigger, clause, "lifting", LIFTING_WINDOW_CHARS
    ):
        return "siege_lifted"  # "كسرت قوات النظام الحصار": the siege noun is what was broken
    if action in _ENTERING and "consent" in view.context_kinds():
        return "mobilization"  # forces deployed into a town by agreement (codebook §2)
    if (
        action == "territory_taken"
        and trigger.score >= 1.0
        and _building_object(view, trigger, text)
    ):
        return "seizure"
    return action


# Words that name a ground weapon: with aircraft in the same clause ("قصف صاروخي وجوي") both
# the shelling and the air strike happened; only a bare "قصف" becomes the air strike.
GROUND_WEAPONS = "ground_weapons.tsv"


def _ground_weapon(trigger: Mention) -> bool:
    key = normalize_key(trigger.span.text)
    return any(w in key for w in words_of(GROUND_WEAPONS))


# "أسقطت مقاتلتان تركيتان طائرة حربية": the verb, its subject, the aircraft
DOWNING_WINDOW_CHARS = 30


def _cue_governs(
    view: SentenceView, trigger: Mention, clause: Span, kind: str, window: int
) -> bool:
    """A context cue of `kind` stands in the trigger's clause, at most `window` chars before it."""
    return any(
        m.key == f"context:{kind}"
        and clause.start <= m.span.start
        and 0 <= trigger.span.start - m.span.end <= window
        for m in view.context
    )


LOWERING_WINDOW_CHARS = 40  # "خفضت قوات الأمن الداخلي من استنفار": the verb, its subject, the noun
LIFTING_WINDOW_CHARS = 30  # "كسرت قوات النظام الحصار": the verb, its subject, the siege noun


SUPPRESS_WINDOW_CHARS = 12  # a state/purpose word governs the trigger right after it
# "معقل الاحتجاجات", "حملة القمع لاحتجاجات": the word, a space and maybe a ل, then the noun
MOVEMENT_GAP_CHARS = 2
SLOGAN_GAP_CHARS = 3  # "لافتات، طالبت بإسقاط", "هتافات مطالبة برحيل": the banner, then the verb
NAME_WINDOW_CHARS = 10  # "المركز الروسي للمصالحة": a body's word, maybe an adjective, the noun
_OVERLAP_SUPPRESSES = frozenset({"state", "lexical", "idiom"})
# Cues only a rule reads, kept out of the learned filter's features (the shipped filter was
# trained without them; as features they only move the out-of-fold folds).
_RULE_ONLY_KINDS = frozenset(
    {
        "campaign",
        "onset",
        "release",
        "abductees",
        "movement",
        "media",
        "slogan",
        "aim",
        "idiom",
        "goods",
        "defuse",
        "stockpile",
        "envoys",
        "lifting",
    }
)
ONSET_GAP_CHARS = 2  # "بدأت معركة": the start verb, a space, the battle noun
_QUOTES = frozenset("\"“«'")


def suppressed(view: SentenceView, trigger: Mention) -> bool:
    """A control state ("تحت سيطرة", "يسيطر") or a purpose ("بهدف", "حتى استعادة") is no event;
    nor a trigger word inside another expression ("وزارة", "بيان صادر عن") or a noun that
    names a body ("لجنة المفاوضات"); nor the protests taken as a whole movement by the word
    before them ("حمص معقل الاحتجاجات", "قمع التظاهرات", "الأسد الذي يواجه احتجاجات"), a
    background of the uprising with no one protest, place or day."""
    for m in view.context:
        kind = (m.key or "").removeprefix("context:")
        overlaps = m.span.start < trigger.span.end and trigger.span.start < m.span.end
        gap = trigger.span.start - m.span.end
        if overlaps and kind in _OVERLAP_SUPPRESSES:
            return True
        if kind in {"state", "purpose"} and 0 <= gap <= SUPPRESS_WINDOW_CHARS:
            return True
        if kind == "institution" and _names_a_body(trigger, gap):
            return True
        if (
            kind == "movement"
            and trigger.key == "protest"
            and 0 <= _chain_start(view, trigger) - m.span.end <= MOVEMENT_GAP_CHARS
        ):
            return True
    return False


def _slogan(view: SentenceView, trigger: Mention) -> bool:
    """What a banner or chant demands ("رفعوا لافتات، طالبت بإسقاط", "هتافات مطالبة برحيل")
    is a protest's slogan, told by the protest's record (codebook §2), not a demand of its own;
    what it asks for is still no event (`_demanded`)."""
    return trigger.key == "demand" and any(
        m.key == "context:slogan" and 0 <= trigger.span.start - m.span.end <= SLOGAN_GAP_CHARS
        for m in view.context
    )


def _chain_start(view: SentenceView, trigger: Mention) -> int:
    """Where a chain of nouns of the trigger's action ending at the trigger starts ("تظاهرات
    الاحتجاج": the protest noun in construct with another is one mention)."""
    start = trigger.span.start
    for other in sorted(view.triggers, key=lambda t: -t.span.end):
        if other.key == trigger.key and 0 < start - other.span.end <= 1:
            start = other.span.start
    return start


def _names_a_campaign(view: SentenceView, trigger: Mention, text: str) -> bool:
    """A battle noun in construct with a place or a quoted title ("معركة عفرين", "معركة
    “درع الفرات”") names a whole campaign, told as its name or its background, not one clash
    (train: six such names in five reports, none coded as a clash)."""
    if not any(
        m.key == "context:campaign"
        and m.span.start < trigger.span.end
        and trigger.span.start < m.span.end
        for m in view.context
    ):
        return False
    if any(
        m.key == "context:onset" and 0 <= trigger.span.start - m.span.end <= ONSET_GAP_CHARS
        for m in view.context
    ):
        return False  # "بدأت معركة حلب": the campaign's start is itself the event
    rest = text[trigger.span.end : trigger.span.end + 40]
    nxt = trigger.span.end + len(rest) - len(rest.lstrip())
    if rest.lstrip()[:1] in _QUOTES:
        return True
    return any(p.mention.span.start == nxt for p in view.places)


def _hostages_freed(view: SentenceView, trigger: Mention) -> bool:
    """Abductors freeing the people they held ("تم إطلاق سراح المختطفين", "أطلق الخاطفون سراح
    الرهائن") hand nobody to another side (codebook §2: a handover passes prisoners or places
    from one side to another); the abduction is the event."""
    if trigger.key != "handover" or "abductees" not in view.context_kinds():
        return False
    return any(
        m.key == "context:release"
        and m.span.start < trigger.span.end
        and trigger.span.start < m.span.end
        for m in view.context
    )


HOSTAGES_WINDOW_CHARS = 30  # "تحرير أكثر من 2000 رهينة": the verb, a count, then the held people


def _hostages_liberated(view: SentenceView, trigger: Mention) -> bool:
    """Liberating hostages ("تم تحرير أكثر من 2000 رهينة", "حررت القوات المختطفين") takes no
    place (codebook §2: territory taken is a place changing hands); the people freed are the
    liberating word's object, named right after it in its clause."""
    if trigger.key != "territory_taken":
        return False
    clause = view.clause_of(trigger.span.start)
    return any(
        m.key == "context:abductees"
        and 0 <= m.span.start - trigger.span.end <= HOSTAGES_WINDOW_CHARS
        and m.span.start < clause.end
        for m in view.context
    )


AIM_WINDOW_CHARS = 80  # "ويهدف هجوم تحالف قوات سورية الديمقراطية الذي بدأ في مايو إلى طرد"
_AIM_LINK = re.compile(r"(?:إلى|الى)\s+")


def _aimed(view: SentenceView, trigger: Mention, text: str) -> bool:
    """What a campaign aims at ("ويهدف الهجوم الذي بدأ في مايو إلى طرد التنظيم، ومنع…",
    "تسعى القوات إلى السيطرة على") is its purpose, not an event: the aim verb, its subject,
    then "إلى" right before the trigger, in one clause, or a "، و" list running on from
    there (the short "تهدف إلى" is a `purpose` cue)."""
    for m in view.context:
        if m.key != "context:aim" or m.span.end > trigger.span.start:
            continue
        link = _AIM_LINK.search(
            text, m.span.end, min(trigger.span.start, m.span.end + AIM_WINDOW_CHARS)
        )
        if link is None:
            continue
        if link.end() == trigger.span.start:
            return view.clause_of(trigger.span.start).start <= m.span.start
        if _asked_list(text, link.end(), trigger.span.start):
            return True
    return False


ARRIVING_WORDS = "arriving_words.tsv"  # "دخول", "وصل", "تصل": entering or arriving
_FORCE_ACTIONS = frozenset({"territory_taken", "incursion", "mobilization"})


def _goods_entering(view: SentenceView, trigger: Mention) -> bool:
    """Goods or aid entering or arriving ("دخول 21 سيارة محملة بمواد غذائية إلى بلدة الفوعة",
    "المعارضة تدخل المساعدات إلى حلب") take no territory and deploy no forces: the aid's
    delivery is its own record. A military convoy ("دخلت قافلة عسكرية") names no goods."""
    if trigger.key not in _FORCE_ACTIONS:
        return False
    key = normalize_key(trigger.span.text)
    moving = words_of(ARRIVING_WORDS, "enter") | words_of(ARRIVING_WORDS, "arrive")
    if not any(w in key for w in moving):
        return False
    clause = view.clause_of(trigger.span.start)
    return any(
        m.key == "context:goods" and clause.start <= m.span.start < clause.end for m in view.context
    )


DEFUSED_WINDOW_CHARS = 25  # "تعمل على تفكيك عشرات الألغام والعبوات الناسفة"
_BLAST_WORDS = ("انفجر", "تفجير")


def _defused(view: SentenceView, trigger: Mention) -> bool:
    """Mines or bombs cleared, defused or planted ("تفكيك عشرات الألغام والعبوات الناسفة",
    "زرع عناصر التنظيم الألغام") explode nowhere: an explosive's noun right after such a word
    in its clause is no explosion (a blast word, "انفجرت", "تفجير", still is)."""
    if trigger.key != "explosion":
        return False
    key = normalize_key(trigger.span.text)
    if any(w in key for w in _BLAST_WORDS):
        return False
    clause = view.clause_of(trigger.span.start)
    return _cue_governs(view, trigger, clause, "defuse", DEFUSED_WINDOW_CHARS)


STOCKPILE_WINDOW_CHARS = 12  # "مخزن لأسلحة كيماوية": the store, the weapons' noun, the adjective


def _stockpiled(view: SentenceView, trigger: Mention) -> bool:
    """Chemical weapons named as what a store, a plant or a programme holds or makes ("مخزن
    لأسلحة كيماوية", "تدمير الترسانة الكيماوية") are no chemical attack: a chemical word right
    after such a word in its clause is the weapons' name (a strike on the store is its own act)."""
    if trigger.key != "chemical_attack":
        return False
    clause = view.clause_of(trigger.span.start)
    return _cue_governs(view, trigger, clause, "stockpile", STOCKPILE_WINDOW_CHARS)


def _marching(view: SentenceView, trigger: Mention, actions: tuple[str, ...]) -> bool:
    """A general leaving word in a clause that tells a protest ("خرج نحو ألفي شخص من المدينة
    في تظاهرة") is people going out to protest, no withdrawal or displacement."""
    if not _general_leaving(trigger) or not {"withdrawal", "displacement"} & set(actions):
        return False
    clause = view.clause_of(trigger.span.start)
    return any(
        t.key == "protest" and t is not trigger and clause.start <= t.span.start < clause.end
        for t in view.triggers
    )


def _unarmed_arriving(view: SentenceView, trigger: Mention) -> bool:
    """Observers, envoys or civilians arriving ("المراقبون وصلوا إلى مدينة حمص", "أكثر من
    ألفي مدني وصلوا بلدة نبل") take no territory: an arriving word in a clause that names such
    people and no fighters."""
    if trigger.key != "territory_taken":
        return False
    key = normalize_key(trigger.span.text)
    if not any(w in key for w in words_of(ARRIVING_WORDS, "arrive")):
        return False
    clause = view.clause_of(trigger.span.start)
    kinds = {m.key for m in view.context if clause.start <= m.span.start < clause.end}
    return "context:fighters" not in kinds and bool({"context:envoys", "context:civilians"} & kinds)


DEVICE_AFTER_CHARS = 15  # "بانفجار عبوة ناسفة": the blast, then the device that made it
_CAUSED = re.compile(r"(?:أسفر\S*|اسفر\S*)\s+عن\s+$|(?:أد[ىت]|اد[ىت])\s+(?:إلى|الى)\s+$")


def _blast_of_strike(view: SentenceView, trigger: Mention, text: str) -> bool:
    """Blasts a strike caused ("أسفر القصف عن انفجارات قوية داخل القاعدة", "صواريخ استهدفت
    القاعدة أسفرت عن انفجارات") are that strike's, no explosion of their own: a blast noun told
    as the result ("أسفر عن", "أدى إلى") of a shelling or air-strike word before it in its
    sentence, with no device named right after it ("أدى إلى انفجار عبوة ناسفة" stays)."""
    if trigger.key != "explosion":
        return False
    if not _CAUSED.search(text[max(0, trigger.span.start - 20) : trigger.span.start]):
        return False
    if any(
        t.key == "explosion" and 0 <= t.span.start - trigger.span.end <= DEVICE_AFTER_CHARS
        for t in view.triggers
        if t is not trigger
    ):
        return False
    return any(
        t.key in {"shelling", "air_strike"} and t.span.end <= trigger.span.start
        for t in view.triggers
    )


def _names_a_body(trigger: Mention, gap: int) -> bool:
    return trigger.rule.endswith(":noun") and 0 <= gap <= NAME_WINDOW_CHARS


_PRONOUN_OBJECT = re.compile(r"^\S*\s+(?:عليه|عليها|عليهما|عليهم)\b")


def _building_object(view: SentenceView, trigger: Mention, text: str) -> bool:
    """The thing taken is a building: named right after the verb, or named before it and
    referred to by a pronoun ("المخبزين … بعد أن سيطرت عليهما")."""
    buildings = [m for m in view.context if m.key == "context:building"]
    if any(
        trigger.span.end <= m.span.start <= trigger.span.end + BUILDING_WINDOW_CHARS
        for m in buildings
    ):
        return True
    pronoun = _PRONOUN_OBJECT.match(text[trigger.span.start : trigger.span.end + 16])
    return pronoun is not None and any(m.span.end <= trigger.span.start for m in buildings)


def _kinds_in(view: SentenceView, start: int, end: int) -> set[str]:
    return {
        (m.key or "").removeprefix("context:") for m in view.context if start <= m.span.start < end
    }


_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0660-\u06690-9]+")


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    key = normalize_key(word)
    return key[1:] if len(key) > 3 and key[0] in "وف" else key


def _sentence_words(text: str, view: SentenceView) -> list[tuple[int, int, str]]:
    return list(_words_between(text, view.span.start, view.span.end))


@lru_cache(maxsize=256)
def _words_between(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """A sentence's words with their keys; every candidate of the sentence asks for them."""
    return tuple(
        (m.start(), m.end(), _word_key(m.group(0))) for m in _ARABIC_WORD.finditer(text, start, end)
    )


_CUE_KINDS = frozenset({"background", "habitual", "sequence", "state", "purpose", "consent"})
_PRESENT_PREFIXES = ("ي", "ن", "سي", "ست", "سن")


def _trigger_shape(trigger: Mention) -> str:
    """How the trigger is written: a definite noun (often a topic already told), a bare noun, a
    present or future verb (ongoing or planned), or another verb form (usually past)."""
    key = normalize_key(trigger.span.text)
    if len(key) > 3 and key[0] in "وف":
        key = key[1:]
    if trigger.rule.endswith(":noun"):
        return "def" if key.startswith(("ال", "بال", "لل")) else "noun"
    present = trigger.rule.endswith(":present:verb") or key.startswith(_PRESENT_PREFIXES)
    return "present" if present else "verb"


def _is_headline(view: SentenceView, text: str) -> bool:
    """A title line: the article's first sentence, ended by a line break, not a full stop."""
    return view.index == 0 and text[view.span.end - 1 : view.span.end] not in {".", "!", "?", "؟"}


def _cue_features(view: SentenceView, a: str, first: Mention) -> list[str]:
    """Background, habitual and sequence cues, and where they stand from the trigger."""
    clause = view.clause_of(first.span.start)
    out = []
    for m in view.context:
        kind = (m.key or "").removeprefix("context:")
        if kind not in _CUE_KINDS:
            continue
        side = "<" if m.span.end <= first.span.start else ">"
        where = "c" if clause.start <= m.span.start < clause.end else "s"
        out += [f"{a}|{kind}{side}{where}", f"{kind}{side}{where}"]
    return out


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What the article told before this sentence: repeated mentions are often background."""

    headline_actions: frozenset[str]
    earlier_actions: frozenset[str]


def _features(
    view: SentenceView,
    action: str,
    triggers: list[Mention],
    words: list[tuple[int, int, str]],
    text: str,
    state: ArticleState,
) -> list[str]:
    first = triggers[0]
    before = [w for a, b, w in words if b <= first.span.start][-WINDOW_WORDS:]
    after = [w for a, b, w in words if a >= first.span.end][:WINDOW_WORDS]
    a = f"a={action}"
    feats = [a, "bias"]
    for t in triggers:
        key = normalize_key(t.span.text)
        feats += [f"{a}|t={key}", f"t={key}", f"w{t.score}"]
    feats += [f"{a}|b={w}" for w in before] + [f"b={w}" for w in before]
    feats += [f"{a}|f={w}" for w in after] + [f"f={w}" for w in after]
    if before:
        feats += [f"b1={before[-1]}", f"{a}|b1={before[-1]}"]
    if after:
        feats += [f"f1={after[0]}", f"{a}|f1={after[0]}"]
    shape = _trigger_shape(first)
    feats += [f"shape={shape}", f"{a}|shape={shape}"]
    feats += [f"{a}|ctx={k}" for k in view.context_kinds() - _RULE_ONLY_KINDS]
    feats += _cue_features(view, a, first)
    feats += [f"{a}|st={m.key}" for m in view.status]
    feats += [f"{a}|other={t.key}" for t in view.triggers if t.key != action]
    feats.append(f"{a}|n={min(len(triggers), 3)}")
    feats.append(f"{a}|places={min(len(view.places), 2)}")
    feats.append(f"{a}|actors={min(len(view.actors), 2)}")
    feats.append(f"places={min(len(view.places), 2)}")
    feats.append(f"dates={min(len(view.dates), 1)}")
    clause = view.clause_of(first.span.start)
    in_clause = sum(1 for p in view.places if clause.start <= p.mention.span.start < clause.end)
    feats.append(f"{a}|cplaces={min(in_clause, 2)}")
    dated = any(clause.start <= d.mention.span.start < clause.end for d in view.dates)
    feats.append(f"{a}|cdate={int(dated)}")
    feats.append(f"sent={min(view.index, 3)}")
    feats.append(f"{a}|sent={min(view.index, 3)}")
    if _is_headline(view, text):
        feats += ["headline", f"{a}|headline"]
    elif action in state.headline_actions:
        feats.append(f"{a}|told_in_headline")
    if action in state.earlier_actions:
        feats += ["told_before", f"{a}|told_before"]
    if view.attribution:
        feats.append("attributed")
    return feats


# a sentence's triggers by action, the jointly-told actions, the actions made sure by context
Grouped = tuple[dict[str, list[Mention]], set[str], set[str]]


DEMANDED_WINDOW_CHARS = 60  # "طالب المتظاهرون بإسقاط الحكومة وإطلاق سراح المعتقلين"
_ASKING = frozenset({"demand"})
_CHARGING = frozenset({"accusation", "threat"})


def _demanded(view: SentenceView, trigger: Mention, text: str) -> bool:
    """What a demand or call asks for ("دعت إلى الإفراج عن", "طالب … بإطلاق سراح") is not an
    event: a trigger following a demand verb in its clause is its object. Nor is what one side
    charges another with ("تتهمها بقتل المدنيين", "ألقى باللوم على الطائرات الحربية") or
    threatens to do ("هدد بقصف"): alleged or not yet done, no dev or train gold record is told
    right after such a word. A condemned act did happen ("نددت بالحصار المفروض على الحي") and
    stays, and so does a denied charge ("نفت اتهامها بقصف البلدة"): coded as denied (codebook
    §1)."""
    clause = view.clause_of(trigger.span.start)
    denied = any(m.key == "denial" for m in view.status)
    asking = _ASKING if denied else _ASKING | _CHARGING
    return any(
        d.key in asking
        and d.key != trigger.key
        and (
            (
                clause.start <= d.span.start
                and 0 <= trigger.span.start - d.span.end <= DEMANDED_WINDOW_CHARS
            )
            or _asked_list(text, d.span.end, trigger.span.start)
        )
        and not suppressed(view, d)
        for d in view.triggers
    )


DEMANDED_LIST_CHARS = 120  # "طالبت بإسقاط الجولاني، وإيجاد شورى، وتبييض السجون، والإفراج عن"
_ITEM_OPENERS = frozenset({"و", "وب", "ول", ""})
_LIST_ITEM_BREAK = re.compile(r"[،,](?!\s*و)")


def _asked_list(text: str, end: int, start: int) -> bool:
    """A list of what is asked runs on over commas as long as every comma opens a "و" item and
    the trigger heads the last one: "طالبت بإسقاط الجولاني، وتبييض السجون، والإفراج عن
    المعتقلين" asks for all three ("تطالب بالحرية، وغاب … ضد المتظاهرين" does not)."""
    gap = text[end:start]
    return (
        0 <= start - end <= DEMANDED_LIST_CHARS
        and "،" in gap
        and gap.rsplit("،", 1)[1].strip() in _ITEM_OPENERS
        and not _LIST_ITEM_BREAK.search(gap)
        and not any(c in gap for c in ".؟!\n:")
    )


_WORD_START = frozenset(' \t\n"«“(،,:')


COMPLEMENT_GAP_CHARS = 2  # "تعرضت لقصف": the verb, a space, then ل


def _purpose_lam(view: SentenceView, trigger: Mention, text: str) -> bool:
    """A verbal noun with the bare purpose ل ("حملة لطرد التنظيم", "لاستعادة البلدة") tells
    what a campaign is for, not what happened; a present verb after ل ("ليسيطروا") is told
    as done, "لل" is the article, and after a verb that takes ل ("تعرضت لقصف", "أفضى لفك
    الحصار") the noun is its object: none of these is a purpose."""
    start = trigger.span.start
    if start < 1 or text[start - 1] != "ل":
        return False
    before = text[start - 2] if start >= 2 else " "
    if before in "وف" and start >= 3:
        before = text[start - 3]
    if before not in _WORD_START or _trigger_shape(trigger) in {"present", "def"}:
        return False
    return not any(
        m.key == "context:complement" and 0 <= start - 1 - m.span.end <= COMPLEMENT_GAP_CHARS
        for m in view.context
    )


HANDED_WINDOW_CHARS = 40  # "تسليم الفصائل المسلحة لسلاحها": the verb, its subject, the object
PUBLISHED_WINDOW_CHARS = 25  # "ونشرت الشركة صورة": the verb, a short subject, the object


def _arms_handed(view: SentenceView, trigger: Mention) -> bool:
    """A handover verb whose object is weapons or oneself ("تسليم الفصائل لسلاحها الثقيل",
    "تسليم عدد من العناصر لأنفسهم") tells a disarmament or a surrender, no handover; a
    deploying verb whose object is a picture, a video or a post ("نشرت الشركة صورة", "نشر
    مقطعا مصورا") tells a publication, no deployment."""
    if trigger.key == "handover":
        kind, window = "context:arms", HANDED_WINDOW_CHARS
    elif trigger.key == "mobilization":
        kind, window = "context:media", PUBLISHED_WINDOW_CHARS
    else:
        return False
    clause = view.clause_of(trigger.span.start)
    return any(
        m.key == kind
        and m.span.start < clause.end
        and 0 <= m.span.start - trigger.span.end <= window
        for m in view.context
    )


def _lone_word(view: SentenceView, trigger: Mention, text: str) -> bool:
    """A line that is the trigger word alone ("نشر" over a byline, "قصف" as a tag) tells no
    event: a page's label, not a sentence."""
    return text[view.span.start : view.span.end].strip(" .:،\n") == trigger.span.text


def _sponsor_only(view: SentenceView, triggers: list[Mention]) -> bool:
    sponsors = [m.span for m in view.context if m.key == "context:sponsor"]
    return all(
        any(s.start < t.span.end and t.span.start < s.end for s in sponsors) for t in triggers
    )


def _inside_place_name(view: SentenceView, trigger: Mention) -> bool:
    """A trigger word that is (part of) a place's name ("تدمر", Palmyra, is also "destroys")."""
    return any(
        p.mention.span.start <= trigger.span.start and trigger.span.end <= p.mention.span.end
        for p in view.places
    )


def _grouped(view: SentenceView, text: str) -> Grouped:
    """A sentence's triggers by the action they stand for, and the jointly-told actions."""
    by_action: dict[str, list[Mention]] = {}
    joint: set[str] = set()
    strong: set[str] = set()
    for trigger in view.triggers:
        if (
            suppressed(view, trigger)
            or _demanded(view, trigger, text)
            or _purpose_lam(view, trigger, text)
            or _inside_place_name(view, trigger)
            or _arms_handed(view, trigger)
            or _lone_word(view, trigger, text)
            or _slogan(view, trigger)
            or _aimed(view, trigger, text)
            or _goods_entering(view, trigger)
            or _defused(view, trigger)
            or _stockpiled(view, trigger)
            or _unarmed_arriving(view, trigger)
            or _blast_of_strike(view, trigger, text)
            or _names_a_campaign(view, trigger, text)
            or _hostages_freed(view, trigger)
            or _hostages_liberated(view, trigger)
        ):
            continue
        actions = relabel(view, trigger, text)
        if _marching(view, trigger, actions):
            continue
        if len(actions) > 1:
            joint.update(actions)
        if "withdrawal" in actions and fighters_leaving(view, trigger, text):
            strong.update(actions)
        for action in actions:
            by_action.setdefault(action, []).append(trigger)
    if _LETHAL_CARRIERS & by_action.keys():
        by_action.pop("killing", None)
    if (
        "talks" in by_action
        and "agreement" in by_action
        and _sponsor_only(view, by_action["talks"])
    ):
        by_action.pop("talks")  # "اتفاق … بوساطة روسية": the deal's mediator, no talks of its own
    if "talks" in by_action and len(view.actors) < 2:
        # codebook §2: talks are between sides; a meeting, visit or sponsorship with fewer than
        # two parties named (an administration's meeting on prices, "برعاية" of a fair) is not
        by_action.pop("talks")
    if "protest" in by_action:
        # the protesters' demands are the protest's slogans, not a demand of their own
        by_action.pop("demand", None)
    return by_action, joint, strong


_FIGHTING = frozenset({"armed_clash", "shelling", "air_strike", "killing", "siege_lifted"})
_ENTERING_WORDS = ("دخل", "دخول")  # plain entering, no force named


def _entering_word(trigger: Mention) -> bool:
    key = normalize_key(trigger.span.text)
    return any(w in key for w in _ENTERING_WORDS)


def _entered_by_agreement(grouped: list[Grouped], views: list[SentenceView]) -> list[Grouped]:
    """In a report of a deal, forces entering a town with no fighting told in that sentence are
    deployed under the deal (codebook §2: mobilization), not taking it."""
    deal = any("agreement" in g for g, _, _ in grouped) or any(
        "consent" in v.context_kinds() for v in views
    )
    if not deal:
        return grouped
    out = []
    for g, joint, strong in grouped:
        entering = [t for t in g.get("territory_taken", []) if _entering_word(t)]
        if entering and len(entering) == len(g["territory_taken"]) and not _FIGHTING & g.keys():
            g = {k: v for k, v in g.items() if k != "territory_taken"}
            if "aid_delivery" not in g:
                # a convoy entering ("دخلت قافلة مواد غذائية إلى المخيم") is the aid's own
                # delivery, no forces deployed
                g["mobilization"] = g.get("mobilization", []) + entering
        out.append((g, joint, strong))
    return out


def candidates(views: list[SentenceView], text: str) -> list[Candidate]:
    grouped = _entered_by_agreement([_grouped(view, text) for view in views], views)
    out: list[Candidate] = []
    headline: frozenset[str] = frozenset()
    earlier: set[str] = set()
    for view, (by_action, joint, strong) in zip(views, grouped, strict=True):
        words = _sentence_words(text, view) if by_action else []
        state = ArticleState(headline, frozenset(earlier))
        for action, triggers in by_action.items():
            feats = _features(view, action, triggers, words, text, state)
            features = tuple(dict.fromkeys(feats))
            out.append(
                Candidate(
                    view.index,
                    action,
                    tuple(triggers),
                    features,
                    action in joint,
                    action in strong and action in by_action,
                )
            )
        if _is_headline(view, text):
            headline = frozenset(by_action)
        else:
            earlier.update(by_action)
    return out
