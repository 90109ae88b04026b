"""JSON round trip of the model types: `x_from_json(x_to_json(value)) == value` for every type.

The `*_to_json` dicts are what the store keeps and what other processes exchange. For claims the
dict is `Claim.to_json()` (schema.md's record contract) plus the few fields that contract leaves
out (the gazetteer kind and population of a place, the rule and score of free names, the exact
confidence), so that nothing is lost. Malformed input raises `InputError`, never a bare KeyError.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from marsad.errors import InputError
from marsad.model import (
    ActorRef,
    Article,
    Attribution,
    Claim,
    DateInterval,
    DateRef,
    Dispute,
    DisputeValue,
    Event,
    Failure,
    Mention,
    MentionKind,
    Place,
    PlaceRef,
    Quantity,
    Site,
    Span,
    Story,
)

JsonDict = dict[str, Any]
_T = TypeVar("_T")


def _decode(kind: str, build: Callable[[Mapping[str, Any]], _T], data: object) -> _T:
    """Run a decoder and turn any shape error into an InputError that names the type."""
    if not isinstance(data, Mapping):
        raise InputError(f"{kind} JSON must be an object, got {type(data).__name__}")
    try:
        return build(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"malformed {kind} JSON: {type(exc).__name__}: {exc}") from exc


def _opt_date(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _span_from(d: Mapping[str, Any], start_key: str = "start", end_key: str = "end") -> Span | None:
    """A span from `text`/`start`/`end` fields (all null when there is none)."""
    start = d.get(start_key)
    if start is None:
        return None
    return Span(int(start), int(d[end_key]), str(d["text"]))


def span_from_json(d: Mapping[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]))


# --- parts of a claim -------------------------------------------------------------------------


def interval_from_json(d: Mapping[str, Any]) -> DateInterval:
    return DateInterval(
        start=date.fromisoformat(d["start"]),
        end=date.fromisoformat(d["end"]),
        precision=int(d["precision"]),
    )


def _actor_from(d: Mapping[str, Any] | None) -> ActorRef | None:
    if d is None:
        return None
    return ActorRef(
        id=str(d["id"]),
        name=str(d["name"]),
        span=_span_from(d),
        specific_id=_opt_str(d.get("specific_id")),
    )


def _place_ref_to_json(ref: PlaceRef) -> JsonDict:
    out = ref.to_json()
    out["kind"] = ref.place.kind
    out["population"] = ref.place.population
    return out


def _place_ref_from(d: Mapping[str, Any] | None) -> PlaceRef | None:
    if d is None:
        return None
    place = Place(
        gazetteer_id=str(d["gazetteer_id"]),
        name=str(d["name"]),
        name_ar=str(d["name_ar"]),
        lat=float(d["lat"]),
        lon=float(d["lon"]),
        admin1=_opt_str(d.get("admin1")),
        admin2=_opt_str(d.get("admin2")),
        admin3=_opt_str(d.get("admin3")),
        country=str(d["country"]),
        kind=str(d.get("kind", "unknown")),  # schema records omit it
        pcode=_opt_str(d.get("pcode")),
        population=None if d.get("population") is None else int(d["population"]),
    )
    site = d.get("site")
    return PlaceRef(
        place=place,
        geo_precision=int(d["geo_precision"]),
        span=_span_from(d),
        site=Site(str(site["key"]), str(site["name"])) if isinstance(site, Mapping) else None,
    )


def _date_ref_from(d: Mapping[str, Any] | None) -> DateRef | None:
    if d is None:
        return None
    return DateRef(interval=interval_from_json(d), span=_span_from(d, "start_char", "end_char"))


def _quantity_from(d: Mapping[str, Any]) -> Quantity:
    return Quantity(
        value=float(d["value"]),
        unit=str(d["unit"]),
        item=_opt_str(d.get("item")),
        qualifier=_opt_str(d.get("qualifier")),
        span=_span_from(d),
    )


def _attribution_from(d: Mapping[str, Any] | None) -> Attribution | None:
    if d is None:
        return None
    return Attribution(name=str(d["name"]), kind=str(d["kind"]), span=_span_from(d))


def mention_to_json(mention: Mention) -> JsonDict:
    return {
        "kind": mention.kind.value,
        "key": mention.key,
        **mention.span.to_json(),
        "rule": mention.rule,
        "score": mention.score,
    }


def mention_from_json(d: Mapping[str, Any]) -> Mention:
    return _decode("mention", _mention_from, d)


def _mention_from(d: Mapping[str, Any]) -> Mention:
    return Mention(
        kind=MentionKind(d["kind"]),
        span=span_from_json(d),
        key=_opt_str(d.get("key")),
        rule=str(d.get("rule") or ""),
        score=float(d.get("score", 1.0)),
    )


# --- claims -----------------------------------------------------------------------------------


def claim_to_json(claim: Claim) -> JsonDict:
    """schema.md's record (Claim.to_json) plus what it leaves out, so decoding loses nothing."""
    out: JsonDict = claim.to_json()
    out["location"] = None if claim.location is None else _place_ref_to_json(claim.location)
    out["names"] = [mention_to_json(m) for m in claim.names]
    out["confidence"] = claim.confidence  # unrounded: the store must give back the same claim
    return out


def claim_from_json(d: Mapping[str, Any]) -> Claim:
    return _decode("claim", _claim_from, d)


