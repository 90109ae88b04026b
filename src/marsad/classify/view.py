"""An article's resolved mentions indexed by sentence, for the classify rules and features."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from marsad.model import (
    Mention,
    MentionKind,
    Resolution,
    ResolvedActor,
    ResolvedDate,
    ResolvedPlace,
    Span,
)


@dataclass(slots=True)
class SentenceView:
    index: int
    span: Span
    paragraph: int
    clauses: tuple[Span, ...]
    triggers: list[Mention] = field(default_factory=list)  # action triggers (key = action)
    context: list[Mention] = field(default_factory=list)  # context:air / killed / building …
    status: list[Mention] = field(default_factory=list)
    attribution: list[Mention] = field(default_factory=list)
    actors: list[ResolvedActor] = field(default_factory=list)
    places: list[ResolvedPlace] = field(default_factory=list)
    dates: list[ResolvedDate] = field(default_factory=list)
    numbers: list[Mention] = field(default_factory=list)
    names: list[Mention] = field(default_factory=list)

    def context_kinds(self) -> set[str]:
        return {(m.key or "").removeprefix("context:") for m in self.context}

    def clause_of(self, position: int) -> Span:
        for clause in self.clauses:
            if clause.start <= position < clause.end:
                return clause
        return self.span


def _index_of(starts: list[int], position: int) -> int:
    return max(0, bisect.bisect_right(starts, position) - 1)


def build_views(
    sentences: tuple[Span, ...],
    clauses: tuple[Span, ...],
    paragraphs: tuple[Span, ...],
    mentions: tuple[Mention, ...],
    actors: tuple[ResolvedActor, ...],
    places: tuple[ResolvedPlace, ...],
    dates: tuple[ResolvedDate, ...],
) -> list[SentenceView]:
    starts = [s.start for s in sentences]
    para_starts = [p.start for p in paragraphs]
    views = [
        SentenceView(
            index=i,
            span=s,
            paragraph=_index_of(para_starts, s.start) if para_starts else 0,
            clauses=tuple(c for c in clauses if s.start <= c.start and c.end <= s.end),
        )
        for i, s in enumerate(sentences)
    ]
    if not views:
        return views
    for m in mentions:
        view = views[_index_of(starts, m.span.start)]
        _add_mention(view, m)
    for a in actors:
        views[_index_of(starts, a.mention.span.start)].actors.append(a)
    for p in places:
        views[_index_of(starts, p.mention.span.start)].places.append(p)
    for d in dates:
        views[_index_of(starts, d.mention.span.start)].dates.append(d)
    return views


def _add_mention(view: SentenceView, m: Mention) -> None:
    key = m.key or ""
    if m.kind is MentionKind.TRIGGER:
        (view.context if key.startswith("context:") else view.triggers).append(m)
    elif m.kind is MentionKind.STATUS:
        view.status.append(m)
    elif m.kind is MentionKind.ATTRIBUTION:
        view.attribution.append(m)
    elif m.kind is MentionKind.NUMBER:
        view.numbers.append(m)
    elif m.kind is MentionKind.NAME:
        view.names.append(m)


def views_of(resolution: Resolution) -> list[SentenceView]:
    """The sentence views of a resolved article (what every classify step reads)."""
    ex = resolution.extraction
    return build_views(
        ex.sentences,
        ex.clauses,
        ex.paragraphs,
        ex.mentions,
        resolution.actors,
        resolution.places,
        resolution.dates,
    )
