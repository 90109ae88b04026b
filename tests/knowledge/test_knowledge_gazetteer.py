"""The shipped gazetteer: size, content, look-up by name, finding names in text, bad files."""

import gzip
from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.knowledge.files import data_path
from marsad.knowledge.gazetteer import GAZETTEER_FILE, load_gazetteer
from marsad.knowledge.resources import Resources

MAX_SHIPPED_BYTES = 1_500_000  # the budget for the built file


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def test_shipped_file_is_compact_and_covers_syria_down_to_villages(resources: Resources) -> None:
    assert data_path(GAZETTEER_FILE).stat().st_size < MAX_SHIPPED_BYTES
    gazetteer = resources.gazetteer
    kinds: dict[str, int] = {}
    for entry in gazetteer:
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    assert kinds["governorate"] == 14
    assert kinds["district"] == 62
    assert kinds["village"] > 6000
    assert kinds["neighbourhood"] > 400
    assert kinds["foreign_town"] > 50
    assert {"airport", "crossing", "area", "camp"} <= set(kinds)


def test_admin1_names_are_ochas(resources: Resources) -> None:
    admin1 = {e.admin1 for e in resources.gazetteer if e.country == "SY" and e.admin1}
    assert admin1 == {
        "Aleppo", "Al-Hasakeh", "Ar-Raqqa", "Deir-ez-Zor", "Idleb", "Hama", "Homs", "Lattakia",
        "Tartous", "Damascus", "Rural Damascus", "Dar'a", "As-Sweida", "Quneitra",
    }  # fmt: skip


def test_lookup_folds_spelling_variants(resources: Resources) -> None:
    gazetteer = resources.gazetteer
    for variant in ("الحسكة", "الحسكه", "إدلب", "ادلب", "حماة", "حماه", "دير الزور", "ديرالزور"):
        assert any(e.kind == "city" for e in gazetteer.lookup(variant)), variant
    assert "C4564" in {e.id for e in gazetteer.lookup("القامشلو")}  # Kurdish name of Qamishli
    kobani = {e.id for e in gazetteer.lookup("كوباني")}
    assert kobani & {e.id for e in gazetteer.lookup("عين العرب")}


def test_entry_maps_to_model_place(resources: Resources) -> None:
    entry = resources.gazetteer.get("C4564")  # OCHA p-code of Qamishli
    place = entry.to_place()
    assert place.gazetteer_id == "C4564"
    assert place.name_ar == "القامشلي"
    assert place.admin1 == "Al-Hasakeh"
    assert place.pcode == "C4564"
    assert place.kind == "city"
    assert place.country == "SY"


def test_find_returns_original_offsets_with_clitics(resources: Resources) -> None:
    text = "وأفاد ناشطون بسقوط قذائف على أحياءٍ وبالقامشلي، وفي مدينة الحسكة مساء أمس."
    hits = resources.gazetteer.find(text)
    found = {h.text: h for h in hits}
    assert "القامشلي" in found and "الحسكة" in found
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
    assert found["القامشلي"].prefix == "وب"


def test_common_words_are_weak(resources: Resources) -> None:
    hits = resources.gazetteer.find("وقالت المصادر إن المدينة شهدت هدوءاً حذراً")
    assert all(h.weak for h in hits if h.key == "المدينه")


def test_unknown_id_is_a_data_error(resources: Resources) -> None:
    with pytest.raises(DataError):
        resources.gazetteer.get("NOPE")


def _write(path: Path, text: str, *, gzipped: bool = False) -> Path:
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if gzipped else data)
    return path


def test_plain_and_gzipped_files_load_the_same(tmp_path: Path) -> None:
    text = (
        "id\tkind\tname_en\tnames_ar\tlat\tlon\tadmin1\n"
        "X1\tvillage\tTest\tقرية تجريبية|تجريبية\t35.0\t38.0\tHama\n"
    )
    plain = load_gazetteer(_write(tmp_path / "g.tsv", text))
    packed = load_gazetteer(_write(tmp_path / "g.tsv.gz", text, gzipped=True))
    assert [e.id for e in plain] == [e.id for e in packed] == ["X1"]
    assert plain.lookup("تجريبيه")[0].names_ar == ("قرية تجريبية", "تجريبية")


@pytest.mark.parametrize(
    "content",
    [
        "",  # empty
        "id\tkind\tname_en\n",  # missing columns
        "id\tkind\tname_en\tnames_ar\tlat\tlon\tadmin1\nX\tvillage\tA\tب\tnorth\t38\tHama\n",
        "id\tkind\tname_en\tnames_ar\tlat\tlon\tadmin1\n"
        "X\tvillage\tA\tبلدة\t35\t38\tHama\nX\ttown\tB\tقرية\t35\t38\tHama\n",  # duplicate id
    ],
)
def test_bad_files_are_data_errors(tmp_path: Path, content: str) -> None:
    with pytest.raises(DataError):
        load_gazetteer(_write(tmp_path / "bad.tsv", content))


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        load_gazetteer(tmp_path / "absent.tsv.gz")


def test_find_on_an_already_normalized_text_gives_the_same_hits() -> None:
    from marsad.knowledge.resources import Resources
    from marsad.text.normalize import normalize

    text = "قصفت الطائراتُ بلدةَ كفرنبل بريف إدلب، وانسحبت قوات النظام من محيط مدينة حماة."
    resources = Resources()
    assert resources.gazetteer.find(text, norm=normalize(text)) == resources.gazetteer.find(text)
    assert resources.actors.find(text, norm=normalize(text)) == resources.actors.find(text)
    assert resources.actors.find(text)  # the sentence names an actor, so the check is not empty