def _claim_from(d: Mapping[str, Any]) -> Claim:
    trigger = d.get("trigger")
    return Claim(
        id=str(d["id"]),
        article_id=str(d["article_id"]),
        action=str(d["action"]),
        status=str(d["status"]),
        actor1=_actor_from(d.get("actor1")),
        actor2=_actor_from(d.get("actor2")),
        location=_place_ref_from(d.get("location")),
        date=_date_ref_from(d.get("date")),
        fatalities=None if d.get("fatalities") is None else int(d["fatalities"]),
        quantities=tuple(_quantity_from(q) for q in d.get("quantities") or ()),
        attributed_to=_attribution_from(d.get("attributed_to")),
        evidence=span_from_json(d["evidence"]),
        trigger=None if trigger is None else span_from_json(trigger),
        confidence=float(d["confidence"]),
        rule=str(d["rule"]),
        event_id=_opt_str(d.get("event_id")),
        story_id=_opt_str(d.get("story_id")),
        names=tuple(_mention_from(m) for m in d.get("names") or ()),
    )


# --- events and stories -----------------------------------------------------------------------


def event_to_json(event: Event) -> JsonDict:
    return {
        "id": event.id,
        "story_id": event.story_id,
        "action": event.action,
        "status": event.status,
        "actor1": None if event.actor1 is None else event.actor1.to_json(),
        "actor2": None if event.actor2 is None else event.actor2.to_json(),
        "location": None if event.location is None else _place_ref_to_json(event.location),
        "date": None if event.date is None else event.date.to_json(),
        "fatalities": event.fatalities,
        "record_ids": list(event.record_ids),
        "article_ids": list(event.article_ids),
        "outlets": list(event.outlets),
        "independent_sources": event.independent_sources,
        "disputes": [d.to_json() for d in event.disputes],
    }


def event_from_json(d: Mapping[str, Any]) -> Event:
    return _decode("event", _event_from, d)


def _dispute_value_from(d: Mapping[str, Any]) -> DisputeValue:
    value = d.get("value")
    if value is not None and not isinstance(value, str | int | float):
        raise TypeError(f"dispute value must be a string or a number, got {value!r}")
    return DisputeValue(
        value=value,
        qualifier=_opt_str(d.get("qualifier")),
        record_ids=tuple(str(r) for r in d.get("records") or ()),
        article_ids=tuple(str(a) for a in d.get("articles") or ()),
        sources=tuple(str(s) for s in d.get("sources") or ()),
    )


def _event_from(d: Mapping[str, Any]) -> Event:
    interval = d.get("date")
    return Event(
        id=str(d["id"]),
        action=str(d["action"]),
        status=str(d["status"]),
        actor1=_actor_from(d.get("actor1")),
        actor2=_actor_from(d.get("actor2")),
        location=_place_ref_from(d.get("location")),
        date=None if interval is None else interval_from_json(interval),
        fatalities=None if d.get("fatalities") is None else int(d["fatalities"]),
        record_ids=tuple(str(r) for r in d.get("record_ids") or ()),
        article_ids=tuple(str(a) for a in d.get("article_ids") or ()),
        outlets=tuple(str(o) for o in d.get("outlets") or ()),
        independent_sources=int(d.get("independent_sources") or 0),
        disputes=tuple(
            Dispute(
                field=str(x["field"]),
                values=tuple(_dispute_value_from(v) for v in x["values"]),
            )
            for x in d.get("disputes") or ()
        ),
        story_id=_opt_str(d.get("story_id")),
    )


def story_to_json(story: Story) -> JsonDict:
    return {
        "id": story.id,
        "title": story.title,
        "event_ids": list(story.event_ids),
        "start": _iso(story.start),
        "end": _iso(story.end),
    }


def story_from_json(d: Mapping[str, Any]) -> Story:
    return _decode("story", _story_from, d)


def _story_from(d: Mapping[str, Any]) -> Story:
    return Story(
        id=str(d["id"]),
        title=str(d.get("title") or ""),
        event_ids=tuple(str(e) for e in d.get("event_ids") or ()),
        start=_opt_date(d.get("start")),
        end=_opt_date(d.get("end")),
    )


# --- articles and failures --------------------------------------------------------------------


def article_to_json(article: Article) -> JsonDict:
    return {
        "id": article.id,
        "outlet": article.outlet,
        "url": article.url,
        "published": _iso(article.published),
        "title": article.title,
        "lang": article.lang,
        "source": article.source,
        "text": article.text,
    }


def article_from_json(d: Mapping[str, Any]) -> Article:
    return _decode("article", _article_from, d)


def _article_from(d: Mapping[str, Any]) -> Article:
    return Article(
        id=str(d["id"]),
        text=str(d["text"]),
        outlet=_opt_str(d.get("outlet")),
        url=_opt_str(d.get("url")),
        published=_opt_date(d.get("published")),
        title=_opt_str(d.get("title")),
        lang=_opt_str(d.get("lang")),
        source=_opt_str(d.get("source")),
    )


def failure_to_json(failure: Failure) -> JsonDict:
    return {
        "source": failure.source,
        "stage": failure.stage,
        "reason": failure.reason,
        "article_id": failure.article_id,
    }


def failure_from_json(d: Mapping[str, Any]) -> Failure:
    return _decode("failure", _failure_from, d)


def _failure_from(d: Mapping[str, Any]) -> Failure:
    return Failure(
        source=str(d["source"]),
        stage=str(d["stage"]),
        reason=str(d["reason"]),
        article_id=_opt_str(d.get("article_id")),
    )
