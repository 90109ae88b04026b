"""The actor catalog: the seed ids kept, aliases, time-aware resolution, persons, bad files."""

from datetime import date
from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.knowledge.actors import load_actors
from marsad.knowledge.resources import Resources

# The fixed seed catalog (../shared/spec/actors.tsv): id → (parent, kind, active_from, active_to).
SEED = {
    "SYR_GOV": ("", "state", "", "2024-12-08"),
    "SYR_GOV_4DIV": ("SYR_GOV", "state", "", "2024-12-08"),
    "SYR_GOV_SECURITY": ("SYR_GOV", "state", "", "2024-12-08"),
    "SYR_GOV_CIVIL": ("SYR_GOV", "state", "", "2024-12-08"),
    "SYR_NDF": ("SYR_GOV", "militia", "", "2024-12-08"),
    "SDF": ("", "rebel", "2015-10-10", ""),
    "SDF_ASAYISH": ("SDF", "police", "", ""),
    "SDF_YPG": ("SDF", "rebel", "", ""),
    "AANES": ("", "political", "", ""),
    "SNA": ("OPPOSITION", "rebel", "2017-12-30", ""),
    "HTS": ("OPPOSITION", "rebel", "", "2025-01-29"),
    "ISIS": ("", "rebel", "", ""),
    "RUS": ("", "external", "", ""),
    "USA": ("", "external", "", ""),
    "COALITION": ("USA", "external", "", ""),
    "TUR": ("", "external", "", ""),
    "IRN": ("", "external", "", ""),
    "HEZBOLLAH": ("IRN", "external", "", ""),
    "ISR": ("", "external", "", ""),
    "TRIBES": ("", "identity", "", ""),
    "CIV": ("", "civilians", "", ""),
    "UNKNOWN_ARMED": ("", "unknown", "", ""),
    "SYR_TGOV": ("", "state", "2024-12-08", ""),
    "SYR_TGOV_MOD": ("SYR_TGOV", "state", "2024-12-08", ""),
    "SYR_TGOV_SECURITY": ("SYR_TGOV", "state", "2024-12-08", ""),
    "SYR_TGOV_CIVIL": ("SYR_TGOV", "state", "2024-12-08", ""),
    "ASSAD_REMNANTS": ("", "rebel", "2024-12-08", ""),
    "OPPOSITION": ("", "rebel", "", "2024-12-08"),
    "SWEIDA_DRUZE": ("", "militia", "", ""),
    "IRQ": ("", "external", "", ""),
    "UN": ("", "intergovernmental", "", ""),
    "SARC": ("", "ngo", "", ""),
    "ICRC": ("", "ngo", "", ""),
    "SCD": ("", "ngo", "", ""),
    "GBR": ("", "external", "", ""),
    "FRA": ("", "external", "", ""),
    "JOR": ("", "external", "", ""),
    "ARAB_LEAGUE": ("", "intergovernmental", "", ""),
    "PESHMERGA": ("", "external", "", ""),
    "PKK": ("", "rebel", "", ""),
}


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def test_seed_ids_parents_kinds_and_dates_are_kept(resources: Resources) -> None:
    catalog = resources.actors
    for actor_id, (parent, kind, start, end) in SEED.items():
        entry = catalog.get(actor_id)
        assert (entry.parent or "", entry.kind) == (parent, kind), actor_id
        assert (entry.active_from.isoformat() if entry.active_from else "") == start, actor_id
        assert (entry.active_to.isoformat() if entry.active_to else "") == end, actor_id
    assert len(catalog) > len(SEED) + 40  # extended with groups, militias, bodies and persons


def test_every_actor_has_an_acled_inter_code(resources: Resources) -> None:
    for entry in resources.actors:
        assert entry.acled_inter in range(1, 9), entry.id


def test_the_army_means_the_government_of_the_events_day(resources: Resources) -> None:
    catalog = resources.actors
    before = catalog.resolve("الجيش السوري", on=date(2022, 4, 17))
    after = catalog.resolve("الجيش السوري", on=date(2025, 3, 6))
    assert [e.id for e in before] == ["SYR_GOV"]
    assert [e.id for e in after] == ["SYR_TGOV_MOD"]
    # the change happens on 8 December 2024 itself
    assert [e.id for e in catalog.resolve("دمشق", on=date(2024, 12, 8))] == ["SYR_TGOV"]
    assert [e.id for e in catalog.resolve("دمشق", on=date(2024, 12, 7))] == ["SYR_GOV"]


