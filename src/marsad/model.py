"""The nouns of marsad: every stage takes and returns these frozen types.

Offsets are half-open character ranges into `Article.text` (Python string indices), which is
never changed. Ids derive from content so that a rerun gives the same ids.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

ID_HASH_CHARS = 16  # 64 bits of sha256: collisions are negligible below billions of items


def content_id(prefix: str, *parts: object) -> str:
    """A stable id from content: the same parts always give the same id."""
    payload = json.dumps([str(p) for p in parts], ensure_ascii=False)
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:ID_HASH_CHARS]
    return f"{prefix}-{digest}"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of an article's text and the text it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Article:
    """One report as ingested. `text` is verbatim; `published` is None when unknown."""

    id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None
    lang: str | None = None
    source: str | None = None  # where it came from: a file path, "path:line", or a feed URL

    @staticmethod
    def derive_id(text: str) -> str:
        return content_id("a", text)


class MentionKind(StrEnum):
    TRIGGER = "trigger"
    ACTOR = "actor"
    PLACE = "place"
    DATE = "date"
    NUMBER = "number"
    ATTRIBUTION = "attribution"
    STATUS = "status"
    NAME = "name"  # a person, organisation or place not in the catalogs


@dataclass(frozen=True, slots=True)
class Mention:
    """Something found in the text: where, what kind, the key it matched, and which rule found it.

    `key` is the lexicon/catalog/gazetteer key the surface matched (an action name, an actor id,
    a gazetteer id, a cue name), or None for free names. `rule` names the rule and its version,
    e.g. "lexicon.trigger@1" or "crf.trigger@2024-01".
    """

    kind: MentionKind
    span: Span
    key: str | None
    rule: str
    score: float = 1.0


# An actor mention's rule ends with this when the actor is the state of the people named right
# before it ("جندياً تركياً", "الطيار الروسي"): extract marks it, classify reads it (codebook §3).
PERSONS_MARK = ":persons"


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A calendar interval with the codebook's precision (1 day, 2 week/part of month, 3 month+)."""

    start: date
    end: date
    precision: int

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class ActorRef:
    """`id` is the coded actor (a seed-catalog id, codebook §3); `specific_id` the project's
    more specific catalog id it stands for ("JAYSH_ISLAM" under "OPPOSITION"), when different."""

    id: str
    name: str
    span: Span | None
    specific_id: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"id": self.id, "name": self.name, "specific_id": self.specific_id}
        out.update(_span_fields(self.span))
        return out


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (without any mention)."""

    gazetteer_id: str
    name: str
    name_ar: str
    lat: float
    lon: float
    admin1: str | None
    admin2: str | None
    admin3: str | None
    country: str
    # governorate | district | subdistrict | city | town | village | neighbourhood | area | camp …
    kind: str
    pcode: str | None = None
    population: int | None = None


@dataclass(frozen=True, slots=True)
class Site:
    """A facility or landmark inside a record's place that the place's entry does not name: the
    national hospital or municipal stadium of the city the record is coded at, or the named
    landmark a "landmark" place stands for. Two sites of one town are two spots: linking tells
    their happenings apart although both share the town's entry and coordinates."""

    key: str  # stable identity: the head noun's class and the name ("hospital:وطني")
    name: str  # English ("National hospital")

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "name": self.name}


@dataclass(frozen=True, slots=True)
class PlaceRef:
    place: Place
    geo_precision: int  # codebook §4: 1 exact, 2 near / area, 3 governorate
    span: Span | None
    site: Site | None = None  # the landmark inside the place the text names, if any

    def to_json(self) -> dict[str, object]:
        p = self.place
        out: dict[str, object] = {
            "name": p.name,
            "name_ar": p.name_ar,
            "lat": p.lat,
            "lon": p.lon,
            "admin1": p.admin1,
            "admin2": p.admin2,
            "admin3": p.admin3,
            "country": p.country,
            "geo_precision": self.geo_precision,
            "gazetteer_id": p.gazetteer_id,
            "pcode": p.pcode,
            "site": None if self.site is None else self.site.to_json(),
        }
        out.update(_span_fields(self.span))
        return out


@dataclass(frozen=True, slots=True)
class DateRef:
    interval: DateInterval
    span: Span | None

    def to_json(self) -> dict[str, object]:
        out = self.interval.to_json()
        if self.span is not None:
            out.update(
                {"text": self.span.text, "start_char": self.span.start, "end_char": self.span.end}
            )
        return out


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # day | tonne | person | litre | vehicle | …
    item: str | None  # siege | flour | killed | prisoners | …
    qualifier: str | None  # more_than | less_than | about | at_least | None
    span: Span | None

    def to_json(self) -> dict[str, object]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        out: dict[str, object] = {
            "value": value,
            "unit": self.unit,
            "item": self.item,
            "qualifier": self.qualifier,
        }
        out.update(_span_fields(self.span))
        return out


AttributionKind = Literal["outlet", "official", "party", "anonymous", "organisation", "person"]


@dataclass(frozen=True, slots=True)
class Attribution:
    name: str
    kind: str  # one of AttributionKind
    span: Span | None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "kind": self.kind}
        out.update(_span_fields(self.span))
        return out


