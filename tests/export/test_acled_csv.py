"""Golden tests of the ACLED-style CSV: exact header, hand-checked rows, verbal actions left out."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from export_samples import ARTICLES, CATALOG, CLAIMS, EVENTS, TAKEN, actor, event_of

from marsad.export import ACLED_COLUMNS, write_acled_csv
from marsad.export.acled import interaction, source_scale, stable_number
from marsad.knowledge.resources import Resources

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp"
)


def export(events: object = EVENTS, **options: object) -> tuple[int, str]:
    out = io.StringIO()
    count = write_acled_csv(
        events,  # type: ignore[arg-type]
        CLAIMS,
        ARTICLES,
        Resources(),
        out,
        actors=CATALOG,
        **options,  # type: ignore[arg-type]
    )
    return count, out.getvalue()


def rows(text: str) -> dict[str, dict[str, str]]:
    """Rows keyed by their location-free summary: the action's first note words."""
    return {row["notes"]: row for row in csv.DictReader(io.StringIO(text))}


def by_sub_event(text: str) -> dict[str, dict[str, str]]:
    return {row["sub_event_type"]: row for row in csv.DictReader(io.StringIO(text))}


def test_header_is_exactly_acleds_columns_in_order() -> None:
    _, text = export()
    assert text.splitlines()[0] == HEADER
    assert ",".join(ACLED_COLUMNS) == HEADER


def test_one_row_per_event_and_no_verbal_actions() -> None:
    count, text = export()
    assert count == 5 == len(text.splitlines()) - 1
    assert "Accusation" not in text and "accusation" not in text


def test_killing_of_civilians_row() -> None:
    _, text = export(outlet_scales={"Enab Baladi": "National"})
    row = by_sub_event(text)["Attack"]
    assert row == {
        "event_id_cnty": f"SYR{stable_number('e-kill')}",
        "event_date": "2023-03-13",
        "year": "2023",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "4th Division",
        "assoc_actor_1": "",
        "inter1": "1",
        "actor2": "Civilians",
        "assoc_actor_2": "",
        "inter2": "7",
        "interaction": "17",
        "civilian_targeting": "Civilian targeting",
        "iso": "760",
        "region": "Middle East",
        "country": "Syria",
        "admin1": "Dar'a",
        "admin2": "Dar'a",
        "admin3": "Tafas",
        "location": "Tafas",
        "latitude": "32.7394",
        "longitude": "35.9897",
        "geo_precision": "1",
        "source": "Daraa 24; Enab Baladi",
        "source_scale": "National",
        "notes": (
            "On 2023-03-13, Killing by 4th Division against Civilians in Tafas (Dar'a), "
            "3 killed; reported by Daraa 24, Enab Baladi (according to local activists, "
            "medical sources); disputed: fatalities (3 per Daraa 24, local activists vs "
            "5 per Enab Baladi, medical sources)."
        ),
        "fatalities": "3",
        "tags": (
            "status=occurred; attributed=local activists; attributed=medical sources; "
            "sources=2; disputed"
        ),
        "timestamp": "",
    }


@pytest.mark.parametrize(
    ("sub_event", "expected"),
    [
        (
            "Government regains territory",
            {"event_type": "Battles", "inter1": "1", "inter2": "2", "interaction": "12"},
        ),
        (
            "Suicide bomb",
            {"event_type": "Explosions/Remote violence", "actor1": "", "interaction": ""},
        ),
        (
            "Armed clash",
            {"event_type": "Battles", "inter1": "3", "inter2": "2", "interaction": "23"},
        ),
        (
            "Looting/property destruction",
            {"event_type": "Strategic developments", "inter1": "2", "interaction": "20"},
        ),
    ],
)
def test_sub_event_types_and_interaction_codes(sub_event: str, expected: dict[str, str]) -> None:
    _, text = export()
    row = by_sub_event(text)[sub_event]
    assert {k: row[k] for k in expected} == expected
    assert row["civilian_targeting"] == ""


def test_event_without_place_or_date_leaves_those_columns_empty() -> None:
    _, text = export()
    row = by_sub_event(text)["Armed clash"]  # the ambush has no place
    assert [row[c] for c in ("location", "latitude", "longitude", "geo_precision")] == [""] * 4
    undated = replace(EVENTS[1], date=None)
    _, text = export([undated])
    row = by_sub_event(text)["Government regains territory"]
    assert row["event_date"] == row["year"] == row["time_precision"] == ""


def test_non_state_actor_overtakes_territory() -> None:
    sdf_taken = event_of("e-sdf", replace(TAKEN, actor1=actor("SDF")))
    _, text = export([sdf_taken])
    assert "Non-state actor overtakes territory" in by_sub_event(text)


def test_ids_are_stable_and_unique() -> None:
    _, first = export()
    _, again = export(tuple(reversed(EVENTS)))
    ids = {r["notes"]: r["event_id_cnty"] for r in csv.DictReader(io.StringIO(first))}
    assert ids == {r["notes"]: r["event_id_cnty"] for r in csv.DictReader(io.StringIO(again))}
    assert len(set(ids.values())) == len(ids)
    assert all(i.startswith("SYR") and i[3:].isdigit() for i in ids.values())


def test_status_and_denial_reach_notes_and_tags() -> None:
    denied = replace(EVENTS[1], status="denied")
    _, text = export([denied])
    [row] = rows(text).values()
    assert row["tags"].startswith("status=denied; ")
    assert ", denied;" in row["notes"] or row["notes"].endswith(", denied.")


def test_source_falls_back_to_the_articles_outlets_and_scale_is_mapped() -> None:
    no_outlets = replace(EVENTS[0], outlets=())
    scales = {"Daraa 24": "Local", "Enab Baladi": "National"}
    _, text = export([no_outlets], outlet_scales=scales, timestamp=1700000000)
    [row] = rows(text).values()
    assert row["source"] == "Daraa 24; Enab Baladi"
    assert row["source_scale"] == "Local-National"
    assert row["timestamp"] == "1700000000"


def test_interaction_codes() -> None:
    assert interaction(7, 1) == "17"
    assert interaction(2, 2) == "22"
    assert interaction(None, 8) == "80"
    assert interaction(None, None) == ""


def test_source_scale_combination_order() -> None:
    assert source_scale(["a", "b"], {"a": "International", "b": "National"}) == (
        "National-International"
    )
    assert source_scale(["x"], {}) == ""


def test_default_scales_come_from_the_outlet_catalog() -> None:
    resources = Resources()
    listed = next(o for o in resources.outlets if o.scale)
    event = replace(EVENTS[1], outlets=(listed.name_en,))
    out = io.StringIO()
    write_acled_csv([event], CLAIMS, ARTICLES, resources, out, actors=CATALOG)
    [row] = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["source_scale"] == listed.scale


def test_acled_names_the_specific_actor_a_record_is_coded_under() -> None:
    jaysh = replace(actor("OPPOSITION"), specific_id="JAYSH_ISLAM")
    taken = event_of("e-jaysh", replace(TAKEN, actor1=jaysh))
    out = io.StringIO()
    write_acled_csv([taken], CLAIMS, ARTICLES, Resources(), out)  # the shipped catalog
    row = next(iter(csv.DictReader(io.StringIO(out.getvalue()))))
    assert row["actor1"] == "Jaysh al-Islam"
    assert row["inter1"] == "2"
