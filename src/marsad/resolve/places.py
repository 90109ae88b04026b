"""Geocoding: a place as the news writes it → gazetteer entries, best first, with precision.

A name is looked up after normalization, with proclitics ("وب", "لل") and place-kind words
("مدينة", "حي", "ريف") stripped; the kind words become evidence. Namesakes are told apart by the
context: an admin area named with the place ("في ريف حلب"), other places of the article (nearer
is likelier), the article's main governorate, the kind and the population. When the context says
a namesake cannot be meant, the broader area is returned with an honest precision (codebook §4).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from marsad.geo import haversine_km
from marsad.knowledge.gazetteer import (
    RELATIVE_KIND,
    Gazetteer,
    GazetteerEntry,
    PlaceWords,
)
from marsad.knowledge.resources import Resources
from marsad.model import PlaceRef, Span
from marsad.text.normalize import normalize_key
from marsad.text.phrases import PROCLITICS

KIND_PRIOR: dict[str, float] = {
    "city": 3.0,
    "area": 2.8,
    "region": 2.2,
    "airport": 2.5,
    "crossing": 2.5,
    "town": 2.2,
    "governorate": 2.0,
    "camp": 2.0,
    "district": 1.4,
    "subdistrict": 1.2,
    "neighbourhood": 1.5,
    "village": 1.0,
    "landmark": 2.0,
    "foreign_town": 0.8,
    RELATIVE_KIND: 1.0,
}
# Score weights, set by hand on the seed reports and the 200-name fixture: an admin area named
# with the place outweighs everything; a nearby place mentioned in the article comes next.
ADMIN_MATCH, ADMIN_MISMATCH = 4.0, -2.0
KIND_MATCH = 3.0
MAIN_AREA = 1.5
NEAR_BONUS, NEAR_SCALE_KM = 3.0, 30.0
ALT_FORM_PENALTY = 0.3  # a name found only with "ال" added or dropped
FAR_NAMESAKE_KM = 60.0
# Qualifiers that can stand in for a place the gazetteer lacks ("بريف السويداء" → that area).
FALLBACK_AREA_KINDS = frozenset(
    {"area", "region", "district", "subdistrict", "governorate"}
)  # a village this far from every place of the article is not meant


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the article says around a place mention."""

    admin1: str | None = None  # OCHA admin-1 named with the mention ("بريف حلب" → Aleppo)
    near: tuple[GazetteerEntry, ...] = ()  # other places of the article, nearest in text first
    main_admin1: str | None = None  # the article's dominant governorate
    kinds: frozenset[str] = frozenset()  # entry kinds announced by a kind word
    around: bool = False  # "ريف X", "محيط X": precision 2 at X
    area: GazetteerEntry | None = None  # the admin area or named area written with the mention


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    entry: GazetteerEntry
    score: float
    geo_precision: int
    reason: str

    def to_ref(self, span: Span | None = None) -> PlaceRef:
        return PlaceRef(self.entry.to_place(), self.geo_precision, span)


@dataclass(frozen=True, slots=True)
class ParsedPlace:
    """A written place split into its name, the kind words before it and what follows it."""

    name: str
    entries: tuple[GazetteerEntry, ...]
    kinds: frozenset[str]
    around: bool
    rest: str  # the words after the name ("في ريف حلب الشمالي")
    alt_form: bool


def geocode(
    text: str, *, context: PlaceContext | None = None, resources: Resources
) -> list[PlaceCandidate]:
    """Candidates for a place written as in the news ("بمنبج", "في مدينة الباب"), best first."""
    gazetteer = resources.gazetteer
    ctx = context or PlaceContext()
    parsed = parse_place(text, gazetteer) or _parse_anywhere(text, gazetteer)
    if parsed is None:
        return _anaphora(text, ctx, gazetteer)
    ctx = replace(ctx, kinds=ctx.kinds | parsed.kinds, around=ctx.around or parsed.around)
    if parsed.rest:
        ctx = qualified_context(ctx, parsed.rest, gazetteer)
    return rank(parsed.entries, ctx, gazetteer, alt_form=parsed.alt_form)


