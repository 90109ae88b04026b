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
    """The records of one golden report (`id`, `text`, `published` as an ISO date)."""
    article = Article(
        id=case["id"], text=case["text"], published=date.fromisoformat(case["published"])
    )
    return analyze(article, shared_resources()).claims
