"""Attribution cues (who says so) and status cues (did it happen) as data, with matchers.

`data/attribution_cues.tsv`: cue and kind (verb, preposition, source, denial, medium, and
`not_actor`: words after which an actor's name is an outlet's owner or a source's seat, not an
actor of the event: "وكالة أنباء النظام", "المرصد … ومقره لندن"), `own_voice` (a speaker who is
the outlet itself: "مراسلنا", "مراسل" of the report) and `particle` (a word after a verb of
saying that shows no speaker is named there: "أشار إلى أن", "قالت في بيان إن").
`data/status_cues.tsv`: cue, status (negated, planned, denied, hedge, attempt) and scope (whether
the cue stands before or after the event words it governs).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge.files import data_path, read_tsv
from marsad.text.phrases import PhraseMatcher

ATTRIBUTION_FILE = "attribution_cues.tsv"
STATUS_FILE = "status_cues.tsv"
ATTRIBUTION_KINDS = frozenset(
    {
        "verb",
        "preposition",
        "source",
        "denial",
        "medium",
        "not_actor",
        "own_voice",
        "particle",
        "anaphor",
        "issuer",
    }
)
NOT_ACTOR_KIND = "not_actor"
# Word lists read by the attribution rules around a speaker's name, never searched for in text.
WORD_LIST_KINDS = frozenset({"own_voice", "particle", "anaphor"})
STATUS_KINDS = frozenset({"negated", "planned", "denied", "hedge", "attempt"})
SCOPES = frozenset({"before", "after"})


@dataclass(frozen=True, slots=True)
class AttributionCue:
    cue: str
    kind: str


@dataclass(frozen=True, slots=True)
class StatusCue:
    cue: str
    status: str
    scope: str


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in text; `value` is the attribution kind or "status:scope"."""

    start: int
    end: int
    text: str
    key: str
    values: tuple[str, ...]


class CueLexicon:
    def __init__(
        self, attribution: tuple[AttributionCue, ...], status: tuple[StatusCue, ...]
    ) -> None:
        self.attribution = attribution
        self.status = status
        self._attribution_matcher: PhraseMatcher | None = None
        self._status_matcher: PhraseMatcher | None = None

    def find_attribution(self, text: str) -> tuple[CueHit, ...]:
        """Attribution cues; values are kinds (verb, preposition, source, denial, medium)."""
        if self._attribution_matcher is None:
            self._attribution_matcher = PhraseMatcher(
                (c.cue, c.kind) for c in self.attribution if c.kind not in WORD_LIST_KINDS
            )
        return _hits(self._attribution_matcher, text)

    def not_actor_ends(self, text: str) -> tuple[int, ...]:
        """Where each "not an actor" phrase ends (an actor name right after it is dropped)."""
        return tuple(h.end for h in self.find_attribution(text) if NOT_ACTOR_KIND in h.values)

    def find_status(self, text: str) -> tuple[CueHit, ...]:
        """Status cues; values are "status:scope" strings, e.g. "negated:before"."""
        if self._status_matcher is None:
            self._status_matcher = PhraseMatcher(
                (c.cue, f"{c.status}:{c.scope}") for c in self.status
            )
        return _hits(self._status_matcher, text)


def _hits(matcher: PhraseMatcher, text: str) -> tuple[CueHit, ...]:
    return tuple(
        CueHit(h.start, h.end, text[h.start : h.end], h.key, h.values) for h in matcher.find(text)
    )


def load_cues(attribution_path: Path | None = None, status_path: Path | None = None) -> CueLexicon:
    attribution_source = attribution_path or data_path(ATTRIBUTION_FILE)
    status_source = status_path or data_path(STATUS_FILE)
    attribution = tuple(
        _attribution(row, attribution_source) for row in read_tsv(attribution_source)
    )
    status = tuple(_status(row, status_source) for row in read_tsv(status_source))
    return CueLexicon(attribution, status)


def _attribution(row: dict[str, str], source: Path) -> AttributionCue:
    kind = row.get("kind", "")
    if not row.get("cue") or kind not in ATTRIBUTION_KINDS:
        raise DataError(f"{source}: bad attribution cue {row!r}")
    return AttributionCue(row["cue"], kind)


def _status(row: dict[str, str], source: Path) -> StatusCue:
    status, scope = row.get("status", ""), row.get("scope", "")
    if not row.get("cue") or status not in STATUS_KINDS or scope not in SCOPES:
        raise DataError(f"{source}: bad status cue {row!r}")
    return StatusCue(row["cue"], status, scope)
