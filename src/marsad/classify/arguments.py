"""Arguments of one event: actors (subject/object by position and prepositions) and the status.
The date is in `dates.py`, places in `places.py`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache, cached_property

from marsad.classify.view import SentenceView
from marsad.knowledge.actions import speech_actions, two_sided_actions
from marsad.model import (
    PERSONS_MARK,
    ActorOption,
    Mention,
    MentionKind,
    ResolvedActor,
    Span,
)
from marsad.text.lexicon import phrase_alternation, phrases_of, words_of
from marsad.text.normalize import normalize_key

AGENT_MARKERS = "agent_markers.tsv"  # "على يد", "من قبل", "برصاص": the doer follows


@cache
def agent_marker() -> re.Pattern[str]:
    """A doer's marker ending right before an actor, maybe with a word for members ("من قبل
    عناصر من") or the so-called ("من قبل ما يسمى بـ") between, and a quotation mark."""
    marker = phrase_alternation(phrases_of(AGENT_MARKERS, "marker"))
    so_called = phrase_alternation(phrases_of(AGENT_MARKERS, "so_called"), gap=r"\s*")
    member = phrase_alternation(phrases_of(AGENT_MARKERS, "member"))
    return re.compile(rf"{marker}\s*(?:{so_called}|{member}\s+(?:من\s+)?)?[\s\"'«“(]*$")


# A verbal noun's doer after a relative verb: "هجوم نفذه عناصر من داعش", "قصف شنته الطائرات",
# "انفجار تبنّاه تنظيم الدولة", "كمين نصبه مسلحون". The verb carries the noun as its object
# pronoun (ه/ها).
DOER_AFTER = re.compile(
    r"^\s+(?:\S+\s+){0,3}?[وف]?(?:نفذ|شن|تبن[ىا]|ي?نفذ|[يت]شن|تبنا|[يت]?نصب)\S{0,3}\s+"
    r"(?:(?:عناصر|مسلحو|مقاتلو|خلايا)\s+(?:من\s+)?)?[\"'«“]?$"
)
DOER_AFTER_CHARS = 60
AGENT_PREFIX_CHARS = 32
# A verbal noun's doer as a genitive with "لـ": "القصف الجوي لقوات التحالف", "هجوم عنيف لداعش".
NOUN_AGENT_GAP = re.compile(r"^\s+(?:\S+\s+){0,2}ل(?:ـ)?[\"'«“]?$")
# Blame told as a predicate ("النظام هو المسؤول عن المجزرة"): its subject is the accused.
BLAME_PREDICATE = re.compile(r"^[وف]?(?:هو|هي)\s+(?:ال)?مسؤول")
AFFILIATION_WORDS = "affiliation_words.tsv"  # "التابعة لـ": the actor after owns the one before
OUSTING_WORDS = "ousting_words.tsv"  # "طرد", "دحر": the object is the side that loses the place


@cache
def _patient_first() -> re.Pattern[str]:
    """A trigger whose object is the side that loses the place: "طرد داعش من", "دحر التنظيم"."""
    ousting = phrase_alternation(phrases_of(OUSTING_WORDS, field="word"))
    return re.compile(rf"(?:^|[وفب]|ل|بعد\s)(?:ال)?{ousting}")


# A preposition word (whole: "جمع" ends in "مع" but is a verb) or the clitic "لـ" before an actor.
OBJECT_MARKERS = re.compile(r"(?:^|\s|[وف])(على|ضد|مع|بين|عن|من|في|إلى|الى|لـ?)\s*$")
# A trigger phrase's last word as a preposition: "القبض على" (not a word ending in "ل": "دخول").
TRIGGER_PREPOSITION = re.compile(r"\s(?:على|ضد|مع|بين|عن|من|في|إلى|الى)$")
VSO_WINDOW_CHARS = 30  # a subject after the verb starts within a few words of it
PROSPECTIVE_GAP_CHARS = 2  # the adjective is the next word
NEGATION_WINDOW_CHARS = 14  # "لم ت…", "لن يتم …": the particle sits right before the verb
STATUS_WINDOW_CHARS = 60  # a modal/order word governs the action a few words on


def _prefix(text: str, start: int, width: int = AGENT_PREFIX_CHARS) -> str:
    return text[max(0, start - width) : start]


CIVILIAN_ACTORS = frozenset({"protest", "displacement", "riot"})  # where civilians act
CIVILIANS = "CIV"


# Between a subject and its verb: quotes, or the particle "قد" ("قسد قد انسحبت").
_SUBJECT_GAP = re.compile(r"^[\s\"'«»“”]{0,4}(?:(?:قد|لقد|فقد)\s+)?$")


def _is_verb(trigger: Mention) -> bool:
    return trigger.rule.endswith(":verb")


def _first_id(actor: ResolvedActor | None) -> str | None:
    return actor.options[0].id if actor is not None and actor.options else None


ACTOR_CARRY_SENTENCES = 2  # how far back the doer of an account may be named


class PartyViews:
    """An article's sentences with only the actors that can be parties: without the places'
    names ("ريف دمشق" is no government), and, for all but mediated acts, without sponsors and
    mediators. Every trigger of an article asks for them, so assembly makes them once per article
    and each list only when first asked for."""

    def __init__(self, views: list[SentenceView], text: str) -> None:
        self._views = views
        self._text = text

    @cached_property
    def with_mediators(self) -> list[SentenceView]:
        return [replace(v, actors=_outside_places(v, self._text)) for v in self._views]

    @cached_property
    def without_sponsors(self) -> list[SentenceView]:
        text = self._text
        return [replace(v, actors=_not_sponsors(v.actors, text)) for v in self.with_mediators]

    def for_action(self, action: str) -> list[SentenceView]:
        return self.with_mediators if action in MEDIATED else self.without_sponsors


# Whether two catalog roots fought on one side on the report's day (knowledge/sides.py).
Allied = Callable[[str, str], bool]


