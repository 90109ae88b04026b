"""Mentions → values: actors to catalog options (time-aware), places to gazetteer entries,
dates to intervals."""

from __future__ import annotations

import re
from datetime import date

from marsad.knowledge.actors import ActorCatalog
from marsad.knowledge.gazetteer import Gazetteer
from marsad.knowledge.resources import Resources
from marsad.model import (
    ActorOption,
    DateInterval,
    DateRef,
    Extraction,
    Mention,
    MentionKind,
    Resolution,
    ResolvedActor,
    ResolvedDate,
    ResolvedPlace,
)
from marsad.resolve.article_places import around_kind_word, resolve_place_mentions
from marsad.resolve.landmarks import landmark_places

__all__ = ["resolve_mentions"]


def _date(mention: Mention) -> ResolvedDate | None:
    if mention.key is None:
        return None
    try:
        start, end, precision, year = mention.key.split("/")
        interval = DateInterval(date.fromisoformat(start), date.fromisoformat(end), int(precision))
    except ValueError:
        return None
    return ResolvedDate(mention, DateRef(interval, mention.span), has_year=year == "y")


def _places(
    mentions: list[Mention], extraction: Extraction, gazetteer: Gazetteer
) -> list[ResolvedPlace]:
    """Each place in its article's context (`resolve.article_places`, codebook §4), and the
    landmarks inside its towns (`resolve.landmarks`)."""
    text = extraction.article.text
    places = around_kind_word(text, resolve_place_mentions(mentions, gazetteer), gazetteer)
    return landmark_places(text, extraction.sentences, places, gazetteer)


def _organisation(catalog: ActorCatalog, option: ActorOption) -> ActorOption:
    """A person acts for their organisation (codebook §3: actors are groups), and the record
    codes the nearest seed id of it, keeping the project's more specific id beside it."""
    org = catalog.organisation(option.id)
    coded = catalog.seed_id(org)
    if coded == option.id:
        return option
    entry = catalog.get(coded)
    specific = org if org != coded else None
    return ActorOption(entry.id, entry.name_en, option.active_from, option.active_to, specific)


NOT_ACTOR_GAP = re.compile(r"^[\s\"'«»“”(]{0,3}$")  # "وكالة أنباء «النظام»": spaces, quotes


def _event_actors(
    mentions: list[Mention], sources: list[Mention], not_actor_ends: tuple[int, ...], text: str
) -> list[Mention]:
    """Actor names that name a party of the events: not inside a longer named source ("وكالة
    أنباء النظام السوري"), not a source's seat ("ومقره لندن") or an outlet's owner (codebook §7:
    sources are attribution, never actors)."""

    def inside_source(m: Mention) -> bool:
        return any(
            s.span.start <= m.span.start
            and m.span.end <= s.span.end
            and (s.span.end - s.span.start) > (m.span.end - m.span.start)
            for s in sources
        )

    def after_not_actor(m: Mention) -> bool:
        return any(
            0 <= m.span.start - end <= 3 and NOT_ACTOR_GAP.match(text[end : m.span.start])
            for end in not_actor_ends
        )

    return [m for m in mentions if not inside_source(m) and not after_not_actor(m)]


def _actors(mentions: list[Mention], catalog: ActorCatalog) -> list[ResolvedActor]:
    out = []
    for m in mentions:
        options: tuple[ActorOption, ...] = tuple(
            _organisation(catalog, o) for o in catalog.options(m.key or "")
        )
        if options:
            out.append(ResolvedActor(m, options))
    return out


def resolve_mentions(extraction: Extraction, resources: Resources) -> Resolution:
    by_kind: dict[MentionKind, list[Mention]] = {}
    for m in extraction.mentions:
        by_kind.setdefault(m.kind, []).append(m)
    places = _places(by_kind.get(MentionKind.PLACE, []), extraction, resources.gazetteer)
    catalog = resources.actors
    actor_mentions = by_kind.get(MentionKind.ACTOR, [])
    cues = resources.cues
    if actor_mentions:
        text = extraction.article.text
        sources = [
            m
            for m in by_kind.get(MentionKind.ATTRIBUTION, [])
            if (m.key or "").startswith("source:")
        ]
        actor_mentions = _event_actors(actor_mentions, sources, cues.not_actor_ends(text), text)
    actors = _actors(actor_mentions, catalog)
    dates = [d for d in map(_date, by_kind.get(MentionKind.DATE, [])) if d is not None]
    return Resolution(
        extraction=extraction, actors=tuple(actors), places=tuple(places), dates=tuple(dates)
    )
