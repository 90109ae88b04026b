"""`check_all` passes on the shipped files and catches each kind of broken data."""

import gzip
import shutil
from pathlib import Path

import pytest

from marsad.knowledge.check import arabic_name_problem, check_all
from marsad.knowledge.files import data_path

GAZ_HEADER = "id\tkind\tname_en\tnames_ar\tlat\tlon\tadmin1\tcountry\n"
ACTOR_HEADER = "id\tparent\tkind\tname_en\tnames_ar\tactive_from\tactive_to\tacled_inter\n"


def test_shipped_data_has_no_errors() -> None:
    problems = check_all()
    assert [str(p) for p in problems if p.severity == "error"] == []


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge files that a test may break."""
    for name in ("outlets.tsv", "outlet_names.tsv", "attribution_cues.tsv", "status_cues.tsv",
                 "actors.tsv", "actor_aliases_shared.tsv", "actor_sides.tsv",
                 "actor_areas.tsv"):  # fmt: skip
        shutil.copy(data_path(name), tmp_path / name)
    (tmp_path / "gazetteer").mkdir()
    _gazetteer(tmp_path, "P1\tvillage\tA\tقرية ألف\t35.1\t37.2\tHama\tSY\n")
    return tmp_path


def _gazetteer(folder: Path, rows: str) -> None:
    data = (GAZ_HEADER + rows).encode("utf-8")
    (folder / "gazetteer" / "gazetteer.tsv.gz").write_bytes(gzip.compress(data))


def _messages(folder: Path) -> list[str]:
    return [f"{p.where}: {p.message}" for p in check_all(folder) if p.severity == "error"]


def test_small_copy_is_clean(data_dir: Path) -> None:
    assert _messages(data_dir) == []


def test_duplicate_gazetteer_id(data_dir: Path) -> None:
    rows = "P1\tvillage\tA\tقرية\t35\t37\tHama\tSY\nP1\ttown\tB\tبلدة\t35\t37\tHama\tSY\n"
    _gazetteer(data_dir, rows)
    assert "P1: duplicate id" in _messages(data_dir)


def test_coordinates_outside_syria(data_dir: Path) -> None:
    _gazetteer(
        data_dir,
        "P1\tvillage\tA\tقرية\t41.0\t29.0\tHama\tSY\n"  # Istanbul
        "P2\tforeign_town\tB\tكلس\t36.7\t37.1\t\tTR\n",  # foreign: allowed
    )
    messages = _messages(data_dir)
    assert any(m.startswith("P1: coordinates") for m in messages)
    assert not any(m.startswith("P2") for m in messages)


def test_names_that_do_not_survive_normalization(data_dir: Path) -> None:
    _gazetteer(data_dir, "P1\tvillage\tA\tقرية|ـــ|ً|kobane\t35\t37\tHama\tSY\n")
    messages = _messages(data_dir)
    assert sum(m.startswith("P1: name") for m in messages) == 3


def test_unknown_parent_and_colliding_alias(data_dir: Path) -> None:
    with (data_dir / "actors.tsv").open("a", encoding="utf-8") as handle:
        # columns: id parent kind name_en names_ar names_en active_from active_to acled_inter
        handle.write("NEW_GROUP\tNO_SUCH_PARENT\trebel\tNew group\tمجموعة جديدة\t\t\t\t2\n")
    assert "NEW_GROUP: unknown parent 'NO_SUCH_PARENT'" in _messages(data_dir)
    text = (
        (data_dir / "actors.tsv")
        .read_text(encoding="utf-8")
        .replace("NO_SUCH_PARENT", "SDF")
        .replace("مجموعة جديدة", "مجموعة جديدة|قسد")
    )
    (data_dir / "actors.tsv").write_text(text, encoding="utf-8")
    assert any("and is not listed shared" in m for m in _messages(data_dir))


def test_listed_shared_alias_must_be_time_disjoint(data_dir: Path) -> None:
    actors = ACTOR_HEADER + (
        "OLD\t\tstate\tOld\tالحكومة\t\t2024-12-08\t1\nNEW\t\tstate\tNew\tالحكومة\t2024-01-01\t\t1\n"
    )
    (data_dir / "actors.tsv").write_text(actors, encoding="utf-8")
    (data_dir / "actor_aliases_shared.tsv").write_text(
        "alias\tids\treason\nالحكومة\tOLD|NEW\ttime split\n", encoding="utf-8"
    )
    assert any("overlaps in time" in m for m in _messages(data_dir))


def test_shared_alias_may_overlap_when_split_by_area(data_dir: Path) -> None:
    actors = ACTOR_HEADER + (
        "LOCAL\t\tpolice\tLocal\tالشرطة المحلية\t\t\t1\n"
        "STATE\t\tstate\tState\tالشرطة المحلية\t2024-12-08\t\t1\n"
    )
    (data_dir / "actors.tsv").write_text(actors, encoding="utf-8")
    (data_dir / "actor_aliases_shared.tsv").write_text(
        "alias\tids\treason\nالشرطة المحلية\tLOCAL|STATE\tarea split\n", encoding="utf-8"
    )
    assert any("overlaps in time" in m for m in _messages(data_dir))
    areas = "actor_id\tadmin1\tnote\nLOCAL\tAl-Hasakeh\t\n"
    (data_dir / "actor_areas.tsv").write_text(areas, encoding="utf-8")
    assert not any("overlaps in time" in m or "actor id" in m for m in _messages(data_dir))
    (data_dir / "actor_areas.tsv").write_text(areas + "NOBODY\tHama\t\n", encoding="utf-8")
    assert "NOBODY: unknown actor id" in _messages(data_dir)


def test_missing_file_is_reported_not_raised(data_dir: Path) -> None:
    (data_dir / "outlets.tsv").unlink()
    assert any("cannot read" in m for m in _messages(data_dir))


@pytest.mark.parametrize(
    ("name", "fine"),
    [("القامشلي", True), ("تل أبيض", True), ("ـــ", False), ("ب", False), ("Kobane", False)],
)
def test_arabic_name_problem(name: str, fine: bool) -> None:
    assert (arabic_name_problem(name) is None) == fine


def test_a_side_row_for_an_actor_not_in_the_catalog_is_an_error(data_dir: Path) -> None:
    with (data_dir / "actor_sides.tsv").open("a", encoding="utf-8") as handle:
        handle.write("NO_SUCH_ACTOR\tgovernment\t2015-01-01\t\ttest row\n")
    assert any("NO_SUCH_ACTOR" in m for m in _messages(data_dir))


def test_an_outlet_cited_under_a_name_the_catalog_lacks_is_an_error(data_dir: Path) -> None:
    with (data_dir / "outlet_names.tsv").open("a", encoding="utf-8") as handle:
        handle.write("SANA\tوكالة سانا الرسمية\tyes\tnamed\tSyrian News\n")
    assert any("cited as 'Syrian News'" in m for m in _messages(data_dir))


def test_a_missing_outlet_names_file_is_reported(data_dir: Path) -> None:
    (data_dir / "outlet_names.tsv").unlink()
    assert any("cannot read" in m for m in _messages(data_dir))


def _text_table(data_dir: Path, name: str, content: str) -> None:
    (data_dir / "text").mkdir(exist_ok=True)
    (data_dir / "text" / name).write_text(content, encoding="utf-8")


def test_text_tables_are_checked_when_the_folder_has_them(data_dir: Path) -> None:
    _text_table(data_dir, "good.tsv", "# a comment\nkind\tword\nverb\tقال\nback\tذلك\n")
    assert _messages(data_dir) == []
    _text_table(data_dir, "long_row.tsv", "word\nقال\tزائد\n")
    _text_table(data_dir, "empty_word.tsv", "kind\tword\nverb\tـــ\n")
    messages = _messages(data_dir)
    assert any("more fields than the header" in m for m in messages)
    assert any(m.startswith("row 1: empty word") for m in messages)


def test_a_text_word_listed_twice_is_a_warning(data_dir: Path) -> None:
    _text_table(data_dir, "twice.tsv", "kind\tword\na\tقال\nb\tقال\na\tقال\na\tقإل\n")
    warnings = [p for p in check_all(data_dir) if p.severity == "warning"]
    assert [(p.file, p.where) for p in warnings] == [("text/twice.tsv", "row 3")]