def pick_actors(
    views: list[SentenceView],
    view: SentenceView,
    trigger: Mention,
    text: str,
    action: str = "",
    allied: Allied | None = None,
    parties: PartyViews | None = None,
    denying: frozenset[Span] = frozenset(),
    accused: ResolvedActor | None = None,
) -> tuple[ResolvedActor | None, ResolvedActor | None]:
    """actor1 and actor2 of the act at `trigger`. `denying`: the spans of the sentence's deniers
    ("وهو ما نفته دمشق وموسكو"), who are neither side of the act they deny; `accused`: the one
    of them a denied act is ascribed to, its actor1 when the sentence names no other doer."""
    # Every sentence's actors without the places' names: the doer carried from another sentence
    # and the article's other side are actors too, not "ريف دمشق" or "قرب العاصمة دمشق".
    # A sponsor or mediator is no party ("برعاية وضمانة روسية", "بوساطة روسية"): the sides are
    # those who leave, hand over, agree (codebook §2); talks may code the mediator.
    views = (parties or PartyViews(views, text)).for_action(action)
    view = views[view.index]
    if denying and action not in speech_actions():
        # A denier's own words are its act ("نفت طهران أي دور لها منددة بالعقوبات"). An act
        # told before the denial ends where its deniers start: who follows them ("وهو ما نفته
        # دمشق وموسكو، في حين هددت واشنطن") is no side of it either.
        cut = min(span.start for span in denying)
        kept = [
            a
            for a in view.actors
            if a.mention.span not in denying
            and (trigger.span.start > cut or a.mention.span.start < cut)
        ]
        view = replace(view, actors=kept)
        views = [*views[: view.index], view, *views[view.index + 1 :]]
    if action in SIEGE_ENDS and trigger.key in BESIEGES:
        trigger = replace(trigger, key=action)  # "كسرت القوات الحصار": the siege noun, relabelled
    victim = None
    if any(_people(text, a) for v in views for a in v.actors):
        # "قتل 33 جندياً تركياً": the state of the people killed is whom the act is done to,
        # never its doer here nor carried as the doer of the article's other acts
        victim = _victim_of(view, trigger, text) if action in SUFFERED else None
        views = [
            replace(v, actors=[a for a in v.actors if a is not victim and not _harmed(v, a, text)])
            for v in views
        ]
        view = views[view.index]
    actor1, actor2 = _positional_actors(view, trigger, text)
    if victim is not None and _root(victim) == _root(actor1):
        # "أعلنت وزارة الدفاع الروسية مقتل جندي روسي بقصف …": the side that lost its people
        # tells of the act, it did not do it
        actor1 = None
    if actor2 is None and victim is not None and _root(victim) != _root(actor1):
        actor2 = victim
    if action in PROTESTERS_ACT:
        protesters = _protesters(views, view)
        against = _first_not_civilian(actor1, actor2)
        if against is None:
            against = opponent(views, protesters)  # whom the report says they protest
        return protesters, against
    if action in HANDED and _first_id(actor2) in (None, CIVILIANS):
        # People handed over are the goods, not a side: the side is who receives them
        # ("سلّمت الفصائل 20 مدنياً مختطفاً إلى القوات الحكومية", codebook §2 handover).
        actor2 = _recipient(view, trigger, text, actor1) or actor2
    if actor2 is None and _first_id(actor1) != CIVILIANS:
        # "12 مدنياً قتلوا في قصف للنظام": civilians named in the sentence are whom it hit
        actor2 = next((a for a in view.actors if _first_id(a) == CIVILIANS), None)
    if _first_id(actor1) == CIVILIANS and action not in CIVILIAN_ACTORS:
        actor1, actor2 = None, actor1  # civilians are whom violence is done to
    if actor1 is None:
        earlier = [
            a
            for a in view.actors
            if a.mention.span.end <= trigger.span.start
            and _first_id(a) != CIVILIANS
            and _root(a) != _root(actor2)
        ]
        backed = [
            a for a in earlier if not _ally_before().search(_prefix(text, a.mention.span.start))
        ]
        earlier = backed or earlier  # "قسد، المدعومة من أمريكا، …": the backed side acts
        actor1 = earlier[-1] if earlier else None  # the subject in an earlier clause
        own_side = [
            a
            for a in view.actors
            if a.mention.span.end <= trigger.span.start
            and actor2 is not None
            and _first_id(a) != CIVILIANS
            and _root(a) == _root(actor2)
            and a.mention.span.start < actor2.mention.span.start
        ]
        if actor1 is None and own_side and action not in CIVILIAN_ACTORS and actor2 is not victim:
            # "شنّت الطائرات التركية … غارات على الشريط الحدودي مع تركيا": the side named as
            # the subject before the act is its doer; the same state after it is no target.
            actor1, actor2 = own_side[-1], None
    if actor1 is None and action in CIVILIAN_ACTORS:
        actor1 = next((a for a in view.actors if _first_id(a) == CIVILIANS), None)
    if actor1 is None:
        # "قتل 20 مدنياً في اقتحام … ثم اقتحام دبابات الجيش": the doer named later in the sentence
        later = [a for a in view.actors if _first_id(a) != CIVILIANS and _root(a) != _root(actor2)]
        actor1 = later[0] if later else None
    if actor1 is None and accused is not None:
        actor1 = accused  # "«هجوم كيميائي» مزعوم تنفيه دمشق": the accused denies it
    if actor1 is None:
        actor1 = _carried_actor(views, view, actor2, text)
    if actor2 is None:
        actor2 = _default_other(views, view, actor1, action, text, allied)
    return actor1, actor2


# Acts done to people: a side named by its people ("جندياً تركياً", "مستشارين إيرانيين",
# extract/persons.py) suffers them unless named as their agent ("برصاص جنود أتراك").
SUFFERED = frozenset(
    {"air_strike", "shelling", "killing", "attack", "explosion", "chemical_attack", "armed_clash"}
    | {"abduction", "arrest"}
)
_LAST_WORD = re.compile(r"\S+\s*$")
_COUNT = re.compile(r"(?:\d+|[\u0621-\u064A]+)\s*$")


def _people(text: str, actor: ResolvedActor) -> bool:
    """The actor is the state of people named right before it, and no agent phrase names
    them: "قتل 33 جندياً تركياً" (not "قتل مدني برصاص جنود أتراك")."""
    if not actor.mention.rule.endswith(PERSONS_MARK):
        return False
    before = _prefix(text, actor.mention.span.start, AGENT_PREFIX_CHARS + 16)
    if " " not in actor.mention.span.text.strip():
        before = _LAST_WORD.sub("", before.rstrip())  # the person noun the adjective qualifies
    if agent_marker().search(before):
        return False
    counted = _COUNT.sub("", before.rstrip())  # "برصاص 3 جنود أتراك": the count between
    return not (counted != before and agent_marker().search(counted))


HARMED_CUES = frozenset({"context:killed", "context:wounded", "context:hurt"})


def _harmed(view: SentenceView, actor: ResolvedActor, text: str) -> bool:
    """People of a side told as killed or wounded in their clause ("قتل 33 جندياً تركياً"), or
    the object of a violent act before them there ("استهدفت مسيرة جنوداً أتراكاً")."""
    if not _people(text, actor):
        return False
    start = actor.mention.span.start
    clause = view.clause_of(start)
    if any(
        m.key in HARMED_CUES and clause.start <= m.span.start < clause.end for m in view.context
    ):
        return True
    return _accusative(text, actor) and any(
        m.key in SUFFERED and clause.start <= m.span.start < start for m in view.triggers
    )


_ACCUSATIVE = re.compile(r"ا[\u064B\u064E]?$")  # "جنوداً", "جنديا": the tanween alif
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


def _accusative(text: str, actor: ResolvedActor) -> bool:
    """The people are named in the accusative ("استهدفت مسيرة جنوداً أتراكاً"): the verb's
    object, not its subject ("هاجم جنود أتراك")."""
    span = actor.mention.span
    words = span.text.split()
    if len(words) > 1:
        return bool(_ACCUSATIVE.search(words[0]))
    noun = _WORD_BEFORE.search(_prefix(text, span.start, 24))
    return noun is not None and bool(_ACCUSATIVE.search(noun.group(1)))


