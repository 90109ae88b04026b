"""The main job end to end through the CLI, on the bundled examples and on broken input."""

import csv
import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.demo import example_reports


def _articles() -> dict[str, str]:
    rows = [json.loads(line) for line in example_reports().read_text(encoding="utf-8").splitlines()]
    return {row["id"]: row["text"] for row in rows}


def _spans(value: object) -> list[dict[str, object]]:
    """Every object in a record that has text and start/end (or start_char/end_char) offsets."""
    found: list[dict[str, object]] = []
    if isinstance(value, dict):
        if isinstance(value.get("text"), str) and (
            isinstance(value.get("start"), int) or isinstance(value.get("start_char"), int)
        ):
            found.append(value)
        for child in value.values():
            found.extend(_spans(child))
    elif isinstance(value, list):
        for child in value:
            found.extend(_spans(child))
    return found


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("run") / "x.db"
    assert main(["run", str(example_reports()), "--db", str(db)]) == 0
    return db


def test_every_span_slices_the_article_text(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    assert main(["export", "--db", str(store), "--format", "jsonl", "-o", str(out)]) == 0
    texts = _articles()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records, "the examples must give records"
    checked = 0
    for record in records:
        text = texts[record["article_id"]]
        assert record["evidence"]["text"], record
        for span in _spans(record):
            start = span.get("start_char", span.get("start"))
            end = span.get("end_char", span.get("end"))
            assert isinstance(start, int) and isinstance(end, int)
            assert text[start:end] == span["text"], (record["id"], span)
            checked += 1
    assert checked >= 2 * len(records)


def test_rerun_is_idempotent(store: Path, tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl"
    second = tmp_path / "b.jsonl"
    main(["export", "--db", str(store), "-o", str(first)])
    assert main(["run", str(example_reports()), "--db", str(store)]) == 0
    main(["export", "--db", str(store), "-o", str(second)])
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_acled_csv_has_acled_columns(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    assert main(["export", "--db", str(store), "--format", "acled-csv", "-o", str(out)]) == 0
    with out.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert header[-1] == "timestamp" and len(header) == 31


def test_geojson_and_events_export(store: Path, tmp_path: Path) -> None:
    geo = tmp_path / "events.geojson"
    assert main(["export", "--db", str(store), "--format", "geojson", "-o", str(geo)]) == 0
    collection = json.loads(geo.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 32.0 < lat < 38.0 and 35.0 < lon < 43.0
    events = tmp_path / "events.jsonl"
    assert main(["export", "--db", str(store), "--format", "events", "-o", str(events)]) == 0


def test_broken_input_is_reported_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "in.jsonl"
    good.write_text(
        '{"id": "ok-1", "published": "2020-01-02", '
        '"text": "قصفت قوات النظام بلدة كفرنبل في ريف إدلب أمس."}\n'
        "{this is not json\n",
        encoding="utf-8",
    )
    db = tmp_path / "y.db"
    assert main(["run", str(good), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "in.jsonl:2" in err
    out = tmp_path / "r.jsonl"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert any(json.loads(x)["article_id"] == "ok-1" for x in out.read_text().splitlines())


def test_export_of_a_missing_store_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(tmp_path / "none.db")]) == 2
    assert "no store at" in capsys.readouterr().err


def test_demo_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "marsad demo: 6 example reports" in out
    assert "evidence:" in out
