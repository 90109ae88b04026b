"""Golden sentences (written for these tests, news style) for landmarks inside a town as
places (`resolve.landmarks`): which phrases become a place, of which kind and id, in which
town, with the offsets of the mention; and which generic mentions must stay no place. Then
what the assembler makes of several landmarks of one town in one report."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim, ResolvedPlace
from marsad.pipeline import analyze
from marsad.resolve import resolve_mentions
from marsad.resolve.landmarks import LANDMARK_KIND

GOLDEN = Path(__file__).with_name("landmarks_cases.json")


@cache
def _resources() -> Resources:
    return Resources()


def _cases() -> list[dict[str, Any]]:
    return list(json.loads(GOLDEN.read_text(encoding="utf-8")))


def _places(text: str) -> tuple[ResolvedPlace, ...]:
    article = Article(id="t", text=text)
    return resolve_mentions(extract_mentions(article, _resources()), _resources()).places


def _fits(place: ResolvedPlace, want: dict[str, Any], text: str) -> bool:
    span = place.mention.span
    if span.text != want["text"] or text[span.start : span.end] != want["text"]:
        return False
    p = place.ref.place
    checks = (
        ("kind", p.kind),
        ("id", p.gazetteer_id),
        ("name", p.name),
        ("admin1", p.admin1),
        ("precision", place.ref.geo_precision),
        ("site", place.ref.site.key if place.ref.site else None),
    )
    return all(key not in want or want[key] == value for key, value in checks)


def _describe(places: tuple[ResolvedPlace, ...]) -> list[str]:
    return [
        f"{p.mention.span.text!r} {p.ref.place.kind} {p.ref.place.gazetteer_id}"
        f" {p.ref.place.name} p{p.ref.geo_precision} site={p.ref.site}"
        for p in places
    ]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_must_find(case: dict[str, Any]) -> None:
    places = _places(case["text"])
    for want in case["must_find"]:
        assert any(_fits(p, want, case["text"]) for p in places), (want, _describe(places))


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_must_not_find(case: dict[str, Any]) -> None:
    """No landmark starts at the generic phrase, and no place is the phrase itself (a town
    inside a landmark's name is no place of its own)."""
    text = case["text"]
    places = _places(text)
    for unwanted in case["must_not_find"]:
        start = text.index(unwanted["text"])
        end = start + len(unwanted["text"])
        overlapping = [
            p
            for p in places
            if (p.mention.span.start, p.mention.span.end) == (start, end)
            or (p.ref.place.kind == LANDMARK_KIND and start <= p.mention.span.start < end)
        ]
        assert not overlapping, (unwanted, _describe(places))


def _claims(text: str) -> tuple[Claim, ...]:
    article = Article(id="t", text=text, published=date(2017, 10, 17))
    return analyze(article, _resources()).claims


def _at(claims: tuple[Claim, ...], action: str) -> list[str]:
    return [c.location.place.gazetteer_id for c in claims if c.action == action and c.location]


def test_one_raid_on_two_buildings_is_one_strike() -> None:
    """Strikes on two sites of one town in one sentence are one strike (train gold codes one
    record at the town)."""
    claims = _claims(
        "شنت طائرات حربية روسية صباح اليوم الثلاثاء غارات على مبنى البريد ومبنى الفروسية في"
        " مدينة الرقة، ما أدى إلى دمار كبير."
    )
    assert len(_at(claims, "air_strike")) == 1, _at(claims, "air_strike")


def test_a_town_and_its_landmark_taken_are_two_records() -> None:
    """The city taken and one of its landmarks taken are two records (dev gold codes the city
    and its hospital apart), each at its own place."""
    claims = _claims(
        "أعلنت قوات سوريا الديمقراطية اليوم الثلاثاء السيطرة على مدينة الرقة بالكامل. وكانت"
        " القوات قد سيطرت في وقت سابق اليوم على ملعب الجلاء في المدينة بعد اشتباكات مع عناصر"
        " التنظيم."
    )
    taken = _at(claims, "territory_taken")
    assert "C5710" in taken and "LM:C5710:stadium:جلاء" in taken, taken


def test_clashes_at_two_landmarks_stay_apart() -> None:
    claims = _claims(
        "قصفت المدفعية مبنى البريد في مدينة الرقة، فيما دارت اشتباكات عنيفة في محيط مبنى"
        " الفروسية في المدينة."
    )
    assert _at(claims, "armed_clash") == ["LM:C5710:building:فروسيه"], _describe_claims(claims)
    assert _at(claims, "shelling") == ["LM:C5710:building:بريد"], _describe_claims(claims)


def _describe_claims(claims: tuple[Claim, ...]) -> list[str]:
    return [f"{c.action} @ {c.location.place.name if c.location else None}" for c in claims]


def _sites(claims: tuple[Claim, ...], action: str) -> list[str | None]:
    return [
        c.location.site.key if c.location and c.location.site else None
        for c in claims
        if c.action == action
    ]


def test_the_clashes_a_site_was_taken_by_are_at_that_site() -> None:
    """A clause opened by "ب" + trigger with no place of its own tells the means of the act
    before it, at that act's place, not at a place a later clause names."""
    claims = _claims(
        "سيطرت قوات سوريا الديمقراطية اليوم على المشفى الوطني في مدينة الرقة، باشتباكات مع"
        " عناصر تنظيم الدولة، قبل أن تنتقل المعارك إلى الملعب البلدي."
    )
    assert _sites(claims, "territory_taken") == ["AREA_REL_NATIONAL_HOSPITAL"]
    assert _sites(claims, "armed_clash") == ["AREA_REL_NATIONAL_HOSPITAL"], _describe_claims(claims)


def test_means_clashes_that_name_their_own_place_keep_it() -> None:
    claims = _claims("سيطرت القوات اليوم على بلدة الطبقة، باشتباكات في حي الثورة مع عناصر التنظيم.")
    assert [c.location.span.text for c in claims if c.action == "armed_clash" and c.location] == [
        "الثورة"
    ], _describe_claims(claims)