def _victim_of(view: SentenceView, trigger: Mention, text: str) -> ResolvedActor | None:
    """The people's side the act harmed, in the trigger's clause: told as killed or wounded
    there, the accusative object of a violent act, or the genitive right after an action noun
    ("استهداف جنود أتراك"; after a verb they may be its subject: "هاجم جنود أتراك"); the first
    after the trigger, else the last before it. Not people only mentioned near it ("لإرسال
    خبراء روس")."""
    clause = view.clause_of(trigger.span.start)
    t1 = trigger.span.end
    near = [
        a
        for a in view.actors
        if clause.start <= a.mention.span.start < clause.end
        and (
            _harmed(view, a, text)
            or (
                _people(text, a)
                and not _is_verb(trigger)
                and 0 <= a.mention.span.start - t1 <= VSO_WINDOW_CHARS
            )
        )
    ]
    after = [a for a in near if a.mention.span.start >= t1]
    return after[0] if after else (near[-1] if near else None)


HANDED = frozenset({"handover"})
SIEGE_ENDS = frozenset({"siege_lifted"})
BESIEGES = frozenset({"siege_imposed"})
# The besieger after a siege noun: "حصار يفرضه تنظيم داعش", "الحصار المفروض من قبل قوات النظام".
BESIEGER_GAP = re.compile(
    r"^\s+(?:\S+\s+)?(?:[يت]?فرض(?:ه|ها)|(?:ال)?مفروض(?:ة)?\s+(?:من\s+)?(?:قبل|جانب|طرف)?)\s*"
    r"(?:(?:عناصر|مسلحو|مقاتلو)\s+(?:من\s+)?)?[\"'«“]?$"
)
RECIPIENT_BEFORE = re.compile(r"(?:(?:^|\s)(?:إلى|الى|لصالح)\s+|(?<=\s)ل)$")


def _recipient(
    view: SentenceView, trigger: Mention, text: str, giver: ResolvedActor | None
) -> ResolvedActor | None:
    """The first side after a handover named with "إلى"/"لـ" in the trigger's clause."""
    clause = view.clause_of(trigger.span.start)
    for a in view.actors:
        start = a.mention.span.start
        if not (trigger.span.end <= start < clause.end) or _first_id(a) == CIVILIANS:
            continue
        if _root(a) == _root(giver):
            continue
        lam = a.mention.span.text.startswith("لل")  # "للدولة": the span keeps the preposition
        if lam or RECIPIENT_BEFORE.search(_prefix(text, start, 12)):
            return a
    return None


MEDIATED = frozenset({"talks"})  # talks "برعاية روسية" may code the mediator as a side
SPONSOR_WORDS = "sponsor_words.tsv"  # "رعاية", "وساطة", "حضور": not a side of the talks


@cache
def _sponsor_before() -> re.Pattern[str]:
    """A sponsor word, maybe two joined by "و" ("برعاية وضمانة روسية"), and the actor at most
    four words on ("برعاية من مركز تنسيق المصالحة الروسي")."""
    word = phrase_alternation(phrases_of(SPONSOR_WORDS, field="word"))
    return re.compile(
        rf"(?:^|\s)[وب]?{word}(?:\s+و[بل]?{word})?\s+(?:من\s+)?(?:\S+\s+){{0,3}}[\"'«“]?$"
    )


def _not_sponsors(actors: list[ResolvedActor], text: str) -> list[ResolvedActor]:
    sponsor = _sponsor_before()
    return [a for a in actors if not sponsor.search(_prefix(text, a.mention.span.start, 60))]


# Whom an action is done to when the sentence names nobody (codebook §3: civilians are CIV).
# Gas, aid, kidnapping and looting reach people; dev and train gold code them CIV throughout.
VICTIMS_BY_DEFAULT = frozenset(
    {"chemical_attack", "aid_delivery", "abduction", "looting_destruction"}
)
# A strike or killing whose sentence counts dead ("قتلى", "مقتل") with no side named hit civilians.
# Not an explosion: its dead are as often fighters (dev: SDF 3 of 5), and coding them CIV split a
# cross-outlet link on dev (linking 0.468 -> 0.452); an explosion takes the other side instead.
STRIKES = frozenset({"air_strike", "shelling", "killing", "attack"})
# Actions between two sides: with only one side in the sentence, the other is the side the
# report is about. Measured per action on dev and train (scripts/eval_actors.py --by-action).
OPPOSED = frozenset(
    {
        "armed_clash",
        "territory_taken",
        "siege_imposed",
        "siege_lifted",
        "incursion",
        "arrest",
        "explosion",
        "agreement",
        "talks",
        *STRIKES,
    }
)


def _default_other(
    views: list[SentenceView],
    view: SentenceView,
    actor1: ResolvedActor | None,
    action: str,
    text: str = "",
    allied: Allied | None = None,
) -> ResolvedActor | None:
    """actor2 when the sentence names no second actor."""
    if action in VICTIMS_BY_DEFAULT:
        return _civilians(action)
    military = _military_target().search(view.span.text)
    if action in STRIKES and KILLED_CUE in view.context_kinds() and not military:
        return _civilians(action)
    if action in OPPOSED and actor1 is not None:
        return opponent(views, actor1, text, allied)
    return None


KILLED_CUE = "killed"
# A strike on positions, depots or fighters hit an armed side, whoever else it killed ("غارات
# استهدفت مواقع …"): its actor2 is the other side, not civilians. ("مواقع التواصل" is the web.)
MILITARY_TARGETS = "military_targets.tsv"


@cache
def _military_target() -> re.Pattern[str]:
    target = phrase_alternation(phrases_of(MILITARY_TARGETS, "target", field="word"))
    other_sense = phrase_alternation(phrases_of(MILITARY_TARGETS, "other_sense", field="word"))
    return re.compile(rf"(?:^|\s)(?:[وب]?ال)?(?!{other_sense})(?:{target})(?:\s|$)")


def _civilians(action: str) -> ResolvedActor:
    """Civilians by the codebook: no span in the text names them."""
    stub = Mention(MentionKind.ACTOR, Span(0, 0, ""), CIVILIANS, f"codebook.{action}@1")
    return ResolvedActor(stub, (ActorOption(CIVILIANS, CIVILIANS_NAME, None, None),))


# Catalog kinds (the mention rule's ":kind=" mark) of bodies that take no side: the Red
# Crescent, the Red Cross, the civil defence.
NEUTRAL_KINDS = (":kind=ngo", ":kind=intergovernmental")


