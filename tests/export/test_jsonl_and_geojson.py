"""Records and events as JSON Lines, and GeoJSON."""

from __future__ import annotations

import io
import json
from typing import Any

from export_samples import ARTICLES, CATALOG, CLAIMS, EVENTS

from marsad.export import write_events_jsonl, write_geojson, write_records_jsonl
from marsad.knowledge.resources import Resources


def records() -> list[dict[str, Any]]:
    out = io.StringIO()
    assert write_records_jsonl(CLAIMS, Resources(), out, actors=CATALOG) == len(CLAIMS)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def spans_in(value: Any) -> list[tuple[int, int, str]]:
    """Every (start, end, text) in a record, including the date's start_char/end_char."""
    found: list[tuple[int, int, str]] = []
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and "text" in value:
            found.append((value["start"], value["end"], value["text"]))
        if isinstance(value.get("start_char"), int):
            found.append((value["start_char"], value["end_char"], value["text"]))
        for item in value.values():
            found += spans_in(item)
    elif isinstance(value, list):
        for item in value:
            found += spans_in(item)
    return found


def test_records_follow_the_schema_order_with_acled_names() -> None:
    first = records()[0]
    assert list(first)[:9] == [
        "id",
        "article_id",
        "event_id",
        "story_id",
        "action",
        "event_type",
        "sub_event_type",
        "plover",
        "status",
    ]
    assert (first["event_type"], first["sub_event_type"], first["plover"]) == (
        "Violence against civilians",
        "Attack",
        "ASSAULT",
    )


def test_every_record_offset_slices_its_article() -> None:
    for record in records():
        text = ARTICLES[record["article_id"]].text
        spans = spans_in(record)
        assert spans, record["id"]
        for start, end, words in spans:
            assert text[start:end] == words


def test_verbal_record_has_null_acled_names_and_flour_seizure_is_looting() -> None:
    by_id = {r["id"]: r for r in records()}
    accuse = by_id["r-accuse"]
    assert accuse["event_type"] is None and accuse["sub_event_type"] is None
    assert by_id["r-flour"]["sub_event_type"] == "Looting/property destruction"
    assert by_id["r-suicide"]["sub_event_type"] == "Suicide bomb"
    assert by_id["r-ambush"]["event_type"] == "Battles"


def events() -> list[dict[str, Any]]:
    out = io.StringIO()
    assert write_events_jsonl(EVENTS, CLAIMS, Resources(), out, actors=CATALOG) == len(EVENTS)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_events_carry_records_outlets_and_disputes() -> None:
    killing = events()[0]
    assert killing["records"] == ["r-kill-a", "r-kill-b"]
    assert killing["outlets"] == ["Daraa 24", "Enab Baladi"] and killing["n_outlets"] == 2
    assert killing["independent_sources"] == 2
    assert killing["attributed_to"] == ["local activists", "medical sources"]
    assert killing["disputes"] == [
        {
            "field": "fatalities",
            "values": [
                {
                    "value": 3,
                    "qualifier": None,
                    "records": ["r-kill-a"],
                    "articles": ["a-daraa24"],
                    "sources": ["Daraa 24", "local activists"],
                },
                {
                    "value": 5,
                    "qualifier": None,
                    "records": ["r-kill-b"],
                    "articles": ["a-enab"],
                    "sources": ["Enab Baladi", "medical sources"],
                },
            ],
        }
    ]
    assert killing["actor1"] == {"id": "SYR_GOV_4DIV", "name": "4th Division"}
    assert "start" not in killing["location"]  # event values merge several articles' spans
    assert killing["date"] == {"start": "2023-03-13", "end": "2023-03-13", "precision": 1}


def test_event_quantities_are_merged_from_records() -> None:
    flour = next(e for e in events() if e["id"] == "e-flour")
    assert flour["quantities"] == [
        {"value": 40, "unit": "tonne", "item": "flour", "qualifier": None}
    ]


def test_geojson_of_events_has_points_for_located_events_only() -> None:
    out = io.StringIO()
    assert write_geojson(EVENTS, out) == 4
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    ids = [f["properties"]["id"] for f in collection["features"]]
    assert ids == ["e-kill", "e-taken", "e-suicide", "e-flour"]
    killing = collection["features"][0]
    assert killing["geometry"] == {"type": "Point", "coordinates": [35.9897, 32.7394]}
    assert killing["properties"]["disputed"] == ["fatalities"]
    assert killing["properties"]["place_ar"] == "طفس"


def test_geojson_of_records() -> None:
    out = io.StringIO()
    assert write_geojson(CLAIMS, out) == 5
    feature = json.loads(out.getvalue())["features"][0]["properties"]
    assert feature["kind"] == "record" and feature["article_id"] == "a-daraa24"
    assert "الفرقة الرابعة" in feature["evidence"]


def test_empty_inputs_give_valid_empty_outputs() -> None:
    out = io.StringIO()
    assert write_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
    assert write_records_jsonl([], Resources(), io.StringIO(), actors=CATALOG) == 0
