"""What linking keeps of each record: a compact, serializable summary of a claim.

The link state holds one `RecordFacts` per record ever linked, so that later runs can score new
records against old ones and rebuild an event's canonical values and disputes without the claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from marsad.link.dates import INHERITED_DATE_RULE, event_weekdays
from marsad.link.shingles import sketch
from marsad.model import Article, Claim, DateInterval, Place, Site
from marsad.text.dates import DayHint, day_hints
from marsad.text.sentences import split_sentences

# One shared empty set: CPython makes a new empty frozenset per call, and most records name no
# day (at 100k records, two each cost ~40 MB).
NO_DAYS: frozenset[int] = frozenset()
HINT_CARRY_SENTENCES = 3  # as classify.dates carries a date: the account goes on about that day
HINT_LEAD_SENTENCES = 1  # an opening that names no day takes the next sentence's


@dataclass(frozen=True, slots=True)
class QuantityFact:
    value: float
    unit: str
    item: str | None
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class RecordFacts:
    """The fields of one record that linking compares, merges and reports."""

    record_id: str
    article_id: str
    action: str
    family: str
    status: str
    actor1: str | None
    actor1_name: str | None
    actor2: str | None
    actor2_name: str | None
    place: Place | None
    geo_precision: int | None
    date: DateInterval | None
    published: dt.date | None  # the article's, the fallback time anchor for blocking
    fatalities: int | None
    quantities: tuple[QuantityFact, ...]
    attribution: str | None
    outlet: str | None
    sketch: bytes  # bottom-k hashes of the evidence wording (shingles.sketch)
    # False when no words of the text gave the date: extraction took the publication day (or the
    # day before it) by default, which says only "on or before the report" (classify.dates).
    date_said: bool = True
    # An undated article's estimated day of writing: the latest full date its records state (a
    # report is written on or after the latest day it tells). None for a dated article.
    written: dt.date | None = None
    # The landmark inside the place the text names (model.Site key): the national hospital of
    # a record coded at its city. Two sites of one town are two spots at one entry.
    site: Site | None = None
    # An undated record of an undated article: what its text says of the day with no calendar
    # date (text.dates.day_hints), as the weekdays and days of the month on which another report
    # may date the happening (`dates.event_weekdays`). Empty when the record has a date or its text
    # names no such day.
    weekdays: frozenset[int] = NO_DAYS
    month_days: frozenset[int] = NO_DAYS

    @property
    def source(self) -> str | None:
        """Who gives this record: the attributed source, else the outlet."""
        return self.attribution or self.outlet

    @property
    def anchor(self) -> dt.date | None:
        """The date that places this record in time for blocking: its own, else its article's."""
        if self.date is not None:
            return self.date.start
        return self.published


def facts_of(
    claim: Claim,
    article: Article | None,
    family: str,
    written: dt.date | None = None,
    told: DayHint | None = None,
) -> RecordFacts:
    """Summarise a claim (and its article's outlet and date) for linking; `written` is the
    undated article's estimated day of writing (`written_days`), `told` what the text says of
    the day of an undated record (`told_days`)."""
    published = article.published if article else None
    hint = told if published is None else None
    return RecordFacts(
        record_id=claim.id,
        article_id=claim.article_id,
        action=claim.action,
        family=family,
        status=claim.status,
        actor1=claim.actor1.id if claim.actor1 else None,
        actor1_name=claim.actor1.name if claim.actor1 else None,
        actor2=claim.actor2.id if claim.actor2 else None,
        actor2_name=claim.actor2.name if claim.actor2 else None,
        place=claim.location.place if claim.location else None,
        geo_precision=claim.location.geo_precision if claim.location else None,
        date=claim.date.interval if claim.date else None,
        published=published,
        fatalities=claim.fatalities,
        quantities=tuple(
            QuantityFact(q.value, q.unit, q.item, q.qualifier) for q in claim.quantities
        ),
        attribution=claim.attributed_to.name if claim.attributed_to else None,
        outlet=article.outlet if article else None,
        sketch=sketch(claim.evidence.text),
        date_said=not _defaulted(claim, published),
        written=written if published is None else None,
        site=claim.location.site if claim.location else None,
        weekdays=event_weekdays(hint) if hint else NO_DAYS,
        month_days=hint.month_days if hint else NO_DAYS,
    )