def parse_place(text: str, gazetteer: Gazetteer) -> ParsedPlace | None:
    """Find the longest gazetteer name at the start of `text` after prepositions and kind words."""
    tokens = tokens_of(text)
    words = gazetteer.words
    kinds: set[str] = set()
    around = False
    for i, token in enumerate(tokens):
        word = strip_proclitic(token, words)
        is_kind_word = word in words.kinds or word in words.around
        # a kind word starts a name only with more words ("منطقة الشهباء", "ريف دمشق")
        found = _longest_name(tokens, i, gazetteer, min_words=2 if is_kind_word else 1)
        if found is not None and gazetteer.is_weak(found[0]) and not kinds:
            return None  # a common word ("المدينة") is a place only after a place word
        if found is not None:
            name, stop, entries, alt = found
            rest = " ".join(tokens[stop:])
            return ParsedPlace(name, entries, frozenset(kinds), around, rest, alt)
        if word in words.kinds:
            kinds |= words.kinds[word]
        elif word in words.around:
            around = True
        elif word not in words.prepositions and token not in words.prepositions:
            return None
    return None


_PUNCTUATION = str.maketrans({c: " " for c in "()[]\"'.,;:!?-_/"})


def tokens_of(text: str) -> list[str]:
    return normalize_key(text).translate(_PUNCTUATION).split()