Status = Literal["occurred", "denied", "planned", "negated"]
STATUSES: tuple[str, ...] = ("occurred", "denied", "planned", "negated")


@dataclass(frozen=True, slots=True)
class Claim:
    """One event record (codebook §1): one action, one place, one date, one article, one source."""

    id: str
    article_id: str
    action: str
    status: str  # one of STATUSES
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: PlaceRef | None
    date: DateRef | None
    fatalities: int | None
    quantities: tuple[Quantity, ...]
    attributed_to: Attribution | None
    evidence: Span
    trigger: Span | None
    confidence: float
    rule: str
    event_id: str | None = None
    story_id: str | None = None
    names: tuple[Mention, ...] = field(default=())  # names beyond the catalogs, reported as text

    @staticmethod
    def derive_id(
        article_id: str,
        action: str,
        status: str,
        place_key: str | None,
        date_key: str | None,
        attribution: str | None,
        actor1: str | None,
    ) -> str:
        return content_id("r", article_id, action, status, place_key, date_key, attribution, actor1)

    def to_json(self) -> dict[str, object]:
        """The record as schema.md's JSON Lines contract; export adds the ACLED/PLOVER names."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "event_id": self.event_id,
            "story_id": self.story_id,
            "action": self.action,
            "status": self.status,
            "actor1": None if self.actor1 is None else self.actor1.to_json(),
            "actor2": None if self.actor2 is None else self.actor2.to_json(),
            "location": None if self.location is None else self.location.to_json(),
            "date": None if self.date is None else self.date.to_json(),
            "fatalities": self.fatalities,
            "quantities": [q.to_json() for q in self.quantities],
            "attributed_to": None if self.attributed_to is None else self.attributed_to.to_json(),
            "evidence": self.evidence.to_json(),
            "trigger": None if self.trigger is None else self.trigger.to_json(),
            "confidence": round(self.confidence, 4),
            "rule": self.rule,
            "names": [{"kind": m.kind.value, "key": m.key, **m.span.to_json()} for m in self.names],
        }


@dataclass(frozen=True, slots=True)
class DisputeValue:
    value: str | int | float | None
    qualifier: str | None
    record_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    sources: tuple[str, ...]  # outlets and attributed sources that give this value

    def to_json(self) -> dict[str, object]:
        return {
            "value": self.value,
            "qualifier": self.qualifier,
            "records": list(self.record_ids),
            "articles": list(self.article_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class Dispute:
    field: str  # e.g. "location", "status", "fatalities", "quantities.siege.day", "date"
    values: tuple[DisputeValue, ...]

    def to_json(self) -> dict[str, object]:
        return {"field": self.field, "values": [v.to_json() for v in self.values]}


@dataclass(frozen=True, slots=True)
class Event:
    """A canonical happening: the records of all articles that tell it, merged."""

    id: str
    action: str
    status: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: PlaceRef | None
    date: DateInterval | None
    fatalities: int | None
    record_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    independent_sources: int  # outlets after near-duplicate copies are counted once
    disputes: tuple[Dispute, ...]
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    event_ids: tuple[str, ...]
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Failure:
    """Something that could not be processed; the run goes on and reports it."""

    source: str  # file path, "path:line", URL
    stage: str  # ingest | extract | store | …
    reason: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """The per-article (map) result: the article, its mentions and its claims."""

    article: Article
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]


def _span_fields(span: Span | None) -> dict[str, object]:
    if span is None:
        return {"text": None, "start": None, "end": None}
    return {"text": span.text, "start": span.start, "end": span.end}


# --- Stage results of the per-article map (extract → resolve → classify). Added for issue 7. ---


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extract found in one article: its sentences, clauses and every mention, with spans."""

    article: Article
    sentences: tuple[Span, ...]
    clauses: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    paragraphs: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorOption:
    """One catalog reading of an actor mention, with the window in which the id applies (§3)."""

    id: str
    name: str
    active_from: date | None
    active_to: date | None
    specific_id: str | None = None  # the project id `id` (a seed id) stands for, when different

    def applies_on(self, day: date | None) -> bool:
        if day is None:
            return True
        if self.active_from is not None and day < self.active_from:
            return False
        return not (self.active_to is not None and day >= self.active_to)


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """An actor mention and the catalog ids its words can mean; the event date picks one."""

    mention: Mention
    options: tuple[ActorOption, ...]

    def ref_on(self, day: date | None) -> ActorRef | None:
        """The most specific option that applies on `day` (options come most specific first)."""
        for option in self.options:
            if option.applies_on(day):
                return ActorRef(option.id, option.name, self.mention.span, option.specific_id)
        return None


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    mention: Mention
    ref: PlaceRef


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    mention: Mention
    ref: DateRef
    has_year: bool = True


@dataclass(frozen=True, slots=True)
class Resolution:
    """Mentions turned into values: actors (with time-aware options), places and dates."""

    extraction: Extraction
    actors: tuple[ResolvedActor, ...]
    places: tuple[ResolvedPlace, ...]
    dates: tuple[ResolvedDate, ...]
