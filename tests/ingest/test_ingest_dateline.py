"""An undated article takes the dateline printed at its top, and nothing else."""

from datetime import date
from pathlib import Path

from marsad.ingest import read_inputs
from marsad.model import Article

REPORT = (
    "الأسايش تنسحب من مبانٍ حكومية في القامشلي\n\n"
    "17/04/2022\n\n"
    "انسحبت قوى الأمن الداخلي ليل أول من أمس من المباني الحكومية في مدينة القامشلي."
)


def _only_article(path: Path) -> Article:
    items = list(read_inputs([path]))
    assert len(items) == 1 and isinstance(items[0], Article)
    return items[0]


def test_plain_text_takes_its_dateline(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert _only_article(path).published == date(2022, 4, 17)


def test_metadata_date_wins_over_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "report.jsonl"
    path.write_text(
        '{"id": "x", "published": "2022-04-18", "text": "' + REPORT.replace("\n", "\\n") + '"}\n',
        encoding="utf-8",
    )
    assert _only_article(path).published == date(2022, 4, 18)


def test_no_dateline_stays_unknown(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("انسحبت قوى الأمن الداخلي أمس من المباني الحكومية في القامشلي.", "utf-8")
    assert _only_article(path).published is None


def test_a_hijri_year_is_not_read_as_a_gregorian_dateline(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("بيان\n\n1445-10-21\n\nقصف الطيران الحربي بلدة في ريف إدلب.", "utf-8")
    assert _only_article(path).published is None