def opponent(
    views: list[SentenceView],
    actor1: ResolvedActor,
    text: str = "",
    allied: Allied | None = None,
) -> ResolvedActor | None:
    """The armed side the article names most often other than actor1's: a report on a
    battle keeps naming both sides ("قسد" … "التنظيم"), so the other one is the likeliest
    party when a sentence names one. Measured against the nearest such actor: the most named
    wins on dev (0.707 vs 0.667) and train (0.582 vs 0.574). An ally on the report's day is
    never the other side (a Russian strike's other side is not the Syrian army the report also
    names: train actor2 root 0.739 -> 0.753)."""
    own = _root(actor1)
    allies = _allies(views, own, text) if text else set()
    counts: dict[str, int] = {}
    first: dict[str, ResolvedActor] = {}
    for v in views:
        for a in v.actors:
            root = _root(a)
            if root is None or root == own or _first_id(a) == CIVILIANS or root in allies:
                continue
            ids = (_first_id(actor1), _first_id(a))
            if allied is not None and ids[0] and ids[1] and allied(ids[0], ids[1]):
                continue
            if a.mention.rule.endswith(NEUTRAL_KINDS):
                continue  # a relief body is never the other side
            counts[root] = counts.get(root, 0) + 1
            first.setdefault(root, a)
    if not counts:
        return None
    return first[max(counts, key=lambda r: counts[r])]


BACKING_WORDS = "backing_words.tsv"  # "بدعم من", "مسنوداً بـ"; "الموالية لـ"


@cache
def _ally_after() -> re.Pattern[str]:
    """ "والفصائل السورية الموالية لها": a side named with its loyalty to the one before."""
    loyal = phrase_alternation(phrases_of(BACKING_WORDS, "loyal", field="word"))
    return re.compile(rf"^\s+(?:\S+\s+)?(?:ال)?{loyal}\S*\s+ل")


def _allies(views: list[SentenceView], own: str | None, text: str) -> set[str]:
    """Sides the report names together with `own` as one ("القوات التركية والفصائل السورية
    الموالية لها", "قوات النظام المدعومة بمقاتلين من الحرس الثوري"): never its other side."""
    found: set[str] = set()
    for v in views:
        for first, other in zip(v.actors, v.actors[1:], strict=False):
            roots = (_root(first), _root(other))
            if own not in roots or roots[0] == roots[1]:
                continue
            gap = text[first.mention.span.end : other.mention.span.start]
            backed = _ally_before().search(_prefix(text, other.mention.span.start))
            loyal = _ally_after().match(text[other.mention.span.end :]) and len(gap) < 8
            if backed or loyal:
                found |= {r for r in roots if r is not None and r != own}
    return found


PROTESTERS_ACT = frozenset({"protest", "riot"})  # gold: protesters are always civilians (CIV)
CIVILIANS_NAME = "Civilians"


def _outside_places(view: SentenceView, text: str) -> list[ResolvedActor]:
    """The sentence's actors except those inside a place's name: "ريف دمشق" is a place, not the
    government that "دمشق" names on its own; nor a capital named as a place ("قرب العاصمة
    دمشق", "في موسكو", "بدمشق")."""
    spans = [(p.mention.span.start, p.mention.span.end) for p in view.places]
    return [
        a
        for a in view.actors
        if not any(s <= a.mention.span.start and a.mention.span.end <= e for s, e in spans)
        and not _named_as_place(text, a)
    ]


# A one-word name (no article: a city or country, "دمشق", "موسكو") after a place word, a
# preposition of place, the clitic "ب", or a word for bordering is the place, not its
# government.
PLACE_BEFORE_NAME = "place_before_name.tsv"
# a border named by the country beyond it ("المدينة المتاخمة للعراق", "المحاذية لتركيا"): the
# bordering stems take any ending and an optional "ل" before the name
_BORDERING = r"(?:^|\s)(?:ال)?(?:متاخم|محاذي|مجاور)\S*\s+ل?"


@cache
def _place_before() -> re.Pattern[str]:
    words = phrase_alternation(phrases_of(PLACE_BEFORE_NAME, field="word"))
    return re.compile(rf"(?:(?:^|\s){words}\s+|(?<=\s)ب|{_BORDERING})$")


def _named_as_place(text: str, actor: ResolvedActor) -> bool:
    name = actor.mention.span.text
    if " " in name or name.startswith("ال") or _first_id(actor) == CIVILIANS:
        return False
    return bool(_place_before().search(_prefix(text, actor.mention.span.start)))


def _first_not_civilian(*actors: ResolvedActor | None) -> ResolvedActor | None:
    return next((a for a in actors if a is not None and _first_id(a) != CIVILIANS), None)


def _protesters(views: list[SentenceView], view: SentenceView) -> ResolvedActor:
    """Who protests: civilians named in the sentence or earlier ("المتظاهرون"), else civilians
    by the codebook (a demonstration is people's action; no span in the text)."""
    for v in (view, *reversed(views[: view.index])):
        found = next((a for a in v.actors if _first_id(a) == CIVILIANS), None)
        if found is not None:
            return found
    stub = Mention(MentionKind.ACTOR, Span(0, 0, ""), CIVILIANS, "codebook.protest@1")
    return ResolvedActor(stub, (ActorOption(CIVILIANS, CIVILIANS_NAME, None, None),))


SPOKESMAN_WORDS = "spokesman_words.tsv"  # "المتحدث (الرسمي) باسم" before whom they speak for


@cache
def _spokesman_before() -> re.Pattern[str]:
    noun = phrase_alternation(phrases_of(SPOKESMAN_WORDS, "noun", field="word"))
    qualifier = phrase_alternation(phrases_of(SPOKESMAN_WORDS, "qualifier", field="word"))
    return re.compile(rf"{noun}(?:\s+{qualifier})?\s+باسم\s*$")


def _spokesman_of(text: str, actor: ResolvedActor) -> bool:
    return bool(_spokesman_before().search(_prefix(text, actor.mention.span.start, 40)))


def _carried_actor(
    views: list[SentenceView], view: SentenceView, other: ResolvedActor | None, text: str = ""
) -> ResolvedActor | None:
    """The account's doer named in an earlier sentence of the paragraph (not the victim), else
    the doer the article named last before it: a report goes on about the side it introduced;
    else the first doer it names after it. A side named as whose spokesman speaks ("الناطق
    باسم الجيش الحر") is the account's source there, not its doer."""

    # Only the few sentences looked at need their spokesmen's sides dropped: filter lazily.
    def actors_of(i: int) -> list[ResolvedActor]:
        return [a for a in views[i].actors if not _spokesman_of(text, a)]

    for back in range(1, ACTOR_CARRY_SENTENCES + 1):
        i = view.index - back
        if i < 0 or views[i].paragraph != view.paragraph:
            break
        for actor in actors_of(i):
            if _first_id(actor) != CIVILIANS and _root(actor) != _root(other):
                return actor
    for i in range(view.index - 1, -1, -1):
        doers = [a for a in actors_of(i) if _first_id(a) != CIVILIANS]
        doers = [a for a in doers if _root(a) != _root(other)]
        if doers:
            return doers[0]
    for i in range(view.index + 1, len(views)):
        # A report that opens on the toll names the doer only later ("القصف الذي تتعرض له
        # الأحياء" … "استهداف النظام المشافي"): the first doer it names is the account's.
        doers = [a for a in actors_of(i) if _first_id(a) != CIVILIANS and _root(a) != _root(other)]
        if doers:
            return doers[0]
    return None


