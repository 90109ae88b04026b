"""Where an event happened: the places of its clause, one record per conjoined place, else
carried from the account (codebook §4)."""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache

from marsad.classify.background import in_cause
from marsad.classify.view import SentenceView
from marsad.model import Mention, ResolvedPlace, Span
from marsad.text.lexicon import phrase_alternation, phrases_of, words_of
from marsad.text.normalize import normalize_key, normalize_word

MAX_PLACES_PER_EVENT = 4  # more conjoined names than this are a list of the whole area
MAX_PLACE_CARRY = 2


def _finest(places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    if not places:
        return places
    best = min(p.ref.geo_precision for p in places)
    seen: set[str] = set()
    out = []
    for p in places:
        gid = p.ref.place.gazetteer_id
        if p.ref.geo_precision == best and gid not in seen:
            seen.add(gid)
            out.append(p)
    return out


_LIST_GAP = re.compile(
    r"^[\s\"'«»()]*(?:[,،][\s\"'«»()]*(?:و|أو|او)?|و|أو|او)\s*(?:[\u0621-\u064A]+\s+)?$"
)
MAX_LIST_GAP_CHARS = 14  # "، و", "و حي", "ومدينة": conjoined places sit this close


def _conjoined(text: str, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """The first place and those joined to it by "و" / "،" (one record per place, §1)."""
    chain = [places[0]]
    for nxt in places[1:]:
        gap = text[chain[-1].mention.span.end : nxt.mention.span.start]
        if len(gap) > MAX_LIST_GAP_CHARS or not _LIST_GAP.match(gap):
            break
        chain.append(nxt)
    return chain


# "إلى مدينة حمص", "في اتجاه دمشق", "باتجاه البساتين وبلدتي الضبعة": the direction word and
# at most two words (a place word, a first destination and "و") before the place
DIRECTION_WORDS = "direction_words.tsv"


@cache
def _destination() -> re.Pattern[str]:
    words = phrase_alternation(phrases_of(DIRECTION_WORDS, field="word"))
    return re.compile(rf"{words}\s+(?:[\u0621-\u064A]+\s+){{0,2}}$")


DESTINATION_WINDOW_CHARS = 40
LEAVING_ACTIONS = frozenset({"withdrawal", "displacement"})
HOME_COUNTRY = "SY"
# Actions that may happen abroad and take a place lent from another sentence there: talks, deals
# and speech (Astana, Sochi); the others are lent only Syrian places.
ABROAD_ACTIONS = frozenset({"talks", "agreement", "accusation", "condemnation", "demand", "threat"})
# A deal and the handovers it orders belong to the place they settle, not to where the fighters
# it sends away are going ("اتفاق يقضي بخروج المقاتلين من X إلى Y" is a deal at X). Talks are
# not among them: envoys meet where they arrive ("وصلوا إلى حمص واجتمعوا", train).
DEAL_ACTIONS = frozenset({"agreement", "handover"})


def _is_destination(text: str, place: ResolvedPlace) -> bool:
    start = place.mention.span.start
    return _destination().search(text[max(0, start - DESTINATION_WINDOW_CHARS) : start]) is not None


def _origins(text: str, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """The places of `places` that are not where someone is sent (by span start); a place
    joined by "و" / "،" to a destination is one too ("باتجاه بلدتي الضبعة والبويضة")."""
    ordered = sorted(places, key=lambda p: p.mention.span.start)
    sent: set[int] = set()
    for prev, cur in zip([None, *ordered], ordered, strict=False):
        joined = prev is not None and id(prev) in sent and _joined(text, prev, cur)
        if joined or _is_destination(text, cur):
            sent.add(id(cur))
    return [p for p in places if id(p) not in sent]


def _joined(text: str, prev: ResolvedPlace, cur: ResolvedPlace) -> bool:
    gap = text[prev.mention.span.end : cur.mention.span.start]
    return len(gap) <= MAX_LIST_GAP_CHARS and _LIST_GAP.match(gap) is not None


def _building_places(view: SentenceView, trigger: Mention) -> list[ResolvedPlace]:
    """For a building taken and referred to by a pronoun, the places named with the building."""
    buildings = [
        m.span.end
        for m in view.context
        if m.key == "context:building" and m.span.end <= trigger.span.start
    ]
    if not buildings:
        return []
    first = min(buildings)
    return [p for p in view.places if first <= p.mention.span.start < trigger.span.start][:1]


REFERENCE_MARK = ":ref"  # rule mark from extract: "قرب X", "بالقرب من X" (a reference point)
QUALIFIER_GAP_CHARS = 16  # "حي الوعر بمدينة حمص", "مضايا في ريف دمشق"
REFERENCE_GAP_CHARS = 40  # "حرستا المحاصرة في الغوطة الشرقية، قرب العاصمة السورية دمشق"
# How coarse a place of each kind is: a coarser place right after a finer one locates it.
_COARSENESS = {
    "neighbourhood": 0,
    "camp": 0,
    "landmark": 0,
    "airport": 0,
    "crossing": 0,
    "village": 1,
    "town": 1,
    "city": 2,
    "subdistrict": 3,
    "district": 3,
    "area": 3,
    "governorate": 4,
    "region": 4,
}
_CONJUNCTION = re.compile(r"(?:^|[\s،,])(?:و(?!سط)|أو|او)")


def _locates(coarse: ResolvedPlace, fine: ResolvedPlace) -> bool:
    a, b = coarse.ref.place, fine.ref.place
    if a.country != b.country or (a.admin1 and b.admin1 and a.admin1 != b.admin1):
        return False
    return _coarseness(coarse) > _coarseness(fine)


def _coarseness(place: ResolvedPlace) -> int:
    # a site coded at its town ("المشفى الوطني في مدينة الرقة") is as fine as a landmark
    if place.ref.site is not None:
        return _COARSENESS["landmark"]
    return _COARSENESS.get(place.ref.place.kind, 1)


def _qualifiers(text: str, places: list[ResolvedPlace]) -> set[int]:
    """Places that only locate the place before them ("حي الوعر بمدينة حمص", "الغوطة الشرقية
    قرب دمشق"): the event is at the place they qualify, not at them (by span start)."""
    return {
        cur.mention.span.start
        for prev, cur in itertools.pairwise(places)
        if _qualifies(text[prev.mention.span.end : cur.mention.span.start], prev, cur)
    }


# "أن" / "إن" opening what someone says: a place before it is the speaker's
_REPORTED_CLAUSE = re.compile(r"(?:^|\s)(?:ب|و)?(?:أن|إن|ان)(?:\s|$)")


def _qualifies(gap: str, prev: ResolvedPlace, cur: ResolvedPlace) -> bool:
    if "." in gap or "\n" in gap:
        return False
    if REFERENCE_MARK in cur.mention.rule:
        # "قرب X" locates the place before, unless that place is an area around X, lies in
        # another country or is told in another clause ("نقلت وكالة من بيروت أن طائرات قصفت
        # مواقع قرب مطار المزة": the agency's seat is not near the airport)
        return (
            len(gap) <= REFERENCE_GAP_CHARS
            and not _locates(prev, cur)
            and prev.ref.place.country == cur.ref.place.country
            and _REPORTED_CLAUSE.search(gap) is None
        )
    return len(gap) <= QUALIFIER_GAP_CHARS and not _CONJUNCTION.search(gap) and _locates(cur, prev)


# Words that open a list of the places an action struck ("استهدفت مواقع في كلٍ من X وY",
# "العديد من المناطق، منها: X، Y", "شملت X وY"): every place named after them is one record.
_LIST_OPENER = re.compile(r"(?:كل[ٍّ]*\s+من|منها\s*:|شملت|وشملت)")
MAX_LISTED_PLACES = 12
# Actions told of a list of struck or demonstrating places. Others (a take-over, talks) name
# lists of what is held or who took part: measured, they only multiply false records.
# A siege told after the places it holds ("إدخال الطحين إلى حيي الشيخ مقصود والأشرفية، بعد حصار
# دام 46 يوماً"): one record per place of the list named before it (dev action F1 0.812 ->
# 0.814, attribution 0.876 -> 0.877; train unchanged). For aid and blockades dev attribution
# fell; for strikes and clashes dev and train fell.
CHAINED_BEFORE_ACTIONS = frozenset({"siege_imposed", "siege_lifted"})
LIST_ACTIONS = frozenset(
    {"air_strike", "shelling", "chemical_attack", "explosion", "armed_clash", "attack", "protest"}
)


# Words that add places to those already named: "خرج المئات في حلب، كما في مدن تلبيسة ودرعا".
_ALSO_OPENER = re.compile(r"(?:^|\s)(?:و?كما|و?كذلك|و?أيضا[ً]?)\s+(?:في|ب)")


def _listed(
    text: str,
    view: SentenceView,
    trigger: Mention,
    heads: list[ResolvedPlace],
    opener_re: re.Pattern[str] = _LIST_OPENER,
) -> list[ResolvedPlace]:
    """The places of a list that follows the trigger in its sentence (one record each, §1)."""
    after = text[trigger.span.end : view.span.end]
    opener = opener_re.search(after)
    if opener is None:
        return []
    start = trigger.span.end + opener.end()
    seen: set[str] = set()
    out = []
    for p in heads:
        gid = p.ref.place.gazetteer_id
        if p.mention.span.start >= start and gid not in seen:
            seen.add(gid)
            out.append(p)
    return out[:MAX_LISTED_PLACES]


# A dateline: the place the report was filed from, at the start of a line or sentence and
# followed by a dash or an agency in brackets ("دمشق - ", "دمشق (أ ف ب)"): the place of the
# writer, never of the event.
_LINE_START = re.compile(r"(?:^|[\n.!?؟])[\s\"'«»“”]*$")
_DATELINE_END = re.compile(r"^\s*(?:\([^()\n]{1,25}\)\s*[-–—:]?|[-–—:])")


def _not_datelines(text: str, places: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """Places of events: not a dateline, not the place in an office's title ("محافظ حمص"), a
    street's name ("شارع تل أبيض") or a time zone ("بتوقيت دمشق"), not where a force is
    stationed."""
    spans = tuple((p.mention.span.start, p.mention.span.end) for p in places)
    keep = _event_place_flags(text, spans)
    return [p for p, k in zip(places, keep, strict=True) if k]


@lru_cache(maxsize=512)
def _event_place_flags(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[bool, ...]:
    """Per place span, whether it can be an event's place. Cached: every trigger of a sentence
    asks about the same places."""
    return tuple(
        not (
            _LINE_START.search(text[max(0, start - 40) : start])
            and _DATELINE_END.match(text[end : end + 30])
        )
        and not _office(text, start)
        and not _street(text, start)
        and not _time_zone(text, start)
        and not _stationed(text, start, spans)
        for start, end in spans
    )


STATIONED_WINDOW_CHARS = 60  # "المتمركزة على الشريط الحدودي بين ولايتي كيلس وهاتاي"


def _stationed(text: str, start: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """The place where a force stands ("المدفعية المتمركزة في X"): the first place (with those
    joined to it) after a stationed word in the same phrase; a later place ("قرى في منطقة Y")
    is where the force acts."""
    window_start = max(0, start - STATIONED_WINDOW_CHARS)
    before = text[window_start:start]
    phrase_start = window_start + max(before.rfind(c) for c in "،,.;:\n") + 1
    words = words_of("stationed_words.tsv")
    found = None
    for m in re.finditer(r"\S+", text[phrase_start:start]):
        if normalize_word(m.group()).removeprefix("و") in words:
            found = phrase_start + m.end()
    if found is None:
        return False
    chain_start = start
    for q_start, q_end in reversed([q for q in spans if found <= q[0] < start]):
        if not _LIST_GAP.match(text[q_end:chain_start]):
            return False  # another place stands between: that one is where the force is
        chain_start = q_start
    return True


# A road named after the towns it joins ("على طريق حلب – دمشق", "الطريق الواصل بين مدينتي حلب
# ومنبج"): the towns name the road, they are not where on it the event happened (codebook §4).
# The first town follows a road word (with a linking phrase); the other end follows it after a
# dash, "و" or "إلى".
ROAD_WORDS = "road_words.tsv"  # "طريق", "أوتوستراد"; "الواصل بين"


@cache
def _road_opener() -> re.Pattern[str]:
    road = phrase_alternation(phrases_of(ROAD_WORDS, "road", field="word"))
    link = phrase_alternation(phrases_of(ROAD_WORDS, "link", field="word"))
    return re.compile(
        rf"(?:^|\s)[وبل]?(?:ال)?{road}\s+(?:ال[\u0621-\u064A]+\s+)?(?:{link}\s+)?"
        r"(?:(?:بين|من)\s+)?(?:(?:مدينتي|بلدتي|قريتي|مدينة|بلدة|قرية)\s+)?$"
    )


_ROAD_OTHER_END = re.compile(
    r"^\s*(?:[-–—]|و|إلى|الى|و?حتى)\s*(?:كل\s+من\s+)?(?:(?:مدينة|بلدة|قرية|محافظة)\s+)?$"
)
ROAD_WINDOW_CHARS = 50


def _road_names(text: str, places: list[ResolvedPlace]) -> set[int]:
    """The places that name a road between two of them rather than locate the event (by span
    start). A road named after one town ("الطريق الرئيسي للرستن", "طريق المطار") leads to it:
    the town stays a place."""
    out: set[int] = set()
    chain: list[int] = []
    prev: ResolvedPlace | None = None
    for p in sorted(places, key=lambda q: q.mention.span.start):
        start = p.mention.span.start
        if (
            prev is not None
            and chain
            and _ROAD_OTHER_END.match(text[prev.mention.span.end : start])
        ):
            chain.append(start)
        else:
            if len(chain) > 1:
                out.update(chain)
            opened = _road_opener().search(text[max(0, start - ROAD_WINDOW_CHARS) : start])
            chain = [start] if opened else []
        prev = p
    if len(chain) > 1:
        out.update(chain)
    return out


# a place word between an origin phrase and the name ("من أبناء مدينة دير الزور")
_PLACE_WORD = re.compile(r"\s(?:مدينه|بلده|قريه|حي|مخيم|ريف|محافظه|منطقه)$")
ORIGIN_WINDOW_CHARS = 30


# the words between a place and a coarser one that only says where it lies ("ومحمبل جنوبي
# إدلب", "بريف إدلب"): prepositions, directions and area words
_LOCATOR_GAP = re.compile(
    r"^[\s،,]*(?:(?:في|ب|بريف|ريف|بمحافظة|محافظة|[وب]?(?:شمال|جنوب|شرق|غرب)[\u0621-\u064A]*)\s*)*$"
)


def _locates_aside(text: str, aside: ResolvedPlace, place: ResolvedPlace) -> bool:
    """`place` right after a set-aside place says where that one lies, not where the event is."""
    gap = text[aside.mention.span.end : place.mention.span.start]
    return _locates(place, aside) and _LOCATOR_GAP.match(gap) is not None


def _set_aside(text: str, places: list[ResolvedPlace]) -> set[int]:
    """Places named for another reason than the event's (by span start): a road's towns, a
    person's home town, a shell's launch site."""
    return _road_names(text, places) | {
        p.mention.span.start for p in places if _origin(text, p.mention.span.start)
    }


def _origin(text: str, start: int) -> bool:
    """The place is where someone comes from or a shell was fired from, by the words before it."""
    before = " " + " ".join(
        normalize_key(text[max(0, start - ORIGIN_WINDOW_CHARS) : start]).split()
    )
    before = _PLACE_WORD.sub("", before)
    return before.endswith(_origin_endings())


@cache
def _origin_endings() -> tuple[str, ...]:
    """The origin phrases as word-final endings, for one `str.endswith` per place."""
    return tuple(sorted(" " + phrase for phrase in words_of("origin_words.tsv")))


def _street(text: str, start: int) -> bool:
    """The place names a street or square ("شارع تل أبيض شمال المدينة"), not the event's place."""
    return _word_before(text, start, "وب") in words_of("street_words.tsv")


def _time_zone(text: str, start: int) -> bool:
    """The place names a clock ("منتصف الليل بتوقيت دمشق"), not the event's place."""
    return _word_before(text, start, "وب") in words_of("time_zone_words.tsv")


def _office(text: str, start: int) -> bool:
    """The place is part of an office's title ("محافظ حمص"), not the event's place."""
    return _word_before(text, start, "ول") in words_of("office_titles.tsv")


def _word_before(text: str, start: int, proclitics: str) -> str:
    """The normalized word just before `start`, without the given one-letter proclitics."""
    words = normalize_key(text[max(0, start - 16) : start]).split()
    if not words:
        return ""
    word = words[-1]
    for letter in proclitics:
        word = word.removeprefix(letter)
    return word


def pick_places(
    views: list[SentenceView],
    view: SentenceView,
    trigger: Mention,
    text: str,
    action: str = "",
    speaker: Span | None = None,
    since: int | None = None,
) -> tuple[list[ResolvedPlace], str]:
    """The places of the event and how they were found (clause, sentence, carried, article).
    A place inside the span of whoever tells or denies the event (`speaker`: "تنفيه دمشق") names
    that government, not where the event happened. An act told as the cause of another from
    `since` on ("ردا على …", classify/background.py) is placed only by the words from there:
    the sentence's other places and the account's are the other act's."""
    clause = view.clause_of(trigger.span.start)
    if since is None:
        own = _outside_causes(view, text)
    else:
        own = [p for p in view.places if p.mention.span.start >= since]
    named = [p for p in _not_datelines(text, own) if not _inside(p, speaker)]
    # a road's towns and a person's home town or a shell's launch site ("شاب من أبناء مدينة دير
    # الزور") stand in for the event's place only when its clause (else its sentence) names no
    # other place, and then as one place: a road is one site, not one event per town it joins
    aside = _set_aside(text, named)
    if aside:
        set_aside = [p for p in named if p.mention.span.start in aside]
        here = [p for p in named if clause.start <= p.mention.span.start < clause.end] or named
        # a place coarser than a set-aside one ("جنوبي إدلب") locates it, not the event
        if all(
            p.mention.span.start in aside or any(_locates_aside(text, r, p) for r in set_aside)
            for p in here
        ):
            aside.discard(min(p.mention.span.start for p in here))
        named = [p for p in named if p.mention.span.start not in aside]
    qualifiers = _qualifiers(text, named)
    heads = [p for p in named if p.mention.span.start not in qualifiers]
    in_clause = [p for p in named if clause.start <= p.mention.span.start < clause.end]
    if action in LEAVING_ACTIONS:
        # leaving happens at the place left; a clause naming only where they went ("خروج 1500
        # مسلح باتجاه ريف حلب") takes the place from the account before (dev gains, train even)
        origins = _origins(text, in_clause)
        if in_clause and not origins:
            in_clause, heads = [], []
        else:
            in_clause = origins
    if action in DEAL_ACTIONS:
        # a destination is never the place of the deal: without another place in the
        # sentence, the place comes from the account before
        in_clause, heads = _origins(text, in_clause), _origins(text, heads)
    # a qualifier stands in for its place only when the clause names nothing else
    in_clause = [p for p in in_clause if p.mention.span.start not in qualifiers] or in_clause
    if action == "seizure":
        referred = _building_places(view, trigger)
        if referred:
            return referred, "sentence"
    means = _means_place(view, trigger, text, in_clause, heads)
    if means is not None:
        return [means], "clause"
    listed = _listed(text, view, trigger, heads) if action in LIST_ACTIONS else []
    if listed:
        return listed, "clause"
    for pool, how in ((in_clause, "clause"), (heads, "sentence")):
        after = [p for p in pool if p.mention.span.start >= trigger.span.end]
        if after:
            found = _finest(_conjoined(text, after))[:MAX_PLACES_PER_EVENT]
            if action in LIST_ACTIONS:
                ids = {p.ref.place.gazetteer_id for p in found}
                also = _listed(text, view, trigger, heads, _ALSO_OPENER)
                found += [p for p in also if p.ref.place.gazetteer_id not in ids]
            return found, how
        before = [p for p in pool if p.mention.span.end <= trigger.span.start]
        if before:
            if action in CHAINED_BEFORE_ACTIONS:
                return _chain_ending(text, before), how
            return [before[-1]], how
    if since is not None:
        return [], "none"
    for back in range(1, MAX_PLACE_CARRY + 1):
        i = view.index - back
        if i < 0 or (views[i].paragraph != view.paragraph and back > 1):
            break
        carried = _carriable(_outside_causes(views[i], text), text, action)
        if carried:
            return [carried[0]], "carried"
    for earlier in views:
        lent = _carriable(_outside_causes(earlier, text), text, action)
        carried = [p for p in lent if not _inside(p, speaker)]
        if carried:
            return [carried[0]], "article"
    return [], "none"


# "ب" glued to a trigger that opens its clause: the means of the act told just before ("سيطرت
# على المشفى الوطني، باشتباكات مع عناصر التنظيم"), which happened where that act did.
_MEANS_PREFIX = re.compile(r"^\s*و?ب$")


def _means_place(
    view: SentenceView,
    trigger: Mention,
    text: str,
    in_clause: list[ResolvedPlace],
    heads: list[ResolvedPlace],
) -> ResolvedPlace | None:
    """The place of the clause before, for a trigger telling the means of the act told there,
    when its own clause names none."""
    clause = view.clause_of(trigger.span.start)
    if in_clause or not _MEANS_PREFIX.match(text[clause.start : trigger.span.start]):
        return None
    before = [c for c in view.clauses if c.end <= clause.start]
    if not before:
        return None
    previous = before[-1]
    own = [p for p in heads if previous.start <= p.mention.span.start < previous.end]
    return own[-1] if own else None


def _outside_causes(view: SentenceView, text: str) -> list[ResolvedPlace]:
    """The sentence's places but those written in a cause's words ("ردا على هجوم في دوما"):
    they are the cause's, not the act the sentence reports, nor one it lends."""
    return [p for p in view.places if not in_cause(view, text, p.mention.span.start)]


def _inside(place: ResolvedPlace, span: Span | None) -> bool:
    if span is None:
        return False
    return span.start <= place.mention.span.start and place.mention.span.end <= span.end


def _carriable(places: list[ResolvedPlace], text: str, action: str) -> list[ResolvedPlace]:
    """Places an earlier sentence lends: not a dateline; for leaving and deals, not where
    people were sent."""
    places = _not_datelines(text, places)
    aside = _set_aside(text, places)
    places = [p for p in places if p.mention.span.start not in aside] or places[:1]
    if action not in ABROAD_ACTIONS:
        # a foreign capital named elsewhere ("مقاتلون موالون لأنقرة", "قال في موسكو") is where
        # someone speaks or sits, never lent to a fight in Syria told with no place of its own
        places = [p for p in places if p.ref.place.country == HOME_COUNTRY]
    if action in LEAVING_ACTIONS or action in DEAL_ACTIONS:
        return _origins(text, places)
    return places


def _chain_ending(text: str, before: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """The last place named before the act and the places joined to it by "و" / "،" ahead of it
    ("إلى حيي الشيخ مقصود والأشرفية … بعد حصار دام 46 يوماً": both neighbourhoods)."""
    chain = [before[-1]]
    for prev in reversed(before[:-1]):
        if not _joined(text, prev, chain[0]):
            break
        chain.insert(0, prev)
    return chain[:MAX_PLACES_PER_EVENT]
