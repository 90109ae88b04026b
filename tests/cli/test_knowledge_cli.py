"""`marsad place`, `marsad actor` and `marsad data check` through the CLI."""

import gzip
import json
import shutil
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.knowledge.files import data_path


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, dict]:
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)


def test_place_json_has_the_best_entry_and_runners_up(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _json(capsys, ["place", "في مدينة الباب", "--json"])
    assert code == 0
    best = out["best"]
    required = {"name", "name_ar", "lat", "lon", "admin1", "pcode", "kind", "geo_precision"}
    assert required <= set(best)
    assert (best["name_ar"], best["admin1"], best["pcode"]) == ("الباب", "Aleppo", "C1202")
    assert best["geo_precision"] == 1
    assert out["runners_up"]


def test_place_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["place", "بمنبج"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("best: منبج / Menbij")
    assert all(line.startswith("also: ") for line in lines[1:])


def test_place_context_options(capsys: pytest.CaptureFixture[str]) -> None:
    _, near = _json(capsys, ["place", "الأشرفية", "--near", "الشيخ مقصود", "--json"])
    _, homs = _json(capsys, ["place", "الأشرفية", "--admin1", "حمص", "--json"])
    assert near["best"]["admin1"] == "Aleppo"
    assert homs["best"]["admin1"] == "Homs"


def test_place_not_found_and_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["place", "لا شيء هنا"]) == 1
    assert main(["place", "منبج", "--admin1", "Atlantis"]) == 2
    assert "not a Syrian governorate" in capsys.readouterr().err


def test_actor_json_and_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _json(capsys, ["actor", "الجيش السوري", "--on", "2025-02-01", "--json"])
    assert code == 0
    assert out["best"]["id"] == "SYR_TGOV_MOD"
    assert out["best"]["root"] == "SYR_TGOV"
    _, old = _json(capsys, ["actor", "الجيش السوري", "--json"])
    assert [old["best"]["id"], *[r["id"] for r in old["runners_up"]]] == ["SYR_GOV", "SYR_TGOV_MOD"]


def test_actor_person_and_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actor", "محافظ الحسكة غسان خليل"]) == 0
    assert "person: Ghassan Khalil" in capsys.readouterr().out
    assert main(["actor", "قسد", "--on", "yesterday"]) == 2


def test_data_check_passes_on_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "check"]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_data_check_fails_on_broken_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("outlets.tsv", "outlet_names.tsv", "attribution_cues.tsv", "status_cues.tsv",
                 "actors.tsv"):  # fmt: skip
        shutil.copy(data_path(name), tmp_path / name)
    (tmp_path / "gazetteer").mkdir()
    rows = "id\tkind\tname_en\tnames_ar\tlat\tlon\tadmin1\nX\tvillage\tX\tقرية\t48.8\t2.3\tHama\n"
    (tmp_path / "gazetteer" / "gazetteer.tsv.gz").write_bytes(gzip.compress(rows.encode()))
    code, out = _json(capsys, ["data", "check", "--data-dir", str(tmp_path), "--json"])
    assert code == 1
    messages = [p["message"] for p in out["problems"]]
    assert any("outside Syria" in m for m in messages)
    assert any("is not listed shared" in m for m in messages)  # no shared-alias list copied