def _defaulted(claim: Claim, published: dt.date | None) -> bool:
    """The claim's date is the publication day (or that day and the one before), with no words
    of the text giving it: classify.dates' default for an event the report does not date."""
    if claim.date is None or claim.date.span is not None or published is None:
        return False
    interval = claim.date.interval
    if interval.end != published:
        return False
    return (interval.start == published and interval.precision == 1) or (
        interval.start == published - dt.timedelta(days=1) and interval.precision == 2
    )


def written_days(claims: Iterable[Claim], articles: Mapping[str, Article]) -> dict[str, dt.date]:
    """Article id → the estimated day of writing of each article with no publication date: the
    latest full date (a day, with its year) that its records state. An article is written on
    or after the latest day it reports, and usually soon after, so this anchors its undated
    records weakly in time (scoring treats it as weaker than a publication date)."""
    out: dict[str, dt.date] = {}
    for claim in claims:
        article = articles.get(claim.article_id)
        if article is None or article.published is not None or claim.date is None:
            continue
        if INHERITED_DATE_RULE in claim.rule:
            continue  # a day linking lent it from another report says nothing of this one
        interval = claim.date.interval
        if interval.precision != 1:
            continue
        known = out.get(claim.article_id)
        if known is None or interval.end > known:
            out[claim.article_id] = interval.end
    return out


def told_days(claims: Iterable[Claim], articles: Mapping[str, Article]) -> dict[str, DayHint]:
    """Claim id → what the text says of the day of each undated claim of an article with no
    publication date: the weekday or day of the month named in its sentence (the one nearest
    its trigger), else in the last sentences before it (the account goes on about that day),
    else, for the opening of the report, in the sentence after it. Nothing is invented: a claim
    whose text names no such day has none. (Lending every other undated claim the day of writing
    the report names was tried and dropped: it linked two clashes in one town on that day, and
    dev gold-built linking fell.)"""
    out: dict[str, DayHint] = {}
    by_article: dict[str, tuple[tuple[DayHint, ...], tuple[tuple[int, int], ...]]] = {}
    for claim in claims:
        article = articles.get(claim.article_id)
        if article is None or article.published is not None:
            continue
        if claim.date is not None and INHERITED_DATE_RULE not in claim.rule:
            continue  # a day the text states; one linking lent it says nothing of this text
        if article.id not in by_article:
            by_article[article.id] = (day_hints(article.text), split_sentences(article.text))
        hints, sentences = by_article[article.id]
        hint = _hint_of(claim, hints, sentences)
        if hint is not None:
            out[claim.id] = hint
    return out


def _hint_of(
    claim: Claim, hints: tuple[DayHint, ...], sentences: tuple[tuple[int, int], ...]
) -> DayHint | None:
    if not hints:
        return None
    evidence = claim.evidence
    own = [h for h in hints if evidence.start <= h.start < evidence.end]
    if own:
        at = claim.trigger.start if claim.trigger is not None else evidence.start
        return min(own, key=lambda h: abs(h.start - at))
    before = [i for i, (start, _) in enumerate(sentences) if start < evidence.start]
    if before and HINT_CARRY_SENTENCES > 0:
        first = sentences[max(0, before[-1] - HINT_CARRY_SENTENCES + 1)][0]
        recent = [h for h in hints if first <= h.start < evidence.start]
        if recent:
            return recent[-1]
    if any(h.start < evidence.start for h in hints):
        return None  # a day named earlier, out of reach, is of another part of the account
    # the opening of the report, which names no day: the lead after it names the day of what
    # it opens with (a headline-like opening "بعد إجلاء المصابين ..." then "وجرى الإجلاء الجمعة")
    after = [i for i, (start, _) in enumerate(sentences) if start >= evidence.end]
    if not after or HINT_LEAD_SENTENCES == 0:
        return None
    last = sentences[after[min(len(after), HINT_LEAD_SENTENCES) - 1]][1]
    return next((h for h in hints if evidence.end <= h.start < last), None)


