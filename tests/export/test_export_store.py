"""Exports read back from a store: what `marsad export` does, format by format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from export_samples import ARTICLES, CLAIMS, EVENTS

from marsad.errors import MarsadError
from marsad.exporting import export_store
from marsad.model import AnalyzedArticle
from marsad.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "marsad.db"
    with Store.open(path) as store:
        for article in ARTICLES.values():
            own = tuple(c for c in CLAIMS if c.article_id == article.id)
            store.put_analysis(AnalyzedArticle(article, (), own))
        store.replace_links(CLAIMS, EVENTS, [])
    return path


def test_jsonl_export_from_store(db: Path) -> None:
    out = io.StringIO()
    assert export_store(db, "jsonl", out) == len(CLAIMS)
    ids = {json.loads(line)["id"] for line in out.getvalue().splitlines()}
    assert ids == {c.id for c in CLAIMS}


def test_events_and_geojson_export_from_store(db: Path) -> None:
    out = io.StringIO()
    assert export_store(db, "events", out) == len(EVENTS)
    assert json.loads(out.getvalue().splitlines()[0])["records"] == ["r-kill-a", "r-kill-b"]
    out = io.StringIO()
    assert export_store(db, "geojson", out) == 4


def test_acled_export_from_store_leaves_out_verbal_events(db: Path) -> None:
    out = io.StringIO()
    assert export_store(db, "acled-csv", out) == 5
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["sub_event_type"] for r in rows} >= {"Suicide bomb", "Government regains territory"}
    assert all(r["country"] == "Syria" and r["iso"] == "760" for r in rows)


def test_unknown_format_is_a_clear_error(db: Path) -> None:
    with pytest.raises(MarsadError, match="unknown export format"):
        export_store(db, "parquet", io.StringIO())
