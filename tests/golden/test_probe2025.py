"""Reports of 2025-26 written for a probe of the transitional period (tests/data/probe2025.tsv):
the General Security and the Internal Security Forces, the Ministry of Defence and its factions,
the former regime's remnants, Israeli incursions, Turkish drones, the SDF's talks and deals. Each
row's expected record (action, actors by catalog root, governorate, status) must be found;
the rows in KNOWN_MISSES are what the probe still gets wrong."""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from golden_harness import shared_resources

from marsad.model import Article
from marsad.pipeline import analyze

TABLE = Path(__file__).parent.parent / "data" / "probe2025.tsv"
KNOWN_MISSES = {
    "p17": "a former regime officer arrested has no actor on the day (the regime's ids end)",
    "p41": "'هاجم' with combatants wounded, none killed, reads as armed_clash, not attack",
}


@cache
def _rows() -> list[dict[str, str]]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _root(actor_id: str | None) -> str | None:
    return shared_resources().actors.root(actor_id) if actor_id else None


def _cases() -> list[object]:
    """Each row, a known miss marked as a strict expected failure: it runs, and once fixed it
    fails the suite until it leaves KNOWN_MISSES."""
    return [
        pytest.param(
            row,
            id=row["id"],
            marks=[pytest.mark.xfail(reason=KNOWN_MISSES[row["id"]], strict=True)]
            if row["id"] in KNOWN_MISSES
            else [],
        )
        for row in _rows()
    ]


@pytest.mark.parametrize("row", _cases())
def test_probe_report(row: dict[str, str]) -> None:
    article = Article(
        id=row["id"],
        text=row["text"].replace("\\n", "\n"),
        published=date.fromisoformat(row["published"]),
        outlet="test",
    )
    claims = analyze(article, shared_resources()).claims
    if row["action"] == "none":
        assert not claims, claims
        return
    found = [
        c
        for c in claims
        if c.action == row["action"]
        and c.status == row["status"]
        and (c.location.place.admin1 if c.location else None) == row["admin1"]
        and all(
            not want or _root(ref.id if ref else None) == _root(want)
            for want, ref in ((row["actor1"], c.actor1), (row["actor2"], c.actor2))
        )
    ]
    assert found, [(c.action, c.actor1, c.actor2, c.location, c.status) for c in claims]