def test_without_a_date_every_reading_comes_older_first(resources: Resources) -> None:
    ids = [e.id for e in resources.actors.resolve("الجيش العربي السوري")]
    assert ids == ["SYR_GOV", "SYR_TGOV_MOD"]
    options = resources.actors.options("الجيش العربي السوري")
    assert [o.id for o in options] == ids


def test_hierarchy(resources: Resources) -> None:
    catalog = resources.actors
    assert catalog.parent("SYR_GOV_4DIV") == "SYR_GOV"
    assert catalog.root("TRIBE_SHAITAT") == "TRIBES"
    assert catalog.root("P_GHASSAN_KHALIL") == "SYR_GOV"
    assert catalog.organisation("P_GHASSAN_KHALIL") == "SYR_GOV_CIVIL"
    assert catalog.name("SDF") == "Syrian Democratic Forces"
    assert catalog.ancestors("AMSHAT") == ("SNA", "OPPOSITION")


def test_added_groups_hang_under_their_patrons(resources: Resources) -> None:
    catalog = resources.actors
    for alias, root in [
        ("جيش الإسلام", "OPPOSITION"),
        ("لواء فاطميون", "IRN"),
        ("كتائب حزب الله العراقية", "IRN"),
        ("لواء القدس", "SYR_GOV"),
        ("قوات الصناديد", "SDF"),
        ("مجلس دير الزور العسكري", "SDF"),
    ]:
        (entry,) = catalog.resolve(alias)
        assert catalog.root(entry.id) == root, alias


def test_outlets_are_not_actors(resources: Resources) -> None:
    assert resources.actors.resolve("المرصد السوري لحقوق الإنسان") == []


def test_find_marks_aliases_with_clitics_and_offsets(resources: Resources) -> None:
    text = "وسلّمت «قسد» للنظام مخبزين، فيما انتشر مقاتلو العشائر قرب الطريق."
    hits = resources.actors.find(text)
    by_text = {h.text: h.ids for h in hits}
    assert by_text["قسد"] == ("SDF",)
    assert by_text["للنظام"] == ("SYR_GOV",)  # "لل" + "النظام" with the article's alef unwritten
    assert by_text["مقاتلو العشائر"] == ("TRIBES",)
    assert all(text[h.start : h.end] == h.text for h in hits)


def _catalog_file(tmp_path: Path, rows: list[str]) -> Path:
    header = "id\tparent\tkind\tname_en\tnames_ar\tactive_from\tactive_to\tacled_inter"
    path = tmp_path / "actors.tsv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_duplicate_id_is_a_data_error(tmp_path: Path) -> None:
    rows = ["A\t\trebel\tA\tمجموعة أ\t\t\t2", "A\t\trebel\tA again\tمجموعة ب\t\t\t2"]
    with pytest.raises(DataError):
        load_actors(_catalog_file(tmp_path, rows))


def test_bad_date_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        load_actors(_catalog_file(tmp_path, ["A\t\trebel\tA\tمجموعة أ\t2020-13-01\t\t2"]))


def test_parent_cycle_is_reported(tmp_path: Path) -> None:
    rows = ["A\tB\trebel\tA\tمجموعة أ\t\t\t2", "B\tA\trebel\tB\tمجموعة ب\t\t\t2"]
    catalog = load_actors(_catalog_file(tmp_path, rows))
    with pytest.raises(DataError):
        catalog.root("A")


def test_alias_options_are_kept_only_for_known_aliases() -> None:
    actors = load_actors()
    first = actors.options("الجيش")
    assert first and actors.options("الجيش") == first == tuple(
        e.to_option() for e in actors.resolve("الجيش")
    )
    assert actors.options("اسم لا يعرفه الفهرس") == ()
    assert "اسم لا يعرفه الفهرس" not in actors._options