def _positional_actors(
    view: SentenceView, trigger: Mention, text: str
) -> tuple[ResolvedActor | None, ResolvedActor | None]:
    clause = view.clause_of(trigger.span.start)
    pool = [a for a in view.actors if clause.start <= a.mention.span.start < clause.end]
    if not pool:
        pool = list(view.actors)
    if not pool:
        return None, None
    t0, t1 = trigger.span.start, trigger.span.end
    after_all = [a for a in view.actors if a.mention.span.start >= t1]
    agent = next(
        (
            a
            for a in pool
            if agent_marker().search(_prefix(text, a.mention.span.start))
            and not other_act_between(view, trigger, a, text)
        ),
        None,
    )
    if agent is None:
        agent = _agent_after(view, text, t1)
        if agent is not None and other_act_between(view, trigger, agent, text):
            agent = None
    for again in (m for m in view.triggers if m.key == trigger.key and m.span.start > t1):
        if agent is not None:
            break
        # the act named again later in the sentence with its doer: "هجوم كيميائي على دوما …
        # عن هجوم كيميائي مزعوم شنه الجيش السوري"; not when a side stands between, the act's
        # own subject ("تصدى المقاتلون لهجوم شنته القوات النظامية": the attackers are the other)
        if any(t1 <= a.mention.span.start < again.span.start for a in pool):
            break
        agent = _agent_after(view, text, again.span.end)
    if agent is None:
        # The trigger inside an actor's name: "طائرات حربية تركية استهدفت …", "غارات روسية"
        # — the name is the doer's.
        agent = next(
            (a for a in pool if a.mention.span.start <= t0 and t1 <= a.mention.span.end), None
        )
    besieger = (
        next((a for a in after_all if BESIEGER_GAP.match(text[t1 : a.mention.span.start])), None)
        if trigger.key in SIEGE_ENDS or trigger.key in BESIEGES
        else None
    )
    if besieger is not None and trigger.key in SIEGE_ENDS:
        # "كسر حصار يفرضه داعش": the besieger is whom the siege was broken against (codebook
        # §2: actor2); the breaker is named before ("تمكن الجيش … من كسر").
        breakers = [
            a for a in view.actors if a.mention.span.end <= t0 and _root(a) != _root(besieger)
        ]
        return (breakers[-1] if breakers else None), besieger
    if besieger is not None and agent is None:
        agent = besieger  # "حصار يفرضه داعش على المطار"
    if trigger.key in speech_actions():
        # "نددت بالحصار المفروض من جانب قوات النظام": the agent phrase is the condemned act's.
        agent = None
    if trigger.key == "accusation" and BLAME_PREDICATE.match(trigger.span.text):
        # "قال X إن النظام هو المسؤول عن المجزرة": the subject of the predicate is the accused
        # (actor2); the accuser is the side named before it, if any
        named = [a for a in pool if a.mention.span.end <= t0]
        accused = named[-1] if named else None
        accusers = [a for a in named[:-1] if _root(a) != _root(accused)]
        return (accusers[-1] if accusers else None), accused
    after = [a for a in pool if a.mention.span.start >= t1]
    before = [a for a in pool if a.mention.span.end <= t0]
    between = after and re.search(r"بين\s", text[t1 : after[0].mention.span.start])
    # A trigger phrase ending in its preposition ("القبض على") makes what follows its object.
    object_next = bool(TRIGGER_PREPOSITION.search(trigger.span.text))
    if agent is None and after and not _is_verb(trigger) and not object_next:
        agent = _noun_agent(text, t1, after[0]) or _nationality_after(text, t1, after[0])
    genitive = bool(after) and re.fullmatch(r"\S*\s+", text[t1 : after[0].mention.span.start])
    if agent is None and genitive and not _is_verb(trigger) and trigger.key in LEAVING:
        agent = after[0]  # "بعد انسحاب قوات النظام منها": who leaves is the noun's genitive
    if (
        agent is None
        and after
        and trigger.key in LEAVING
        and (
            _partitive().search(text[t1 : after[0].mention.span.start])
            or (
                BATCH.search(trigger.span.text)
                and BATCH_OF.match(text[t1 : after[0].mention.span.start])
            )
        )
    ):
        agent = after[0]  # "مغادرة المئات من مقاتلي المعارضة": those who leave
    if (
        agent is None
        and after
        and trigger.key in LEAVING
        and not _is_verb(trigger)
        and _remnant().match(text[t1 : after[0].mention.span.start])
    ):
        agent = after[0]  # "بعد مغادرة آخر فلول مقاتلي داعش المدينة": the noun's genitive leaves
    # A backer named before the trigger is not its doer: "أعلنت قسد، المدعومة من أمريكا، طرد
    # داعش" (the backed side is; see _ally_before).
    unbacked = [a for a in before if not _ally_before().search(_prefix(text, a.mention.span.start))]
    before = unbacked or before
    if trigger.key in TAKEN and _patient_first().match(trigger.span.text) and agent is None:
        actor1 = before[-1] if before else None  # "طرد X": X is the side driven out
        rest = [a for a in after if _root(a) != _root(actor1)]
        return actor1, (rest[0] if rest else None)
    if agent is None and between and len(after) > 1:
        return after[0], after[1]  # "اشتباكات بين X و Y": X acts, Y is the other party
    actor1 = agent
    if actor1 is None and before and _SUBJECT_GAP.match(text[before[-1].mention.span.end : t0]):
        actor1 = before[-1]  # subject–verb order: "قسد سلّمت النظام …"
    subject_after = (
        after
        and not object_next
        and (
            (
                after[0].mention.span.start - t1 <= VSO_WINDOW_CHARS
                and not _object_marked(text, after[0].mention.span.start)
                and not GAP_PREPOSITION.search(text[t1 : after[0].mention.span.start])
            )
            or _unit_of(text[t1 : after[0].mention.span.start])
        )
    )
    if actor1 is None and _is_verb(trigger) and subject_after and not _plural_verb(text, trigger):
        actor1 = after[0]  # verb–subject order: "سيطرت قوات النظام على …"
    if actor1 is None and not _is_verb(trigger) and POSSESSIVE.search(trigger.span.text):
        # "بعد ساعات من سيطرتها": the noun's own pronoun names the sentence's first-named side.
        first = [a for a in view.actors if a.mention.span.end <= t0 and _first_id(a) != CIVILIANS]
        actor1 = first[0] if first else None
    if actor1 is None and before:
        actor1 = before[-1]  # subject first, or a noun's doer named before it
        if _is_verb(trigger):
            # A verb with no subject of its own continues the clause's first-named side, not
            # the object named last: "سلّمت قسد النظام المخابز بعد أن سيطرت عليها" → قسد.
            actor1 = before[0]
    partner = _conjoined_before(text, before, actor1)
    if partner is not None and trigger.key in two_sided_actions():
        return partner, actor1  # "عقد النظام وقسد اتفاقاً": the two conjuncts are the parties
    if actor1 is not None and before and actor1 is before[-1]:
        actor1 = _head(text, before)
    if actor1 is None and subject_after:
        actor1 = after[0]  # "قصف الطائرات", "سيطرة قسد": the doer follows the noun
    rest = [
        a
        for a in after
        if a is not actor1
        and _root(a) != _root(actor1)
        and not _conjoined(text, actor1, a)
        and not _ally_before().search(_prefix(text, a.mention.span.start))
    ]
    actor2 = rest[0] if rest else None
    if trigger.key in two_sided_actions() and actor1 is not None:
        partners = [
            a
            for a in after
            if a is not actor1 and _root(a) != _root(actor1) and _conjoined(text, actor1, a)
        ]
        if partners:
            actor2 = partners[0]  # "اتفاق جمع النظام والمعارضة": the two conjuncts are the parties
    if actor2 is None and actor1 is not None and actor1.mention.span.start >= t1 and before:
        victim = before[-1]  # "قتل مستشارون للحرس الإيراني في الغارة الإسرائيلية"
        if _root(victim) != _root(actor1) and not agent_marker().search(
            _prefix(text, victim.mention.span.start)
        ):
            actor2 = victim
    return actor1, actor2


