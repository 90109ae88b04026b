"""Actors, places, dates and numbers: mentions found with the knowledge and text modules.

Mention keys (read by resolve and classify):
- PLACE: the candidate gazetteer ids, "|"-joined; rule "gazetteer@1", or "gazetteer.near@1" when
  an area word ("ريف", "محيط", "أطراف", "قرب") puts the event around the place (precision 2);
  a place word before the name ("قرية", "حي") adds ":kinds=village+town" (the entry kinds it
  announces). An anaphor ("المدينة" alone) has rule "anaphor@1:kinds=city+town", key the word:
  resolve gives it the latest place of those kinds named before it.
- ACTOR: the normalized alias that matched; resolve turns it into catalog options.
- DATE: "start/end/precision/y|n" (y: the expression or publication date gives the year), or
  None when the expression has no interval.
- NUMBER: "value|qualifier|noun" (noun = the normalized singular of the counted noun).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import cache

from marsad.knowledge.actors import ActorCatalog
from marsad.knowledge.gazetteer import Gazetteer
from marsad.knowledge.landmark_words import load_landmark_words
from marsad.knowledge.resources import Resources
from marsad.model import Article, Mention, MentionKind, Span
from marsad.text.dates import find_dates
from marsad.text.lexicon import phrase_alternation, phrases_of, words_of
from marsad.text.normalize import Normalized, normalize, normalize_key
from marsad.text.numerals import find_numbers

PLACE_RULE = "gazetteer@1"
NEAR_RULE = "gazetteer.near@1"
PLACE_CONTEXT_WORDS = "place_context_words.tsv"  # "قرية", "ريف", "قرب" before a place name


@cache
def _before(kind: str) -> re.Pattern[str]:
    """A place word of one kind ending right before a name: place_word ("قرية"), near ("ريف")."""
    words = phrase_alternation(phrases_of(PLACE_CONTEXT_WORDS, kind, field="word"), gap=" ")
    return re.compile(rf"{words}\s*$")


@cache
def _reference_before() -> re.Pattern[str]:
    """ "قرب X", "بالقرب من X": X is a reference point, which classify tells from an event place."""
    words = phrase_alternation(phrases_of(PLACE_CONTEXT_WORDS, "reference", field="word"), gap=" ")
    return re.compile(rf"(?:^|\s){words}\s+(?:[\u0621-\u064A]+\s+){{0,2}}$")


REFERENCE_MARK = ":ref"
REFERENCE_CHARS = 40  # "قرب العاصمة السورية دمشق": up to two words between
CONTEXT_CHARS = 16  # how far back a place word ("بلدة") or area word ("ريف") is looked for


def place_mentions(
    text: str, gazetteer: Gazetteer, norm: Normalized | None = None
) -> list[Mention]:
    out: list[Mention] = []
    words = gazetteer.words
    for hit in gazetteer.find(text, norm=norm):
        before = text[max(0, hit.start - CONTEXT_CHARS) : hit.start]
        if hit.prefix:
            before = text[max(0, hit.start - CONTEXT_CHARS - len(hit.prefix)) : hit.start]
        if hit.weak and not _before("place_word").search(before):
            continue
        if _other_sense(text, hit.start - len(hit.prefix), hit.end, hit.prefix):
            continue
        rule = NEAR_RULE if _before("near").search(before) else PLACE_RULE
        if _reference_before().search(text[max(0, hit.start - REFERENCE_CHARS) : hit.start]):
            rule = NEAR_RULE + REFERENCE_MARK
        kinds = _announced_kinds(before, words.kinds) if words is not None else frozenset()
        if kinds:
            rule += KINDS_MARK + "+".join(sorted(kinds))
        span = Span.of(text, hit.start, hit.end)
        out.append(Mention(MentionKind.PLACE, span, "|".join(hit.ids), rule))
    if words is not None and words.several:
        out = _listed_kinds(text, out, words.several)
    if words is not None and words.titles:
        out = _drop_titles(text, out, words.titles)
    if words is not None and words.anaphors:
        out.extend(_anaphors(text, norm or normalize(text), words.anaphors, out))
    return out


_LIST_GAP = re.compile(r"^\s*(?:[،,]\s*)?و?\s*$")  # "إدلب وحماة", "حمص، حماة"
_KIND_WORD = re.compile(r"([\u0621-\u064A]+)\s*$")


def _listed_kinds(text: str, places: list[Mention], several: frozenset[str]) -> list[Mention]:
    """The names listed after a kind word for several places ("محافظتي إدلب وحماة", "بلدات
    كفرنبل وحاس") take its kinds, as the first name does: Hama the governorate there."""
    ordered = sorted(places, key=lambda m: m.span.start)
    out: list[Mention] = []
    carried: str | None = None  # the kinds mark of the list being read
    for m in ordered:
        previous = out[-1] if out else None
        if (
            carried is not None
            and previous is not None
            and KINDS_MARK not in m.rule
            and _LIST_GAP.match(text[previous.span.end : m.span.start])
        ):
            m = replace(m, rule=m.rule + carried)
        else:
            carried = None
            word = _KIND_WORD.search(normalize_key(text[max(0, m.span.start - 16) : m.span.start]))
            if word and KINDS_MARK in m.rule and any(f in several for f in _bare(word.group(1))):
                carried = m.rule[m.rule.index(KINDS_MARK) :]
        out.append(m)
    return out


TITLE_GAP = re.compile(r"^\s+(?:[\u0621-\u064A]+\s+){0,2}$")  # "العاصمة [السورية] دمشق"


_WORD_END = re.compile(r"[\u0621-\u064A\u0640]*")
_NEXT_WORD = re.compile(r"\s+([\u0621-\u064A\u0640]+)")


def _other_sense(text: str, start: int, end: int, prefix: str) -> bool:
    """A place name inside a word that means something else ("بدأنا", "القائم بالأعمال",
    `data/text/not_places.tsv`), or named with "ل" after a word of allegiance ("موالون
    لأنقرة": the government served, `data/text/loyalty_words.tsv`)."""
    word_end = _WORD_END.match(text, end)
    stop = word_end.end() if word_end else end
    word = normalize_key(text[start:stop])
    others = words_of("not_places.tsv")
    if word in others:
        return True
    following = _NEXT_WORD.match(text, stop)
    if following and normalize_key(f"{text[start:stop]} {following.group(1)}") in others:
        return True
    if not prefix.endswith("ل"):
        return False
    before = normalize_key(text[max(0, start - 16) : start]).split()
    return bool(before) and before[-1].removeprefix("و") in words_of("loyalty_words.tsv")


def _drop_titles(text: str, places: list[Mention], titles: frozenset[str]) -> list[Mention]:
    """ "العاصمة" before a place name is that place's title, not a second place (Damascus)."""
    ordered = sorted(places, key=lambda m: m.span.start)
    dropped = {
        id(m)
        for m, nxt in itertools.pairwise(ordered)
        if normalize_key(m.span.text) in titles
        and TITLE_GAP.match(text[m.span.end : nxt.span.start])
    }
    return [m for m in places if id(m) not in dropped]


KINDS_MARK = ":kinds="
ANAPHOR_RULE = "anaphor@1"
_WORD = re.compile(r"[\u0621-\u064A\u0640]+")
_CLITICS = ("وب", "فب", "ول", "فل", "و", "ف", "ب", "ل", "ك")


def _bare(word: str) -> list[str]:
    """A word without its proclitics ("وبالمدينة" → "المدينة", "للمدينة" → "المدينة")."""
    forms = [word]
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            rest = word[len(clitic) :]
            forms.append(rest)
            if clitic.endswith("ل") and rest.startswith("ل"):
                forms.append("ا" + rest)  # "للمدينة" = ل + المدينة
    return forms


def _announced_kinds(before: str, kinds: dict[str, frozenset[str]]) -> frozenset[str]:
    """The entry kinds a place word just before a name announces ("بقرية" → village, town)."""
    found = _WORD.findall(normalize_key(before))
    if not found:
        return frozenset()
    for form in _bare(found[-1]):
        if form in kinds:
            return kinds[form]
    return frozenset()


def _anaphor_pattern(anaphors: dict[str, frozenset[str]]) -> re.Pattern[str]:
    """Anaphors in normalized text, with the proclitics a word may carry ("وبالمدينة",
    "للمدينة"); group 1 is the word without its "ال"."""
    stems = sorted({a.removeprefix("ال") for a in anaphors}, key=len, reverse=True)
    body = "|".join(map(re.escape, stems))
    return re.compile(rf"(?<![\u0621-\u064A])(?:[وف]?(?:بال|كال|لل|ال))({body})(?![\u0621-\u064A])")


_ANAPHOR_PATTERNS: dict[frozenset[str], re.Pattern[str]] = {}


def _anaphors(
    text: str, norm: Normalized, anaphors: dict[str, frozenset[str]], places: list[Mention]
) -> list[Mention]:
    """ "المدينة", "البلدة" written alone: a reference back to a place named before."""
    key_set = frozenset(anaphors)
    pattern = _ANAPHOR_PATTERNS.get(key_set)
    if pattern is None:
        pattern = _ANAPHOR_PATTERNS.setdefault(key_set, _anaphor_pattern(anaphors))
    taken = [(m.span.start, m.span.end) for m in places]
    out: list[Mention] = []
    for match in pattern.finditer(norm.text):
        key = "ال" + match.group(1)
        kinds = anaphors.get(key)
        start, end = norm.original_span(match.start(), match.end())
        if kinds is None or any(s < end and start < e for s, e in taken):
            continue
        # the span leaves out the clitics when "ال" is written ("وبالمدينة" → "المدينة")
        article = norm.original_span(match.start(1) - 2, match.start(1))[0]
        if text[article : article + 2] == "ال":
            start = article
        rule = ANAPHOR_RULE + KINDS_MARK + "+".join(sorted(kinds))
        out.append(Mention(MentionKind.PLACE, Span.of(text, start, end), key, rule))
    return out


def actor_mentions(
    text: str, catalog: ActorCatalog, norm: Normalized | None = None
) -> list[Mention]:
    out: list[Mention] = []
    for hit in catalog.find(text, norm=norm):
        span = Span.of(text, hit.start, hit.end)
        kinds = {catalog.get(i).kind for i in hit.ids}
        rule = ACTOR_RULE + (KIND_MARK + kinds.pop() if len(kinds) == 1 else "")
        out.append(Mention(MentionKind.ACTOR, span, hit.key, rule))
    return out


ACTOR_RULE = "catalog@1"
KIND_MARK = ":kind="  # the catalog kind of every entry the alias names ("catalog@1:kind=ngo")


def date_mentions(text: str, norm: Normalized, article: Article) -> list[Mention]:
    out: list[Mention] = []
    for match in find_dates(norm, published=article.published, original=text):
        key = None
        if match.interval is not None:
            i = match.interval
            year = "y" if match.has_year or article.published is not None else "n"
            key = f"{i.start.isoformat()}/{i.end.isoformat()}/{i.precision}/{year}"
        span = Span.of(text, match.start, match.end)
        out.append(Mention(MentionKind.DATE, span, key, f"text.dates@1:{match.kind}"))
    return out


def number_mentions(text: str, norm: Normalized) -> list[Mention]:
    out: list[Mention] = []
    for match in find_numbers(norm, text):
        key = f"{match.value}|{match.qualifier or ''}|{match.noun or ''}"
        span = Span.of(text, match.start, match.end)
        out.append(Mention(MentionKind.NUMBER, span, key, "text.numerals@1"))
    return out


def entity_mentions(article: Article, norm: Normalized, resources: Resources) -> list[Mention]:
    text = article.text
    found: list[Mention] = []
    found.extend(place_mentions(text, resources.gazetteer, norm))
    found.extend(actor_mentions(text, resources.actors, norm))
    found.extend(date_mentions(text, norm, article))
    found.extend(number_mentions(text, norm))
    return found


def drop_source_overlaps(
    entities: list[Mention], cues: list[Mention], text: str = ""
) -> list[Mention]:
    """A place or actor inside a named source ("قناة الميادين", "المرصد السوري") is the source.
    An actor that is a source's words and the adjective of the state it belongs to ("وزارة
    الداخلية السورية" over the source "وزارة الداخلية") is that state's body, a party that may
    act ("اعتقلت وزارة الداخلية السورية", "أعلنت وزارة الدفاع السورية السيطرة على", codebook
    §3): kept, unless it speaks, a reporting verb before it and "أن/إن" after it ("وأعلنت وزارة
    الدفاع السورية أنه قبل الهجوم": what it tells is another's act). Not an office of a place
    ("محافظ حمص"), a person who speaks."""
    sources = [
        m.span
        for m in cues
        if m.kind is MentionKind.ATTRIBUTION
        and (m.key or "").startswith("source:")
        and not (m.key or "").endswith("|anonymous")
    ]
    report_ends = [
        m.span.end for m in cues if m.kind is MentionKind.ATTRIBUTION and m.key == "report"
    ]

    def body(e: Mention, s: Span) -> bool:
        if e.kind is not MentionKind.ACTOR:
            return False
        if not _state_body(e.span, s) and not (e.span == s and _forces_of(text, s.start)):
            return False
        reported = any(0 <= s.start - end <= SPEAKER_GAP_CHARS for end in report_ends)
        said = _COMPLEMENT_AFTER.match(text, e.span.end)
        return not (reported and said) or _own_forces(text, said.end() if said else e.span.end)

    return [
        e
        for e in entities
        if e.kind not in {MentionKind.PLACE, MentionKind.ACTOR}
        or not any(
            s.start < e.span.end and e.span.start < s.end and not body(e, s) for s in sources
        )
    ]


# What a speaker says follows it: "أن", "إن", "بأن", "أنه" (maybe after a comma or a day word)
_COMPLEMENT_AFTER = re.compile(r"[\s،,]+(?:\S+[\s،,]+){0,2}?(?:ب?[أإا]ن(?:ه|ها|هم)?)(?:\s|$)")
_NEXT = re.compile(r"\s*([\u0621-\u064A]+)")
_OWN = ("ها", "ه", "هم")  # the pronoun that points back at the speaker


def _own_forces(text: str, start: int) -> bool:
    """What the speaker says opens with its own forces ("إن قواتها سيطرت", "أن وحداته"): a part
    of a force (`data/text/force_units.tsv`) with a pronoun pointing back at it, the doer."""
    word = _NEXT.match(text, start)
    if word is None:
        return False
    key = normalize_key(word.group(1))
    units = words_of("force_units.tsv")
    return any(key.endswith(p) and key[: -len(p)] in units for p in _OWN)


def _forces_of(text: str, start: int) -> bool:
    """A body named as the one whose forces act ("على يد عناصر من وزارة الدفاع", "فصائل تابعة
    لوزارة الدفاع", "قوات وزارة الدفاع"): a party, whatever source words its name holds."""
    return bool(_forces_before().search(text[max(0, start - FORCES_CHARS) : start]))


@cache
def _forces_before() -> re.Pattern[str]:
    markers = phrase_alternation(phrases_of("agent_markers.tsv", "marker"))
    members = phrase_alternation(phrases_of("agent_markers.tsv", "member"))
    units = phrase_alternation(phrases_of("force_units.tsv", field="word"))
    belonging = r"(?:ال)?(?:تابع|موال)\S{0,3}\s+لـ?"
    return re.compile(
        rf"(?:{markers}\s+(?:{members}\s+(?:من\s+)?)?"
        rf"|(?:^|\s)[وف]?(?:ال)?{units}\s+(?:من\s+|{belonging})?)$"
    )


FORCES_CHARS = 40  # "على يد عناصر من": the marker and a member word before the body
SPEAKER_GAP_CHARS = 4  # "وأعلنت وزارة": the reporting verb, a space, the speaker
_STATE_ADJECTIVE = re.compile(r"^\s+ال[\u0621-\u064A]+(?:ية|ي|يه)$")


def _state_body(actor: Span, source: Span) -> bool:
    """The actor is the source's words and then one relational adjective ("السورية")."""
    if not (actor.start == source.start and source.end < actor.end):
        return False
    return bool(_STATE_ADJECTIVE.match(actor.text[source.end - actor.start :]))


BUILDING_GAP_CHARS = 2  # "مبنى القصر": the building word and the name are adjacent


def drop_building_names(
    entities: list[Mention], cues: list[Mention], text: str = ""
) -> list[Mention]:
    """A name right after a building word ("مبنى القصر العدلي", "سجن حمص" excepted when a
    place word intervenes) names the building, not a village of that name; not a name after a
    preposition glued to it ("منزل بيبرود": a house in Yabroud)."""
    # "مستشفى كفرنبل": a landmark head that names one site ("definite" in its table: a hospital,
    # a prison) takes its name from the town it lies in, which the landmark resolver reads
    # (resolve/landmarks.py); a bakery, a house or "مبنى القصر العدلي" is named otherwise
    sites = {w for w, head in load_landmark_words().heads.items() if head.definite}
    ends = [
        m.span.end
        for m in cues
        if m.key == "context:building" and normalize_key(m.span.text) not in sites
    ]

    def building_name(e: Mention, end: int) -> bool:
        gap = text[end : e.span.start]
        return 0 <= e.span.start - end <= BUILDING_GAP_CHARS and not any(c.isalpha() for c in gap)

    return [
        e
        for e in entities
        if e.kind is not MentionKind.PLACE or not any(building_name(e, end) for end in ends)
    ]
