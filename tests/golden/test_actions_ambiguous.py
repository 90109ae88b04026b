"""Ambiguous trigger words (reports written for these tests): what a demand or call asks for
("دعت إلى الإفراج", "طالب بإطلاق سراح") is no event; a protest's demands are its slogans; "طالب"
as a student is no demand; laying down arms or giving oneself up is no handover, while real
releases, demands and handovers are still found."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marsad.classify.candidates import candidates
from marsad.classify.view import views_of
from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.pipeline import analyze
from marsad.resolve import resolve_mentions

CASES = Path(__file__).with_name("actions_ambiguous.json")


@cache
def _resources() -> Resources:
    return Resources()


def _cases() -> list[dict[str, Any]]:
    return list(json.loads(CASES.read_text(encoding="utf-8")))


def _proposed(article: Article) -> set[str]:
    """The actions the lexicon and rules propose, before the learned filter."""
    resolution = resolve_mentions(extract_mentions(article, _resources()), _resources())
    views = views_of(resolution)
    return {c.action for c in candidates(views, article.text)}


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_ambiguous_words_not_proposed(case: dict[str, Any]) -> None:
    article = Article(
        id=case["id"], text=case["text"], published=date.fromisoformat(case["published"])
    )
    proposed = _proposed(article)
    for action in case["must_not_find"]:
        assert action not in proposed, f"{case['id']}: {action} proposed"


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_ambiguous_triggers(case: dict[str, Any]) -> None:
    article = Article(
        id=case["id"], text=case["text"], published=date.fromisoformat(case["published"])
    )
    found = {c.action for c in analyze(article, _resources()).claims}
    for action in case["must_find"]:
        assert action in found, f"{case['id']}: {action} missing from {sorted(found)}"
    for action in case["must_not_find"]:
        assert action not in found, f"{case['id']}: {action} wrongly found in {sorted(found)}"