# Actions whose doer is whoever moves; a count "of" an actor names members of it.
LEAVING = frozenset({"withdrawal"})
PARTITIVE_WORDS = "partitive_words.tsv"  # "المئات من", "الدفعة الأولى من"


@cache
def _partitive() -> re.Pattern[str]:
    count = phrase_alternation(phrases_of(PARTITIVE_WORDS, "count", field="word"))
    batch = phrase_alternation(phrases_of(PARTITIVE_WORDS, "batch", field="word"))
    return re.compile(
        rf"^\S*\s+(?:\S+\s+){{0,2}}?(?:{count}|\d+\s+\S+)\s+من\s*$"
        # a batch or convoy of them: "خرجت الدفعة الأولى من مقاتلي المعارضة"
        rf"|^\S*\s+(?:\S+\s+){{0,2}}?(?:ال)?{batch}(?:\s+\S+)?\s+من\s*$"
    )


@cache
def _remnant() -> re.Pattern[str]:
    """Between a leaving noun and its genitive: the last of a force or its members, chained."""
    remnant = phrase_alternation(phrases_of(PARTITIVE_WORDS, "remnant", field="word"))
    return re.compile(rf"^\S*\s+(?:(?:{remnant})\s+){{1,3}}$")


# The trigger is itself the batch ("الدفعة الأولى", "دفعة جديدة"): "من" names who it is of.
BATCH = re.compile(r"دفع[ةه]")
BATCH_OF = re.compile(r"^\s+من\s*$")


# A verb that carries its plural subject ("حاصروا", "يحاصرون") is not followed by it: a verb
# before its subject stays singular, so the actor after it is the object ("الجيش وحلفاؤه حاصروا
# تنظيم داعش").
PLURAL_SUBJECT = re.compile(r"(?:وا|ون)$")