def facts_to_json(facts: RecordFacts) -> dict[str, object]:
    place = facts.place
    return {
        "record_id": facts.record_id,
        "article_id": facts.article_id,
        "action": facts.action,
        "family": facts.family,
        "status": facts.status,
        "actor1": [facts.actor1, facts.actor1_name],
        "actor2": [facts.actor2, facts.actor2_name],
        "place": None if place is None else _place_to_json(place),
        "geo_precision": facts.geo_precision,
        "date": None if facts.date is None else facts.date.to_json(),
        "published": facts.published.isoformat() if facts.published else None,
        "fatalities": facts.fatalities,
        "quantities": [[q.value, q.unit, q.item, q.qualifier] for q in facts.quantities],
        "attribution": facts.attribution,
        "outlet": facts.outlet,
        "sketch": facts.sketch.hex(),
        "date_said": facts.date_said,
        "written": facts.written.isoformat() if facts.written else None,
        "site": None if facts.site is None else facts.site.to_json(),
        "weekdays": sorted(facts.weekdays),
        "month_days": sorted(facts.month_days),
    }


def facts_from_json(data: Mapping[str, object]) -> RecordFacts:
    actor1 = _pair(data.get("actor1"))
    actor2 = _pair(data.get("actor2"))
    place = data.get("place")
    interval = data.get("date")
    published = data.get("published")
    quantities = data.get("quantities")
    written = data.get("written")
    return RecordFacts(
        record_id=str(data["record_id"]),
        article_id=str(data["article_id"]),
        action=str(data["action"]),
        family=str(data["family"]),
        status=str(data["status"]),
        actor1=actor1[0],
        actor1_name=actor1[1],
        actor2=actor2[0],
        actor2_name=actor2[1],
        place=_place_from_json(place) if isinstance(place, Mapping) else None,
        geo_precision=_opt_int(data.get("geo_precision")),
        date=_interval_from_json(interval) if isinstance(interval, Mapping) else None,
        published=dt.date.fromisoformat(str(published)) if published else None,
        fatalities=_opt_int(data.get("fatalities")),
        quantities=tuple(
            QuantityFact(float(str(q[0])), str(q[1]), _opt_str(q[2]), _opt_str(q[3]))
            for q in (quantities if isinstance(quantities, list) else [])
            if isinstance(q, list) and len(q) == 4
        ),
        attribution=_opt_str(data.get("attribution")),
        outlet=_opt_str(data.get("outlet")),
        sketch=bytes.fromhex(str(data.get("sketch") or "")),
        # states written before these fields existed: every date as said, no estimate
        date_said=data.get("date_said") is not False,
        written=dt.date.fromisoformat(str(written)) if written else None,
        site=_site_from_json(data.get("site")),  # states written before sites: none
        weekdays=_int_set(data.get("weekdays")),
        month_days=_int_set(data.get("month_days")),
    )


def _place_to_json(place: Place) -> dict[str, object]:
    return {
        "gazetteer_id": place.gazetteer_id,
        "name": place.name,
        "name_ar": place.name_ar,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": place.admin3,
        "country": place.country,
        "kind": place.kind,
        "pcode": place.pcode,
        "population": place.population,
    }


def _place_from_json(data: Mapping[str, object]) -> Place:
    return Place(
        gazetteer_id=str(data["gazetteer_id"]),
        name=str(data["name"]),
        name_ar=str(data.get("name_ar") or ""),
        lat=float(str(data["lat"])),
        lon=float(str(data["lon"])),
        admin1=_opt_str(data.get("admin1")),
        admin2=_opt_str(data.get("admin2")),
        admin3=_opt_str(data.get("admin3")),
        country=str(data.get("country") or ""),
        kind=str(data.get("kind") or ""),
        pcode=_opt_str(data.get("pcode")),
        population=_opt_int(data.get("population")),
    )


def _site_from_json(data: object) -> Site | None:
    if not isinstance(data, Mapping):
        return None
    return Site(str(data["key"]), str(data["name"]))


def _interval_from_json(data: Mapping[str, object]) -> DateInterval:
    return DateInterval(
        start=dt.date.fromisoformat(str(data["start"])),
        end=dt.date.fromisoformat(str(data["end"])),
        precision=int(str(data["precision"])),
    )


def _pair(value: object) -> tuple[str | None, str | None]:
    items = _as_list(value)
    if len(items) != 2:
        return None, None
    return _opt_str(items[0]), _opt_str(items[1])


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _int_set(value: object) -> frozenset[int]:
    items = _as_list(value)
    return frozenset(int(str(v)) for v in items) if items else NO_DAYS


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: object) -> int | None:
    return None if value is None else int(str(value))
