"""What the golden report tests share: one Resources, the case files, and the pipeline run."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze

HERE = Path(__file__).parent


@cache
def shared_resources() -> Resources:
    return Resources()


def load_cases(file_name: str) -> list[dict[str, Any]]:
    return list(json.loads((HERE / file_name).read_text(encoding="utf-8")))


def analyzed_claims(case: dict[str, Any]) -> tuple[Claim, ...]:
    """The records of one golden report (`id`, `text`, `published` as an ISO date or null for
    an undated report, and an optional `outlet`)."""
    article = Article(
        id=case["id"],
        text=case["text"],
        outlet=case.get("outlet"),
        published=date.fromisoformat(case["published"]) if case["published"] else None,
    )
    return analyze(article, shared_resources()).claims


def source_values(claim: Claim) -> dict[str, Any]:
    """What the status and attribution cases compare: the action, its status and its source."""
    return {
        "action": claim.action,
        "status": claim.status,
        "attributed": claim.attributed_to is not None,
        "source": claim.attributed_to.name if claim.attributed_to else None,
    }


def check_case(records: list[dict[str, Any]], case: dict[str, Any]) -> None:
    """Every `expect` entry fits a record, no `absent` one does, and `count` holds per action."""

    def fits(values: dict[str, Any], want: dict[str, Any]) -> bool:
        return all(values.get(key) == wanted for key, wanted in want.items())

    for want in case.get("expect", []):
        assert any(fits(r, want) for r in records), (want, records)
    for unwanted in case.get("absent", []):
        assert not any(fits(r, unwanted) for r in records), (unwanted, records)
    for action, count in case.get("count", {}).items():
        assert sum(r["action"] == action for r in records) == count, (action, records)