def whole_word(text: str, start: int, end: int) -> str:
    """The whole word holding text[start:end] (clitics and endings included)."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _plural_verb(text: str, trigger: Mention) -> bool:
    word = whole_word(text, trigger.span.start, trigger.span.end)
    return _is_verb(trigger) and bool(PLURAL_SUBJECT.search(word))


def other_act_between(
    view: SentenceView, trigger: Mention, actor: ResolvedActor, text: str
) -> bool:
    """Another action's trigger stands between this one and the actor named after it: "من قبل
    X" is that act's agent ("مغادرة المقاتلين من حمص المحاصرة من قبل القوات الحكومية"). Not a
    verb conjoined to this one, which shares its agent ("قتل أربعة وجرح العشرات على أيدي")."""
    start = actor.mention.span.start
    return any(
        m.key != trigger.key
        and not (m.key or "").startswith("context:")
        and trigger.span.end <= m.span.start
        and m.span.end <= start
        and not (_is_verb(m) and whole_word(text, m.span.start, m.span.end).startswith("و"))
        # the act's own means right before its doer ("قتل عنصران برصاص مسلحين"): no other act
        and text[m.span.end : start].strip(" \"'«“(") != ""
        for m in view.triggers
    )


def _agent_after(view: SentenceView, text: str, t1: int) -> ResolvedActor | None:
    """The doer named after the trigger in the same sentence by a relative verb ("نفذه X")
    or by "من قبل X" past a comma ("اغتيل القيادي …، من قبل مجموعة مجهولة")."""
    passed = False  # an actor between: a relative verb after it is a later noun's
    for a in sorted(view.actors, key=lambda a: a.mention.span.start):
        start = a.mention.span.start
        if start < t1 or start - t1 > DOER_AFTER_CHARS:
            continue
        relative = not passed and DOER_AFTER.match(text[t1:start])
        if relative or agent_marker().search(_prefix(text, start)):
            return a
        passed = True  # "تصدى المقاتلون لهجوم شنته القوات النظامية": not the fighters' act
    return None


# A nationality adjective agreeing with a verbal noun names its doer: "الغارة الإسرائيلية",
# "القصف الجوي الروسي" (one more adjective may stand between).
NATIONALITY_WORD = re.compile(r"^(?:ال)?\S+(?:ي|ية|يه)$")
ADJECTIVE_GAP = re.compile(r"^\S*\s+(?:(?:ال)?\S+(?:ي|ية|يه)\s+)?$")


def _nationality_after(text: str, t1: int, first_after: ResolvedActor) -> ResolvedActor | None:
    if _first_id(first_after) == CIVILIANS:
        return None
    if not NATIONALITY_WORD.match(first_after.mention.span.text):
        return None
    return first_after if ADJECTIVE_GAP.match(text[t1 : first_after.mention.span.start]) else None


# What links an actor to the one named before it as its part or helper: "الجيش السوري والقوات
# الرديفة", "وحدات الجيش بالتعاون مع اللجان الشعبية", "قوى الأمن الداخلي التابعة لقسد", or the
# same actor named again ("قوات سوريا الديمقراطية \"قسد\"").
HEAD_GAP = re.compile(
    r"^[\s،,\"'«»“”()]*(?:و|بالتعاون\s+مع|بمساندة|بمؤازرة|بدعم\s+من|مدعوم(?:ة|ين)?\s+(?:ب|من)"
    r"|(?:ال)?(?:تابع|موالي)(?:ة|ه|ين)?\s+ل)?[\s\"'«»“”()]*$"
)


def _head(text: str, before: list[ResolvedActor]) -> ResolvedActor:
    """The first-named of a chain of one side's actors ending right before the trigger: the
    codebook codes the main actor ("الجيش السوري واللجان الشعبية" → the army) and the most
    specific one ("قوى الأمن الداخلي التابعة لقسد" → Asayish, not the SDF; a unit of the main
    actor named with it)."""
    chain = [before[-1]]
    for prev in reversed(before[:-1]):
        gap = text[prev.mention.span.end : chain[-1].mention.span.start]
        if _root(prev) != _root(chain[-1]) or not HEAD_GAP.match(gap):
            break
        chain.append(prev)
    head = chain[-1]
    # A unit of the head named with it is the more specific code ("قوات النظام والفرقة الرابعة"
    # → the 4th Division); an ally is not a unit ("الجيش واللجان الشعبية" → the army).
    head_id = _first_id(head) or ""
    units = [a for a in chain if (_first_id(a) or "").startswith(head_id + "_")]
    return units[0] if units else head


# An actor named as the doer's backer is on its side, not the other party: "مسنوداً بقوات من
# الجيش التركي", "المدعومة بمقاتلين من الحرس الثوري", "بدعم من التحالف الدولي".


@cache
def _ally_before() -> re.Pattern[str]:
    backer = phrase_alternation(phrases_of(BACKING_WORDS, "backer", field="word"))
    force = phrase_alternation(phrases_of(BACKING_WORDS, "force", field="word"))
    return re.compile(rf"{backer}\S*\s+(?:من\s+)?(?:ب?{force}\s+(?:من\s+)?)?[\"'«“]?$")


POSSESSIVE = re.compile(r"(?:ها|هم|هما|ه)$")  # a pronoun suffix on a verbal noun: "سيطرتها"
# "قصف للنظام وروسيا": both do it, neither suffers it; a word for its forces may stand between
# ("قوات النظام و ميليشيات حزب الله").
CONJOINED_FORCES = "conjoined_forces.tsv"


@cache
def _conjoined_forces() -> re.Pattern[str]:
    """ "قصف للنظام وروسيا", "قوات النظام و ميليشيات حزب الله": "و", maybe a word for forces."""
    forces = phrase_alternation(phrases_of(CONJOINED_FORCES, field="word"))
    return re.compile(rf"^[\s،,]*و\s*(?:(?:ال)?{forces}\s+)?$")


# A preposition word between a noun trigger and the actor makes the actor its object, whatever
# else stands between: "اشتباكات مع تنظيم \"الدولة\"", "السيطرة على المدينة وانسحاب داعش".
GAP_PREPOSITION = re.compile(r"(?:^|\s)(?:مع|ضد|على|عن|بين|إلى|الى|في)\s")


def joint_doers(view: SentenceView, text: str, actor: ResolvedActor | None) -> list[ResolvedActor]:
    """The actors named with `actor` as one subject, in the text's order: the chain joined by و
    around it ("قوات النظام وميليشيا حزب الله تسيطران على …", CONJOINED), civilians left out."""
    if actor is None:
        return []
    ordered = sorted(
        (a for a in view.actors if _first_id(a) != CIVILIANS), key=lambda a: a.mention.span.start
    )
    index = next((i for i, a in enumerate(ordered) if a is actor), None)
    if index is None:
        return [actor]
    low = high = index
    while low > 0 and _conjoined(text, ordered[low - 1], ordered[low]):
        low -= 1
    while high + 1 < len(ordered) and _conjoined(text, ordered[high], ordered[high + 1]):
        high += 1
    return ordered[low : high + 1]


def subject_of(text: str, trigger: Mention, chain: list[ResolvedActor]) -> bool:
    """The chain is the verb's subject: right before it ("قسد والجيش سيطرا") or right after it
    with no preposition between ("تحاصر قوات النظام وحزب الله المدينة")."""
    first, last = chain[0].mention.span, chain[-1].mention.span
    if last.end <= trigger.span.start:
        return bool(_SUBJECT_GAP.match(text[last.end : trigger.span.start]))
    gap = text[trigger.span.end : first.start]
    return (
        first.start >= trigger.span.end
        and first.start - trigger.span.end <= VSO_WINDOW_CHARS
        and not OBJECT_MARKERS.search(_prefix(text, first.start, 8))
        and not GAP_PREPOSITION.search(gap)
    )


def joint_party(text: str, actor: ResolvedActor) -> bool:
    """An actor that may be a co-doer of its own: not a relief body, nor named as loyal to or
    backed by the one before it ("والفصائل السورية الموالية لها")."""
    if actor.mention.rule.endswith(NEUTRAL_KINDS):
        return False
    after = text[actor.mention.span.end :]
    return not _ally_after().match(after) and not _ally_before().search(
        _prefix(text, actor.mention.span.start)
    )


def _conjoined_before(
    text: str, before: list[ResolvedActor], actor1: ResolvedActor | None
) -> ResolvedActor | None:
    """The actor named first in "X و Y" when Y is the subject picked before the trigger."""
    if actor1 is None or len(before) < 2 or before[-1] is not actor1:
        return None
    first = before[-2]
    if _root(first) == _root(actor1) or not _conjoined(text, first, actor1):
        return None
    return first


def _conjoined(text: str, first: ResolvedActor | None, other: ResolvedActor) -> bool:
    if first is None or other.mention.span.start < first.mention.span.end:
        return False
    return bool(_conjoined_forces().match(text[first.mention.span.end : other.mention.span.start]))


def _noun_agent(text: str, trigger_end: int, first_after: ResolvedActor) -> ResolvedActor | None:
    """The actor right after a verbal noun with "لـ" and at most two words between."""
    start = first_after.mention.span.start
    if start - trigger_end > NOUN_AGENT_CHARS:
        return None
    gap = text[trigger_end:start]
    if first_after.mention.span.text.startswith("لل"):
        gap += "ل"  # "قصف للنظام": the span keeps the preposition with the article's lam
    return first_after if NOUN_AGENT_GAP.match(gap) else None


def _object_marked(text: str, start: int) -> bool:
    """A preposition right before the actor makes it an object, unless the "لـ" is one of
    belonging after an unnamed group: "هاجمت خلايا تابعة لتنظيم داعش" (the group acts)."""
    if not OBJECT_MARKERS.search(_prefix(text, start, 8)):
        return False
    return not _affiliated_lam().search(_prefix(text, start, AGENT_PREFIX_CHARS))


@cache
def _affiliated_lam() -> re.Pattern[str]:
    """The words of belonging (affiliation_words.tsv) ending in "لـ", with or without "ال"."""
    words = [
        w[2:] if w.startswith("ال") else w for w in phrases_of(AFFILIATION_WORDS, field="word")
    ]
    lams = tuple(w for w in words if w.endswith(" ل"))
    return re.compile(rf"(?:^|\s)(?:ال)?{phrase_alternation(lams)}ـ?$")


NOUN_AGENT_CHARS = 20
TAKEN = frozenset({"territory_taken"})  # "إخراج X" of a withdrawal: X is who leaves (actor1)


def _root(actor: ResolvedActor | None) -> str | None:
    if actor is None or not actor.options:
        return None
    return actor.options[0].id.split("_")[0]


def _future_prefix(text: str, start: int) -> bool:
    """The letters before a present-tense trigger in its word end with the future "س"."""
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    prefix = text[word_start:start]
    return prefix.endswith("س") and len(prefix) <= 3 and text[start : start + 1] in "يتن"


FUTURE_VERB_GAP = re.compile(r"^\s+(?:\S+\s+)?$")  # the verb, then at most one word


def _future_verb_before(view: SentenceView, trigger: Mention, text: str) -> bool:
    """A noun whose verb, just before it, carries the future "س": "ستدخل قافلة مساعدات",
    "ستصل قافلة" (the noun is the verb's subject or object; the verb is a trigger)."""
    if _is_verb(trigger):
        return False
    clause = view.clause_of(trigger.span.start)
    return any(
        _is_verb(m)
        and clause.start <= m.span.start
        and m.span.end <= trigger.span.start
        and _future_prefix(text, m.span.start)
        and FUTURE_VERB_GAP.match(text[_word_end(text, m.span.end) : trigger.span.start])
        for m in view.triggers
    )


def _word_end(text: str, end: int) -> int:
    while end < len(text) and text[end].isalpha():
        end += 1
    return end


def pick_status(view: SentenceView, trigger: Mention, action: str, text: str) -> tuple[str, int]:
    """The status and, for a denial, where its cue ends (the denier follows it). "terms" marks
    an action that is only a term of a deal ("اتفاق يقضي بـ…"): the deal's record tells it."""
    t0 = trigger.span.start
    clause = view.clause_of(t0)
    for m in view.status:
        if action in speech_actions():
            break  # an accusation called fabricated was still made: the denial is of its content
        if m.key == "denial" and m.span.start < t0 and m.span.start >= view.span.start:
            return "denied", m.span.end
        if m.key == "denial" and clause.start <= m.span.start < clause.end:
            return "denied", m.span.end
    for m in view.status:
        if m.key == "negation" and 0 <= t0 - m.span.end <= NEGATION_WINDOW_CHARS:
            if _outcome_negated(text[m.span.end : t0]):
                continue
            return "negated", -1
        if _refused(view, trigger, m) or _none_of(view, trigger, m, text):
            return "negated", -1
    if action in {"agreement", "talks"}:
        return "occurred", -1
    if _future_prefix(text, t0) or _future_verb_before(view, trigger, text):
        return "planned", -1  # "سيغادرون", "وستنسحب": the future particle on the verb
    for m in view.status:
        if m.key in {"planned", "terms"} and 0 <= t0 - m.span.end <= STATUS_WINDOW_CHARS:
            if _people_past_act(view, trigger, m.span.end) or _described_by(text, trigger):
                continue
            return m.key, -1
    if not _is_verb(trigger):
        for m in view.status:
            # "القافلة المرتقبة": the adjective follows the noun it puts in the future
            if (
                m.key == "prospective"
                and 0 <= m.span.start - trigger.span.end <= PROSPECTIVE_GAP_CHARS
            ):
                return "planned", -1
    return "occurred", -1


# "أي" right before the act: "any", which a negation earlier in its clause makes "none"
_ANY = re.compile(r"(?:^|\s)[أا]ي[\s\u064b-\u0652]*$")


def _none_of(view: SentenceView, trigger: Mention, cue: Mention, text: str) -> bool:
    """ "ولم تشهد مدينة حلب أي اشتباكات", "دون تسجيل أي خروقات": no such act happened."""
    if cue.key != "negation" or not 0 <= trigger.span.start - cue.span.end <= STATUS_WINDOW_CHARS:
        return False
    clause = view.clause_of(cue.span.start)
    if not clause.start <= trigger.span.start < clause.end:
        return False
    if _outcome_negated(text[cue.span.end : trigger.span.start]):
        return False
    return bool(_ANY.search(text[max(cue.span.end, trigger.span.start - 6) : trigger.span.start]))


def _refused(view: SentenceView, trigger: Mention, cue: Mention) -> bool:
    """A verb of refusing governs the first act after it, its subject maybe between."""
    if cue.key != "negation" or normalize_key(cue.span.text) not in words_of("refusal_verbs.tsv"):
        return False
    if not 0 <= trigger.span.start - cue.span.end <= STATUS_WINDOW_CHARS:
        return False
    clause = view.clause_of(cue.span.start)
    if not clause.start <= trigger.span.start < clause.end:
        return False  # "رفضت أوامر النظام، ومنعت دخول الطحين": the next clause is done
    return not any(cue.span.end <= t.span.start < trigger.span.start for t in view.triggers)


def _outcome_negated(gap: str) -> bool:
    """The negated verb is one of outcome ("لم يسفر القصف عن…"): its subject, the act, happened.
    Or one of continuing ("لا تزال المنطقة تشهد قتالاً"): "still", the act goes on."""
    words = gap.split()
    if not words:
        return False
    # "لا تزال المنطقة تشهد قتالاً": a negated verb of continuing says "still"; the act goes on
    first = normalize_key(words[0])
    return first in words_of("outcome_verbs.tsv") or first in words_of("continuity_verbs.tsv")


# A relative pronoun right before a verb: the act describes the noun before it ("أوامر للفرقة
# الرابعة التي تطوق أحياء الشيخ مقصود"): what it is doing, not what the order asks.
RELATIVE_BEFORE = re.compile(r"(?:^|\s)و?(?:التي|الذي|الذين|اللتين|اللذين|اللتان|اللذان)\s+$")


def _described_by(text: str, trigger: Mention) -> bool:
    if not trigger.rule.endswith(":present:verb"):
        return False
    word_start = trigger.span.start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return RELATIVE_BEFORE.search(text[max(0, word_start - 12) : word_start]) is not None


def _people_past_act(view: SentenceView, trigger: Mention, cue_end: int) -> bool:
    """A trigger that names people ("المتظاهرين", "النازحين", an actor too) who already act:
    after another act the cue governs ("أمر عناصره بإطلاق النار على المتظاهرين") they are
    that act's object, not planned themselves."""
    span = trigger.span
    if not any(
        a.mention.span.start <= span.start and span.end <= a.mention.span.end for a in view.actors
    ):
        return False
    return any(cue_end <= t.span.start < trigger.span.start for t in view.triggers)


# "توغلت قوة من الجيش الإسرائيلي": a unit of a force, then "من", then the force (a word such as
# "كبيرة" may follow the unit).
_UNIT_GAP = re.compile(r"^\S*\s+[وف]?(?:ال)?(\S+)(?:\s+\S+)?\s+من\s+(?:ال)?$")


def _unit_of(gap: str) -> bool:
    """The words between an act and the actor after it name a part of that actor's force."""
    match = _UNIT_GAP.match(gap)
    return match is not None and normalize_key(match.group(1)) in words_of("force_units.tsv")
