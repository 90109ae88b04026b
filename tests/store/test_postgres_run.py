"""`marsad run` and `marsad export` end to end on a PostgreSQL store: the same records, events
and exports as the SQLite store gives for the same reports, and a rerun changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_samples import PostgresDatabases

from marsad.cli import main
from marsad.store import Store

# Reports written for this test in the style of local news: two outlets telling one shelling,
# one report of an arrest, and one with nothing to extract.
REPORTS = [
    {
        "id": "pg-001",
        "outlet": "صحيفة الاختبار الأولى",
        "published": "2024-02-11",
        "title": "قصف مدفعي على بلدة في ريف إدلب الجنوبي",
        "text": "قصفت قوات النظام السوري بالمدفعية الثقيلة، صباح أمس السبت، بلدة كفرنبل في ريف "
        "إدلب الجنوبي، ما أدى إلى مقتل مدنيين اثنين وإصابة خمسة آخرين، بحسب الدفاع المدني.",
    },
    {
        "id": "pg-002",
        "outlet": "موقع الاختبار الثاني",
        "published": "2024-02-11",
        "title": "مقتل مدنيين بقصف على كفرنبل",
        "text": "قال الدفاع المدني إن مدنيين اثنين قتلا وأصيب خمسة آخرون جراء قصف مدفعي لقوات "
        "النظام على بلدة كفرنبل جنوبي إدلب أمس السبت.",
    },
    {
        "id": "pg-003",
        "outlet": "صحيفة الاختبار الأولى",
        "published": "2024-02-12",
        "title": "حملة اعتقالات في درعا",
        "text": "اعتقلت الأجهزة الأمنية التابعة للنظام السوري، يوم الأحد، ثلاثة شبان من مدينة "
        "نوى في ريف درعا الغربي، بعد مداهمة منازلهم، وفق ما أفاد ناشطون محليون.",
    },
    {
        "id": "pg-004",
        "outlet": "موقع الاختبار الثاني",
        "published": "2024-02-12",
        "title": "افتتاح مكتبة عامة",
        "text": "افتتحت بلدية المدينة مكتبة عامة جديدة تضم آلاف الكتب في حفل حضره عدد من الأهالي.",
    },
]
FORMATS = ("jsonl", "events", "acled-csv", "geojson")


def _run(db: str, reports: Path) -> None:
    assert main(["run", str(reports), "--db", db]) == 0


def _exports(db: str, folder: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for fmt in FORMATS:
        out = folder / f"out.{fmt}"
        assert main(["export", "--db", db, "--format", fmt, "-o", str(out)]) == 0
        texts[fmt] = out.read_text(encoding="utf-8")
    return texts


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    path = tmp_path / "reports.jsonl"
    lines = (json.dumps(report, ensure_ascii=False) for report in REPORTS)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_run_export_and_rerun_match_sqlite(
    pg_databases: PostgresDatabases, reports: Path, tmp_path: Path
) -> None:
    url = pg_databases.new()
    sqlite_db = str(tmp_path / "marsad.db")
    _run(url, reports)
    _run(sqlite_db, reports)

    with Store.open(url) as pg, Store.open(sqlite_db) as lite:
        pg_counts, lite_counts = pg.counts(), lite.counts()
        assert pg_counts == lite_counts
        assert pg_counts["articles"] == len(REPORTS) and pg_counts["claims"] >= 2
        assert pg_counts["events"] >= 1
        assert pg.articles() == lite.articles()
        assert pg.claims() == lite.claims()
        assert pg.events() == lite.events() and pg.stories() == lite.stories()
        for article in pg.articles():
            assert pg.mentions(article.id) == lite.mentions(article.id)
        for query in ("كفرنبل", "اعتقالات نوى", "مكتبه"):
            assert pg.search(query) == lite.search(query) != []

    pg_exports = _exports(url, tmp_path / "pg")
    assert pg_exports == _exports(sqlite_db, tmp_path / "lite")
    assert pg_exports["jsonl"].strip() and pg_exports["events"].strip()

    _run(url, reports)  # the same reports again: nothing new, nothing changed
    with Store.open(url) as pg:
        assert pg.counts() == {**pg_counts, "runs": pg_counts["runs"] + 1}
    assert _exports(url, tmp_path / "pg-again") == pg_exports


@pytest.fixture(autouse=True)
def _folders(tmp_path: Path) -> None:
    for name in ("pg", "lite", "pg-again"):
        (tmp_path / name).mkdir()


def test_run_on_an_unreachable_server_is_a_clear_error(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    assert main(["run", str(reports), "--db", "postgresql://marsad:pw@127.0.0.1:1/x"]) == 2
    error = capsys.readouterr().err
    assert "cannot connect to the PostgreSQL store postgresql://marsad:***@127.0.0.1:1/x" in error


def test_a_report_with_a_nul_character_runs_on_postgresql(
    pg_databases: PostgresDatabases, tmp_path: Path
) -> None:
    # PostgreSQL text cannot hold U+0000: ingest cleans it out before anything is stored.
    damaged = {**REPORTS[0], "id": "pg-nul\x00", "title": "قصف\x00 مدفعي"}
    damaged["text"] = REPORTS[0]["text"].replace("قوات النظام", "قوات\x00 النظام\x01")
    path = tmp_path / "damaged.jsonl"
    path.write_text(json.dumps(damaged, ensure_ascii=False) + "\n", encoding="utf-8")
    url = pg_databases.new_schema()
    _run(url, path)
    with Store.open(url) as pg:
        (article,) = pg.articles()
        assert article.id == "pg-nul" and article.title == "قصف مدفعي"
        assert "\x00" not in article.text and "قوات النظام" in article.text
        assert pg.claims() and not pg.failures()
