"""Places of one article: every gazetteer name found, each resolved in the article's context.

For extraction: `find_places(text)` resolves all names at once; `resolve_hit` resolves one hit
given the article's other hits; `article_context` gives the context for a mention the gazetteer
cannot place alone ("المدينة" → the latest city named before it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.knowledge.gazetteer import (
    RELATIVE_KIND,
    Gazetteer,
    GazetteerEntry,
    PlaceHit,
    PlaceWords,
)
from marsad.knowledge.resources import Resources
from marsad.resolve.places import (
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
