"""Golden reports for WHERE (written for these tests in news style): the place each event must
be coded at (within 5 km of a point, or in a governorate), and places it must not be coded at."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marsad.geo import haversine_km
from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze

GOLDEN = Path(__file__).with_name("places_reports.json")
CLOSE_KM = 5.0


@cache
def _resources() -> Resources:
    return Resources()


def _reports() -> list[dict[str, Any]]:
    return list(json.loads(GOLDEN.read_text(encoding="utf-8")))


def _claims(report: dict[str, Any]) -> tuple[Claim, ...]:
    article = Article(
        id=report["id"], text=report["text"], published=date.fromisoformat(report["published"])
    )
    return analyze(article, _resources()).claims


def _fits(claim: Claim, want: dict[str, Any]) -> bool:
    if claim.action != want["action"]:
        return False
    loc = claim.location
    if loc is None:
        return False
    if "place" in want and (loc.span is None or want["place"] not in loc.span.text):
        return False
    if "admin1" in want and loc.place.admin1 != want["admin1"]:
        return False
    return "lat" not in want or (
        haversine_km(loc.place.lat, loc.place.lon, want["lat"], want["lon"]) <= CLOSE_KM
    )


def _describe(claims: tuple[Claim, ...]) -> list[str]:
    return [
        f"{c.action} @ {c.location.place.name if c.location else None}"
        f" ({c.location.span.text if c.location and c.location.span else ''})"
        for c in claims
    ]


@pytest.mark.parametrize("report", _reports(), ids=lambda r: r["id"])
def test_must_find(report: dict[str, Any]) -> None:
    claims = _claims(report)
    for want in report["must_find"]:
        assert any(_fits(c, want) for c in claims), (want, _describe(claims))


@pytest.mark.parametrize("report", _reports(), ids=lambda r: r["id"])
def test_must_not_find(report: dict[str, Any]) -> None:
    claims = _claims(report)
    for unwanted in report["must_not_find"]:
        assert not any(_fits(c, unwanted) for c in claims), (unwanted, _describe(claims))


def test_no_place_at_null_island() -> None:
    """A place the gazetteer keeps only relative to a city never comes out at 0,0."""
    for report in _reports():
        for claim in _claims(report):
            if claim.location is not None:
                assert abs(claim.location.place.lat) > 1.0, _describe((claim,))
