"""Golden reports (written for these tests, news style) for the round-3 argument rules: a part
of a year ("مطلع العام 2015"), a toll whose subject comes before its killed verb, a count of dead
and wounded together, a toll told in the next sentence but not past another event, and sources
named with report verbs and source words the cue lexicon lacked ("كشف مصدر محلي", "معارضون")."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze

CASES = Path(__file__).with_name("args_round3_cases.json")


@cache
def _resources() -> Resources:
    return Resources()


def _cases() -> list[dict[str, Any]]:
    return list(json.loads(CASES.read_text(encoding="utf-8")))


def _values(claim: Claim) -> dict[str, Any]:
    return {
        "action": claim.action,
        "date": claim.date.interval.start.isoformat() if claim.date else None,
        "date_end": claim.date.interval.end.isoformat() if claim.date else None,
        "fatalities": claim.fatalities,
        "attributed": claim.attributed_to is not None,
    }


def _claims(case: dict[str, Any]) -> list[dict[str, Any]]:
    article = Article(
        id=case["id"], text=case["text"], published=date.fromisoformat(case["published"])
    )
    return [_values(c) for c in analyze(article, _resources()).claims]


def _fits(values: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(values.get(key) == wanted for key, wanted in want.items())


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_round3_arguments(case: dict[str, Any]) -> None:
    records = _claims(case)
    for want in case.get("expect", []):
        assert any(_fits(r, want) for r in records), (want, records)
    for unwanted in case.get("absent", []):
        assert not any(_fits(r, unwanted) for r in records), (unwanted, records)
