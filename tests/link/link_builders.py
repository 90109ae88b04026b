"""Hand-made places, articles and claims for the linking tests (no gazetteer, no /work/shared)."""

from __future__ import annotations

from datetime import date

from marsad.model import (
    ActorRef,
    Article,
    Attribution,
    Claim,
    DateInterval,
    DateRef,
    Place,
    PlaceRef,
    Quantity,
    Span,
    content_id,
)


def place(gid: str, name: str, lat: float, lon: float, admin1: str) -> Place:
    return Place(gid, name, name, lat, lon, admin1, None, None, "SY", "city")


QAMISHLI = place("qamishli", "Qamishli", 37.0522, 41.2317, "Al-Hasakeh")
HASAKAH = place("hasakah", "Al-Hasakah", 36.5024, 40.7477, "Al-Hasakeh")
SHEIKH_MAQSOUD = place("sheikh_maqsoud", "Sheikh Maqsoud", 36.2290, 37.1590, "Aleppo")
ASHRAFIEH = place("ashrafieh", "Ashrafieh", 36.2220, 37.1500, "Aleppo")
DOUMA = place("douma", "Douma", 33.5711, 36.4023, "Rural Damascus")
IDLEB = place("idleb", "Idleb", 35.9306, 36.6339, "Idleb")


def article(
    aid: str, text: str, *, outlet: str | None = None, published: date | None = None
) -> Article:
    return Article(id=aid, text=text, outlet=outlet, published=published)


def claim(
    art: Article,
    action: str,
    evidence: str,
    *,
    actor1: str | None = None,
    actor2: str | None = None,
    where: Place | None = None,
    when: tuple[date, date] | None = None,
    status: str = "occurred",
    fatalities: int | None = None,
    quantities: tuple[Quantity, ...] = (),
    attributed: str | None = None,
    precision: int = 1,
) -> Claim:
    """A claim whose evidence is a verbatim part of the article (offsets are real)."""
    start = art.text.find(evidence)
    if start < 0:
        raise ValueError(f"evidence not in article {art.id}: {evidence!r}")
    span = Span.of(art.text, start, start + len(evidence))
    return Claim(
        id=content_id("r", art.id, action, status, where and where.gazetteer_id, when, attributed),
        article_id=art.id,
        action=action,
        status=status,
        actor1=ActorRef(actor1, actor1, None) if actor1 else None,
        actor2=ActorRef(actor2, actor2, None) if actor2 else None,
        location=PlaceRef(where, 1, None) if where else None,
        # the date is said in the evidence (a date with no words is a default: facts.date_said)
        date=DateRef(DateInterval(when[0], when[1], precision), span) if when else None,
        fatalities=fatalities,
        quantities=quantities,
        attributed_to=Attribution(attributed, "outlet", None) if attributed else None,
        evidence=span,
        trigger=None,
        confidence=0.9,
        rule="test",
    )


def day(d: int, month: int = 4, year: int = 2022) -> tuple[date, date]:
    return date(year, month, d), date(year, month, d)


def siege_days(value: float, qualifier: str | None = None) -> Quantity:
    return Quantity(value, "day", "siege", qualifier, None)
