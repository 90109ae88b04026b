from __future__ import annotations

from pathlib import Path

from export_samples import CATALOG

from marsad.export.actor_types import ActorTypes


def test_inter_codes_from_kind_and_declared_column() -> None:
    assert CATALOG.get("SYR_GOV_4DIV").inter == 1
    assert CATALOG.get("OPPOSITION").inter == 2
    assert CATALOG.get("UNKNOWN_ARMED").inter == 3  # ACLED: unidentified armed groups
    assert CATALOG.get("CIV").inter == 7
    assert CATALOG.get("SARC").inter == 7  # aid workers are civilians
    assert CATALOG.get("TUR").inter == 1  # the catalog's acled_inter wins over kind external


def test_police_takes_its_roots_code() -> None:
    asayish = CATALOG.get("SDF_ASAYISH")
    assert (asayish.root, asayish.inter) == ("SDF", 2)


def test_government_and_civilian_flags() -> None:
    assert CATALOG.get("SYR_GOV_4DIV").government
    assert not CATALOG.get("SDF").government
    assert CATALOG.get("CIV").civilian and CATALOG.get("SARC").civilian
    assert not CATALOG.get("ISIS").civilian


def test_unknown_actor_keeps_its_name_and_no_codes() -> None:
    stranger = CATALOG.get("NOT_IN_CATALOG", "Some brigade")
    assert (stranger.name, stranger.kind, stranger.inter) == ("Some brigade", None, None)
    assert ActorTypes([]).get("CIV").civilian  # the codebook's fixed id, even without a catalog


def test_load_from_tsv_and_a_cyclic_catalog_terminates(tmp_path: Path) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text(
        "id\tparent\tkind\tname_en\tnames_ar\nA\tB\tpolice\tAlpha\tألف\nB\tA\tstate\tBeta\tباء\n",
        encoding="utf-8",
    )
    catalog = ActorTypes.load(path)
    assert catalog.get("A").name == "Alpha"
    assert catalog.get("A").inter in (1, None)
    assert ActorTypes.load(tmp_path / "missing.tsv").get("A").kind is None


def test_from_the_shipped_catalog() -> None:
    from marsad.knowledge.resources import Resources

    shipped = ActorTypes.from_resources(Resources())
    division = shipped.get("SYR_GOV_4DIV")
    assert (division.root, division.inter, division.government) == ("SYR_GOV", 1, True)
    assert shipped.get("SYR_TGOV_MOD").government
    assert not shipped.get("SDF").government and shipped.get("SDF").inter == 2
    assert shipped.get("CIV").civilian and shipped.get("CIV").inter == 7
