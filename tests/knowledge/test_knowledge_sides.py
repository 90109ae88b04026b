"""The side table: who fights together, and since when; `marsad data check` validates it."""

from datetime import date
from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.knowledge.check import check_actor_sides
from marsad.knowledge.files import data_path
from marsad.knowledge.sides import load_actor_sides

HEADER = "actor_id\tside\tactive_from\tactive_to\tnote\n"


def test_the_shipped_table_joins_turkey_and_the_factions_it_backs() -> None:
    table = load_actor_sides()
    day = date(2019, 10, 9)
    assert table.allied("TUR", "SNA", day, day)
    assert not table.allied("TUR", "SDF", day, day)


def test_an_alliance_holds_only_on_its_days() -> None:
    table = load_actor_sides()
    # Russia's air campaign for the government began on 30 September 2015.
    assert not table.allied("RUS", "SYR_GOV", date(2014, 6, 1), date(2014, 6, 1))
    assert table.allied("RUS", "SYR_GOV", date(2016, 6, 1), date(2016, 6, 1))


def test_a_child_takes_its_ancestors_side_through_the_lineage() -> None:
    table = load_actor_sides()
    day = date(2017, 5, 1)
    lineage = {"HEZBOLLAH": ("HEZBOLLAH", "IRN"), "SYR_NDF": ("SYR_NDF", "SYR_GOV")}
    assert table.allied("HEZBOLLAH", "SYR_NDF", day, day, lambda i: lineage.get(i, (i,)))
    assert not table.allied("HEZBOLLAH", "SYR_NDF", day, day)  # without the lineage: unknown


def test_with_no_day_an_alliance_of_some_day_of_the_war_counts(tmp_path: Path) -> None:
    table = load_actor_sides()
    assert table.allied_at_some_time("RUS", "SYR_GOV")  # from 30 Sep 2015
    assert table.allied_at_some_time("GBR", "USA")
    assert not table.allied_at_some_time("TUR", "SDF")
    rows = tmp_path / "actor_sides.tsv"
    rows.write_text(
        HEADER + "AAA\tone\t\t2015-01-01\t\nBBB\tone\t2016-01-01\t\t\nCCC\tone\t2014-06-01\t\t\n",
        encoding="utf-8",
    )
    own = load_actor_sides(rows)
    assert not own.allied_at_some_time("AAA", "BBB")  # one side, but never on one day
    assert own.allied_at_some_time("AAA", "CCC")


def test_shipped_ids_are_all_in_the_catalog() -> None:
    assert check_actor_sides(data_path("actor_sides.tsv"), data_path("actors.tsv")) == []


def test_check_flags_an_unknown_id_and_overlapping_rows(tmp_path: Path) -> None:
    sides = tmp_path / "actor_sides.tsv"
    sides.write_text(
        HEADER
        + "NO_SUCH_ACTOR\tx\t\t\tmade up\n"
        + "TUR\ta\t2016-01-01\t2018-01-01\tfirst\n"
        + "TUR\tb\t2017-01-01\t\toverlaps the first\n",
        encoding="utf-8",
    )
    messages = [
        f"{p.where}: {p.message}" for p in check_actor_sides(sides, data_path("actors.tsv"))
    ]
    assert messages == [
        "NO_SUCH_ACTOR: not an id of actors.tsv",
        "TUR: two rows overlap in time",
    ]


def test_a_row_that_ends_before_it_starts_is_refused(tmp_path: Path) -> None:
    sides = tmp_path / "actor_sides.tsv"
    sides.write_text(HEADER + "TUR\ta\t2018-01-01\t2016-01-01\tbackwards\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_actor_sides(sides)


def test_a_child_listed_as_fighting_alone_is_nobodys_ally() -> None:
    table = load_actor_sides()
    day = date(2018, 3, 18)
    lineage = {"SNA": ("SNA", "OPPOSITION"), "HTS": ("HTS", "OPPOSITION")}
    walk = lambda i: lineage.get(i, (i,))  # noqa: E731
    assert table.allied("TUR", "OPPOSITION", day, day, walk)  # Olive Branch: Afrin, 2018
    assert not table.allied("TUR", "HTS", day, day, walk)
    assert not table.allied("HTS", "HTS", day, day, walk)  # "none" is not a side two share