def _anaphora(text: str, ctx: PlaceContext, gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """ "المدينة", "البلدة", "المخيم" alone: the latest place of that kind before it."""
    tokens = [t for t in tokens_of(text) if t not in gazetteer.words.prepositions]
    if len(tokens) != 1:
        return []
    article = [form for form, _ in _head_forms(tokens[0]) if form.startswith("ال")]
    kinds = next((gazetteer.words.kinds[f[2:]] for f in article if f[2:] in gazetteer.words.kinds),
                 None)  # fmt: skip
    if not kinds:
        return []
    for entry in ctx.near:
        if entry.kind in kinds:
            return [PlaceCandidate(entry, 5.0, entry.precision, f"the {entry.kind} named before")]
    return []


def _parse_anywhere(text: str, gazetteer: Gazetteer) -> ParsedPlace | None:
    """The first name after unknown leading words ("محور معرة موخص بريف إدلب")."""
    tokens = tokens_of(text)
    for i in range(1, len(tokens)):
        parsed = parse_place(" ".join(tokens[i:]), gazetteer)
        if parsed is not None:
            return parsed
    return None


def _longest_name(
    tokens: list[str], start: int, gazetteer: Gazetteer, *, min_words: int = 1
) -> tuple[str, int, tuple[GazetteerEntry, ...], bool] | None:
    """The longest name from `start`; forms with "ال" toggled only when no exact form matches."""
    for want_alt in (False, True):
        for stop in range(min(len(tokens), start + 6), start + min_words - 1, -1):
            tail = " ".join(tokens[start + 1 : stop])
            for head, alt in _head_forms(tokens[start]):
                if alt != want_alt:
                    continue
                name = f"{head} {tail}".strip()
                entries = gazetteer.lookup(name)
                if entries:
                    return name, stop, entries, alt
    return None


def _head_forms(token: str) -> list[tuple[str, bool]]:
    """The first word as written, without proclitics, and with "ال" added or dropped."""
    forms = [(token, False)]
    for prefix in sorted(PROCLITICS, key=len, reverse=True):
        if prefix and token.startswith(prefix) and len(token) - len(prefix) >= 2:
            forms.append((token[len(prefix) :], False))
    if token.startswith("لل") and len(token) > 3:
        forms.append(("ال" + token[2:], False))
    for form, _ in list(forms):
        if form.startswith("ال") and len(form) > 4:
            forms.append((form[2:], True))
        elif not form.startswith("ال"):
            forms.append(("ال" + form, True))
    return forms


def strip_proclitic(token: str, words: PlaceWords) -> str:
    """A kind or "around" word without its proclitics ("بريف" → "ريف"); other words as they are."""
    for prefix in ("وب", "فب", "و", "ف", "ب", "ل"):
        rest = token[len(prefix) :]
        if token.startswith(prefix) and (rest in words.kinds or rest in words.around):
            return rest
    return token


def qualified_context(ctx: PlaceContext, rest: str, gazetteer: Gazetteer) -> PlaceContext:
    """Use an admin area written after the name ("في ريف حلب", "بمحافظة الحسكة") as context."""
    tokens = rest.split()
    for i in range(len(tokens)):
        parsed = parse_place(" ".join(tokens[i:]), gazetteer)
        if parsed is None:
            continue
        anchor = anchor_entry(parsed.entries)
        if anchor is not None and anchor.admin1:
            area = anchor if anchor.kind in FALLBACK_AREA_KINDS else ctx.area
            return replace(
                ctx, admin1=ctx.admin1 or anchor.admin1, near=(anchor, *ctx.near), area=area
            )
    return ctx


def anchor_entry(entries: Sequence[GazetteerEntry]) -> GazetteerEntry | None:
    """The entry a qualifier means: a governorate, city, area or district of that name."""
    # a city before its governorate: "في حلب" is said of the city, and a point helps proximity
    for kind in ("city", "governorate", "area", "region", "district", "town"):
        for entry in entries:
            if entry.kind == kind and entry.country == "SY":
                return entry
    return None


def rank(
    entries: Sequence[GazetteerEntry],
    ctx: PlaceContext,
    gazetteer: Gazetteer,
    *,
    alt_form: bool = False,
) -> list[PlaceCandidate]:
    """Score entries of one name in a context; add the broader area when no namesake fits."""
    if any(e.kind == RELATIVE_KIND for e in entries):
        return _relative(ctx)
    scored = [_score(e, ctx, alt_form) for e in entries]
    scored.sort(key=lambda c: (-c.score, c.entry.id))
    fallback = _fallback(scored, ctx, gazetteer)
    if fallback is not None:
        scored.insert(0, fallback)
    return scored


def _score(entry: GazetteerEntry, ctx: PlaceContext, alt_form: bool) -> PlaceCandidate:
    score = KIND_PRIOR.get(entry.kind, 1.0)
    reasons = [entry.kind]
    if entry.population:
        score += 0.15 * math.log10(entry.population + 1)
    if ctx.kinds and entry.kind in ctx.kinds:
        score += KIND_MATCH
        reasons.append("kind word")
    if ctx.admin1:
        matched = entry.admin1 == ctx.admin1
        score += ADMIN_MATCH if matched else ADMIN_MISMATCH
        reasons.append("in named area" if matched else "outside named area")
    if ctx.main_admin1 and entry.admin1 == ctx.main_admin1:
        score += MAIN_AREA
        reasons.append("article's area")
    distance = _nearest_km(entry, ctx.near)
    if distance is not None:
        score += NEAR_BONUS * math.exp(-distance / NEAR_SCALE_KM)
        reasons.append(f"{distance:.0f} km from other places")
    if alt_form:
        score -= ALT_FORM_PENALTY
    precision = max(entry.precision, 2) if ctx.around else entry.precision
    return PlaceCandidate(entry, round(score, 3), precision, ", ".join(reasons))


def _nearest_km(entry: GazetteerEntry, near: Sequence[GazetteerEntry]) -> float | None:
    # only point-like places: the centroid of a governorate or area says nothing of proximity
    distances = [
        distance_km(entry.lat, entry.lon, n.lat, n.lon)
        for n in near
        if n.precision == 1 and n.kind != RELATIVE_KIND
    ]
    return min(distances) if distances else None


def _fallback(
    scored: list[PlaceCandidate], ctx: PlaceContext, gazetteer: Gazetteer
) -> PlaceCandidate | None:
    """The governorate when the context rules every namesake out (a far-away village)."""
    if not scored:
        return None
    best = scored[0]
    if best.entry.kind not in ("village", "neighbourhood") or best.entry.country != "SY":
        return None
    area = ctx.admin1 or ctx.main_admin1
    if area is None or best.entry.admin1 == area:
        return None
    distance = _nearest_km(best.entry, ctx.near)
    if ctx.admin1 is None and (distance is None or distance < FAR_NAMESAKE_KM):
        return None
    if ctx.area is not None and ctx.area.admin1 == area:
        # "قرية … بريف السويداء" with no such village there: the named area, honestly
        return PlaceCandidate(ctx.area, best.score + 0.1, ctx.area.precision, "no namesake: area")
    governorate = governorate_entry(gazetteer, area)
    if governorate is None:
        return None
    reason = f"no namesake in {area}: governorate"
    return PlaceCandidate(governorate, best.score + 0.1, 3, reason)


def _relative(ctx: PlaceContext) -> list[PlaceCandidate]:
    """The security square ("المربع الأمني") is coded at the city written with it, or else at
    the nearest city the article mentions."""
    for entry in ctx.near:
        if entry.kind in ("city", "town") and entry.country == "SY":
            return [PlaceCandidate(entry, 5.0, 1, "city of the security square")]
    return []


def governorate_entry(gazetteer: Gazetteer, admin1: str) -> GazetteerEntry | None:
    """The governorate entry of an OCHA admin-1 name, or of an Arabic governorate name."""
    for entry in gazetteer.lookup(admin1):
        if entry.kind == "governorate":
            return entry
    for entry in gazetteer:
        if entry.kind == "governorate" and entry.admin1 == admin1:
            return entry
    return None


# Every namesake of every mention is measured against the article's other places: within one
# article the same pairs recur about five times over, and news keeps naming the same towns.
distance_km = lru_cache(maxsize=8192)(haversine_km)
