"""Places of one article: every gazetteer name found, each resolved in the article's context.

For extraction: `find_places(text)` resolves all names at once; `resolve_hit` resolves one hit
given the article's other hits; `article_context` gives the context for a mention the gazetteer
cannot place alone ("المدينة" → the latest city named before it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.knowledge.gazetteer import (
    RELATIVE_KIND,
    Gazetteer,
    GazetteerEntry,
    PlaceHit,
    PlaceWords,
)
from marsad.knowledge.resources import Resources
from marsad.model import Mention, PlaceRef, ResolvedPlace
from marsad.resolve.places import (
    FALLBACK_AREA_KINDS,
    PlaceCandidate,
    PlaceContext,
    anchor_entry,
    qualified_context,
    rank,
    strip_proclitic,
    tokens_of,
)
from marsad.text.normalize import normalize_key

CONTEXT_CHARS = 80  # how far after a name an admin qualifier ("بريف محافظة الحسكة") may stand
KIND_LOOKBACK_CHARS = 24  # "في مدينة", "بريف محافظة": the kind words just before a name


@dataclass(frozen=True, slots=True)
class ArticlePlace:
    hit: PlaceHit
    candidates: tuple[PlaceCandidate, ...]

    @property
    def best(self) -> PlaceCandidate | None:
        return self.candidates[0] if self.candidates else None


def find_places(
    text: str, *, resources: Resources, main_admin1: str | None = None
) -> tuple[ArticlePlace, ...]:
    """Every place named in an article, each resolved in the context of the others."""
    gazetteer = resources.gazetteer
    hits = [
        h
        for h in gazetteer.find(text)
        if not h.weak or _kind_before(text, h.start, gazetteer.words)
    ]
    anchors = _anchors(hits, gazetteer)
    main = main_admin1 or _dominant_admin1(anchors)
    return tuple(
        ArticlePlace(h, tuple(_resolve_hit(h, text, anchors, main, gazetteer))) for h in hits
    )


def resolve_hit(
    hit: PlaceHit,
    text: str,
    *,
    others: Sequence[PlaceHit] = (),
    main_admin1: str | None = None,
    resources: Resources,
) -> list[PlaceCandidate]:
    """Candidates for one place hit of an article (best first), for extraction.

    Uses the kind words before the hit ("في مدينة", "بريف"), an admin area written after it
    ("… في ريف حلب"), the other place hits of the article (nearer is likelier; pass them all,
    the hit itself is skipped) and the article's main governorate when known.
    """
    gazetteer = resources.gazetteer
    anchors = _anchors(others, gazetteer)
    main = main_admin1 or _dominant_admin1(anchors)
    return _resolve_hit(hit, text, anchors, main, gazetteer)


def _resolve_hit(
    hit: PlaceHit,
    text: str,
    others: Sequence[tuple[PlaceHit, GazetteerEntry]],
    main_admin1: str | None,
    gazetteer: Gazetteer,
) -> list[PlaceCandidate]:
    before = tokens_of(text[max(0, hit.start - KIND_LOOKBACK_CHARS) : hit.start])
    kinds: set[str] = set()
    around = False
    words = gazetteer.words
    for word in (strip_proclitic(w, words) for w in before[-2:]):
        kinds |= words.kinds.get(word, frozenset())
        around = around or word in words.around
    by_text_distance = sorted(others, key=lambda pair: abs(pair[0].start - hit.start))
    near = [entry for other, entry in by_text_distance if other.start != hit.start]
    ctx = PlaceContext(
        near=tuple(near), main_admin1=main_admin1, kinds=frozenset(kinds), around=around
    )
    after = text[hit.end : hit.end + CONTEXT_CHARS].split(".")[0].split("،")[0]
    if after.strip():
        ctx = qualified_context(ctx, after, gazetteer)
    entries = tuple(gazetteer.get(i) for i in hit.ids)
    facility = _facility(before[-1:], hit.key, gazetteer)
    return rank(facility or entries, ctx, gazetteer)


def _facility(last_word: list[str], key: str, gazetteer: Gazetteer) -> tuple[GazetteerEntry, ...]:
    """'مطار "الطبقة"', 'معبر نصيب': the facility named by the kind word and the place."""
    if not last_word:
        return ()
    word = strip_proclitic(last_word[0], gazetteer.words)
    return gazetteer.lookup(f"{word} {key}") if word in gazetteer.words.kinds else ()


def _kind_before(text: str, start: int, words: PlaceWords) -> bool:
    before = normalize_key(text[max(0, start - KIND_LOOKBACK_CHARS) : start]).split()
    return bool(before) and strip_proclitic(before[-1], words) in words.kinds


def _anchors(
    hits: Sequence[PlaceHit], gazetteer: Gazetteer
) -> list[tuple[PlaceHit, GazetteerEntry]]:
    """Places of the article that need no context: one entry, or a city/governorate/area."""
    out = []
    for hit in hits:
        entries = [gazetteer.get(i) for i in hit.ids]
        if len(entries) == 1 and entries[0].kind != RELATIVE_KIND:
            out.append((hit, entries[0]))
            continue
        anchor = anchor_entry(entries)
        if anchor is not None:
            out.append((hit, anchor))
    return out


def _dominant_admin1(anchors: Sequence[tuple[PlaceHit, GazetteerEntry]]) -> str | None:
    counts = Counter(e.admin1 for _, e in anchors if e.admin1 and e.country == "SY")
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    return top if not rest or n > rest[0][1] else None


def article_context(
    text: str,
    position: int,
    *,
    resources: Resources,
    places: Sequence[ArticlePlace] | None = None,
) -> PlaceContext:
    """The places an article names before `position` (nearest first) and its main area.

    For a mention the gazetteer cannot place by itself: "المدينة" or "المخيم" (the latest city
    or camp named before), or a name the extractor found some other way. Pass `places` (from
    `find_places`) to reuse the article's resolved places.
    """
    resolved = find_places(text, resources=resources) if places is None else places
    before = sorted((p for p in resolved if p.hit.end <= position and p.best is not None),
                    key=lambda p: position - p.hit.end)  # fmt: skip
    counts = Counter(p.best.entry.admin1 for p in resolved if p.best and p.best.entry.admin1)
    main = counts.most_common(1)[0][0] if counts else None
    return PlaceContext(
        near=tuple(p.best.entry for p in before if p.best is not None), main_admin1=main
    )


# --- place mentions of the extraction, resolved in their article's context -------------------

ANAPHOR_RULE_PREFIX = "anaphor@1"  # "المدينة", "البلدة": the latest place of that kind before
KINDS_MARK = ":kinds="  # rule suffix from extract: kinds announced by a place word before the name
NEAR_RULE = "gazetteer.near@1"
# Kinds whose single entry still depends on context: a far-away village or neighbourhood gives
# way to the area named with it (`resolve.places._fallback`), a relative place takes its city.
CONTEXT_KINDS = frozenset({"village", "neighbourhood", RELATIVE_KIND})
QUALIFIER_GAP_CHARS = 12  # "مضايا في ريف دمشق", "البوكمال بريف …": a qualifier sits this close


@dataclass(frozen=True, slots=True)
class _PlaceMention:
    mention: Mention
    entries: tuple[GazetteerEntry, ...]
    kinds: frozenset[str]
    anaphor: bool


def _parse_mention(mention: Mention, gazetteer: Gazetteer) -> _PlaceMention:
    base, _, kinds = mention.rule.partition(KINDS_MARK)
    kind_set = frozenset(k for k in kinds.split("+") if k)
    if base.startswith(ANAPHOR_RULE_PREFIX):
        return _PlaceMention(mention, (), kind_set, anaphor=True)
    entries = tuple(gazetteer.get(i) for i in (mention.key or "").split("|") if i in gazetteer)
    return _PlaceMention(mention, entries, kind_set, anaphor=False)


def resolve_place_mentions(
    mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[ResolvedPlace]:
    """Each place mention → its most likely entry, read in the article's context: the kind word
    before it, an admin area written right after it, the article's other places (nearer on the
    map is likelier) and its main governorate. An anaphor ("المدينة") takes the latest place of
    its kind named before it; a place relative to a city ("المربع الأمني") takes that city."""
    parsed = sorted((_parse_mention(m, gazetteer) for m in mentions),
                    key=lambda p: p.mention.span.start)  # fmt: skip
    anchors = _mention_anchors(parsed)
    main = _dominant_admin1(anchors)
    out: list[ResolvedPlace] = []
    first_reading: dict[str, PlaceRef] = {}
    for i, place in enumerate(parsed):
        if place.anaphor:
            resolved = _antecedent(place, out)
        else:
            following = parsed[i + 1] if i + 1 < len(parsed) else None
            resolved = _resolve_one(place, following, anchors, main, gazetteer)
            resolved = _as_first_read(place, following, resolved, first_reading)
        if resolved is not None:
            out.append(resolved)
    return out


def _as_first_read(
    place: _PlaceMention,
    following: _PlaceMention | None,
    resolved: ResolvedPlace | None,
    first_reading: dict[str, PlaceRef],
) -> ResolvedPlace | None:
    """A name the article uses again means the place it meant the first time ("حي الوعر بمدينة
    حمص … من حي الوعر، إلى جرابلس"), unless a qualifier right after it says otherwise."""
    key = place.mention.key or ""
    if resolved is None:
        return resolved
    earlier = first_reading.get(key)
    if earlier is None:
        first_reading[key] = resolved.ref
        return resolved
    own = {e.id for e in place.entries}
    if earlier.place == resolved.ref.place or earlier.place.gazetteer_id not in own:
        return resolved
    if _qualified(place, following) and resolved.ref.place.gazetteer_id in own:
        return resolved  # its own qualifier picks another of its readings
    # (a reading replaced by the area named after it yields to the article's first reading)
    span = place.mention.span
    return ResolvedPlace(place.mention, PlaceRef(earlier.place, earlier.geo_precision, span))


def _qualified(place: _PlaceMention, following: _PlaceMention | None) -> bool:
    if following is None or following.anaphor:
        return False
    gap = following.mention.span.start - place.mention.span.end
    anchor = anchor_entry(following.entries) if 0 <= gap <= QUALIFIER_GAP_CHARS else None
    return anchor is not None and bool(anchor.admin1) and _qualifies(anchor, place.entries)


def _mention_anchors(parsed: Sequence[_PlaceMention]) -> list[tuple[PlaceHit, GazetteerEntry]]:
    out = []
    for place in parsed:
        if place.anaphor or not place.entries:
            continue
        entries = list(place.entries)
        if len(entries) == 1 and entries[0].kind != RELATIVE_KIND:
            out.append((_as_hit(place.mention), entries[0]))
            continue
        anchor = anchor_entry(entries)
        if anchor is not None:
            out.append((_as_hit(place.mention), anchor))
    return out


def _as_hit(mention: Mention) -> PlaceHit:
    span = mention.span
    ids = tuple((mention.key or "").split("|"))
    return PlaceHit(span.start, span.end, span.text, span.text, ids, "", weak=False)


def _resolve_one(
    place: _PlaceMention,
    following: _PlaceMention | None,
    anchors: Sequence[tuple[PlaceHit, GazetteerEntry]],
    main_admin1: str | None,
    gazetteer: Gazetteer,
) -> ResolvedPlace | None:
    if not place.entries:
        return None
    around = place.mention.rule.startswith(NEAR_RULE)
    only = place.entries[0]
    if len(place.entries) == 1 and only.kind not in CONTEXT_KINDS:
        # one entry that no context can replace: no scoring needed
        precision = max(only.precision, 2) if around else only.precision
        return ResolvedPlace(
            place.mention, PlaceRef(only.to_place(), precision, place.mention.span)
        )
    start = place.mention.span.start
    by_text_distance = sorted(anchors, key=lambda pair: abs(pair[0].start - start))
    # each place once (a city named ten times is one neighbour): the nearest-in-text first
    near: dict[str, GazetteerEntry] = {}
    for hit, entry in by_text_distance:
        if hit.start != start:
            near.setdefault(entry.id, entry)
    ctx = PlaceContext(
        near=tuple(near.values()),
        main_admin1=main_admin1,
        kinds=place.kinds,
        around=around,
    )
    if following is not None and not following.anaphor:
        gap = following.mention.span.start - place.mention.span.end
        anchor = anchor_entry(following.entries) if 0 <= gap <= QUALIFIER_GAP_CHARS else None
        if anchor is not None and anchor.admin1 and _qualifies(anchor, place.entries):
            area = anchor if anchor.kind in FALLBACK_AREA_KINDS else None
            ctx = replace(ctx, admin1=anchor.admin1, near=(anchor, *ctx.near), area=area)
    candidates = rank(place.entries, ctx, gazetteer)
    if not candidates:
        return None
    best = candidates[0]
    return ResolvedPlace(place.mention, best.to_ref(place.mention.span))


# A name written right after a place that contains it qualifies it ("… بريف حلب", "… في درعا");
# a city qualifies only what cannot itself be a city ("منبج وعين العرب" are two cities).
AREA_QUALIFIER_KINDS = frozenset({"governorate", "region", "area", "district"})


def _qualifies(anchor: GazetteerEntry, entries: Sequence[GazetteerEntry]) -> bool:
    if anchor.kind in AREA_QUALIFIER_KINDS:
        return True
    return anchor.kind == "city" and not any(e.kind == "city" for e in entries)


def _antecedent(place: _PlaceMention, before: Sequence[ResolvedPlace]) -> ResolvedPlace | None:
    """The place an anaphor refers back to: the latest one introduced by the same place word
    ("بلدة حرستا … البلدة"), else the latest of a fitting kind; at the anaphor's span."""
    fitting = [p for p in before if p.ref.place.kind in place.kinds and p.ref.place.country == "SY"]
    same_word = [
        p
        for p in fitting
        if _announced(p.mention) == place.kinds
        and not p.mention.rule.startswith(ANAPHOR_RULE_PREFIX)
    ]
    chosen = (same_word or fitting)[-1:]
    if not chosen:
        return None
    ref = chosen[0].ref
    return ResolvedPlace(place.mention, PlaceRef(ref.place, ref.geo_precision, place.mention.span))


def _announced(mention: Mention) -> frozenset[str]:
    return frozenset(k for k in mention.rule.partition(KINDS_MARK)[2].split("+") if k)


def around_kind_word(
    text: str, places: list[ResolvedPlace], gazetteer: Gazetteer
) -> list[ResolvedPlace]:
    """A place written after an area word and a kind word ("محيط بلدة كفرنبل", "أطراف مدينة
    سراقب") is around it, geo_precision 2 (codebook §4), as "محيط كفرنبل" is: the extractor
    looks for the area word right before the name only. The area word holds for the places
    listed with it ("أطراف حيي جوبر والقابون"): each is around, none finer than the other."""
    words = gazetteer.words
    out: list[ResolvedPlace] = []
    around_end: int | None = None  # where the last place read as "around" ends
    for place in sorted(places, key=lambda p: p.mention.span.start):
        ref = place.ref
        start = place.mention.span.start
        before = tokens_of(text[max(0, start - KIND_LOOKBACK_CHARS) : start])[-2:]
        stripped = [strip_proclitic(w, words) for w in before]
        kind_word_around = (
            len(stripped) == 2 and stripped[0] in words.around and stripped[1] in words.kinds
        )
        near = place.mention.rule.startswith(NEAR_RULE) and REFERENCE_MARK not in place.mention.rule
        listed = around_end is not None and _LISTED_AFTER.match(text[around_end:start]) is not None
        if ref.geo_precision < 2 and (kind_word_around or listed):
            place = ResolvedPlace(place.mention, replace(ref, geo_precision=2))
        around = kind_word_around or near or listed
        around_end = place.mention.span.end if around else None
        out.append(place)
    return out


# the gap between two listed places: "و", "،" and at most a place word ("ومدينة")
_LISTED_AFTER = re.compile(r"^\s*[،,]?\s*و?\s*(?:[\u0621-\u064A]+\s+)?$")
REFERENCE_MARK = ":ref"
