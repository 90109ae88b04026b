"""The outlets' Arabic names are one list (data/outlet_names.tsv) that the outlet catalog and the
extraction's source mentions both read: every name extraction cites an outlet by gives a name
the catalog knows that same outlet under (the ACLED export looks its scale up there, and the
outlet's own voice is told from it), and extraction's cues are made from that list alone."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.knowledge.files import data_path, read_tsv
from marsad.knowledge.outlets import CitedName, OutletCatalog, load_outlets
from marsad.knowledge.triggers import load_triggers, source_cues


@cache
def _catalog() -> OutletCatalog:
    return load_outlets()


def _cited() -> list[tuple[str, CitedName]]:
    return [(o.id, c) for o in _catalog() for c in o.cited]


@pytest.mark.parametrize(("outlet_id", "cited"), _cited())
def test_every_cited_name_is_catalogued_under_its_outlet(outlet_id: str, cited: CitedName) -> None:
    assert [o.id for o in _catalog().lookup(cited.cited_as)] == [outlet_id]
    by_phrase = {o.id for o in _catalog().lookup(cited.name)}
    assert not by_phrase or by_phrase == {outlet_id}, (cited.name, by_phrase)


def test_extraction_reads_the_outlets_names_from_the_catalog() -> None:
    cues = {(c.kind, c.phrase, c.value) for c in load_triggers().cues}
    assert ("source", "المرصد السوري", "SOHR|organisation") in cues  # a monitor
    assert ("source", "سانا", "SANA|outlet") in cues
    assert ("outlet", "الميادين", "Al-Mayadeen") in cues  # a bare name: quoted or after a medium
    assert ("source", "الفرنسية", "AFP|outlet") in cues  # extraction's, not the catalog's
    assert not _catalog().lookup("الفرنسية")
    assert not any(c.phrase == "وكالة رويترز" for c in load_triggers().cues)  # extract: no
    outlet_cues = set(source_cues(_catalog()))
    assert outlet_cues <= set(load_triggers().cues)


def test_context_table_holds_no_outlet() -> None:
    rows = read_tsv(data_path("extract/context.tsv"))
    assert not [r for r in rows if r["kind"] == "outlet"]
    catalogued = {c.name for _, c in _cited()}
    assert not [r["phrase"] for r in rows if r["kind"] == "source" and r["phrase"] in catalogued]


OUTLETS = "id\tname_en\tkind\tscale\tnames_en\nX\tX News\toutlet\tNational\tX\n"
NAMES = "outlet\tname\tcatalog\textract\tcited_as\n"


def _load(tmp_path: Path, names: str, outlets: str = OUTLETS) -> OutletCatalog:
    (tmp_path / "outlets.tsv").write_text(outlets, encoding="utf-8")
    (tmp_path / "outlet_names.tsv").write_text(NAMES + names, encoding="utf-8")
    return load_outlets(tmp_path / "outlets.tsv")


def test_names_file_beside_the_outlets_is_read(tmp_path: Path) -> None:
    catalog = _load(tmp_path, "X\tقناة إكس\tyes\tnamed\tX\nX\tإكس\tbare\tquoted\tX News\n")
    outlet = catalog.get("X")
    assert outlet.names_ar == ("قناة إكس", "إكس") and outlet.bare_names == ("إكس",)
    assert outlet.needs_cue
    assert [(c.name, c.quoted, c.cited_as) for c in catalog.cited()] == [
        ("قناة إكس", False, "X"),
        ("إكس", True, "X News"),
    ]


@pytest.mark.parametrize(
    "names",
    [
        "Y\tقناة إكس\tyes\tno\t\n",  # an outlet outlets.tsv lacks
        "X\tقناة إكس\tmaybe\tno\t\n",  # an unknown catalog reading
        "X\tقناة إكس\tyes\tsometimes\tX\n",  # an unknown extract reading
        "X\tقناة إكس\tyes\tnamed\t\n",  # cited, with no name to cite it as
        "X\tقناة إكس\tyes\tno\tX\n",  # a name to cite it as, yet not cited
    ],
)
def test_bad_outlet_names_are_data_errors(tmp_path: Path, names: str) -> None:
    with pytest.raises(DataError):
        _load(tmp_path, names)
