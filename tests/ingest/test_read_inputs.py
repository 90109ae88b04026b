"""read_inputs over the fixture folder and over files written per test in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest import html as html_module
from marsad.ingest import read_inputs
from marsad.model import Article, Failure

FIXTURES = Path(__file__).parents[1] / "fixtures" / "inputs"

# Written for these tests in the style of a local news site.
REPORT = (
    "قصف مدفعي يستهدف قرية في جبل الزاوية\n\n"
    "استهدفت قوات النظام السوري، صباح اليوم السبت، بقذائف المدفعية الثقيلة أطراف قرية "
    "البارة في جبل الزاوية جنوبي إدلب، ما أدى إلى إصابة امرأة وطفلها بجروح، بحسب ما أفاد "
    "به مراسل محلي، في حين حلقت طائرات الاستطلاع الروسية في أجواء المنطقة."
)


def read_all(*paths: Path, recursive: bool = True) -> list[Article | Failure]:
    return list(read_inputs(list(paths), recursive=recursive))


def articles_of(items: list[Article | Failure]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def failures_of(items: list[Article | Failure]) -> list[Failure]:
    return [x for x in items if isinstance(x, Failure)]


def by_source(items: list[Article | Failure], suffix: str) -> Article | Failure:
    matches = [x for x in items if (x.source or "").endswith(suffix)]
    assert len(matches) == 1, [x.source for x in items]
    return matches[0]


def test_fixture_folder_yields_every_article_and_every_failure() -> None:
    items = read_all(FIXTURES)
    assert len(articles_of(items)) == 10
    assert sorted(f.source.rsplit("/", 1)[-1] for f in failures_of(items)) == [
        "feed_utf8.atom#3",
        "reports.jsonl:3",
        "reports.jsonl:4",
        "reports.jsonl:6",
        "reports.jsonl:8",
    ]
    assert all(f.stage == "ingest" and f.reason for f in failures_of(items))


def test_folder_order_is_stable() -> None:
    assert [x.source for x in read_all(FIXTURES)] == [x.source for x in read_all(FIXTURES)]


def test_missing_path_raises_before_reading_anything(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such input"):
        read_inputs([FIXTURES, tmp_path / "nowhere.jsonl"])


def test_windows_1256_page_with_declared_charset() -> None:
    article = by_source(read_all(FIXTURES / "withdrawal_cp1256.html"), "withdrawal_cp1256.html")
    assert isinstance(article, Article)
    assert "انسحبت قوات النظام السوري" in article.text
    assert "اتصل بنا" not in article.text  # navigation
    assert "جميع الحقوق" not in article.text  # footer
    assert article.title is not None and "تنسحب من حاجز" in article.title
    assert article.outlet == "شبكة الخابور"
    assert article.published is not None and article.published.isoformat() == "2022-04-17"
    assert article.lang == "ar"
    assert article.id == Article.derive_id(article.text)


def test_utf8_page_metadata_and_no_boilerplate() -> None:
    article = by_source(read_all(FIXTURES / "airstrike_utf8.html"), "airstrike_utf8.html")
    assert isinstance(article, Article)
    assert "ثلاث غارات جوية" in article.text
    for boilerplate in ("إعلان", "الأكثر قراءة", "© إدلب اليوم"):
        assert boilerplate not in article.text
    assert article.url == "https://example.org/idlib/2021/09/16/sarmin"
    assert article.published is not None and article.published.isoformat() == "2021-09-16"


def test_plain_html_fallback_when_trafilatura_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_module, "_trafilatura", lambda page: None)
    article = by_source(read_all(FIXTURES / "airstrike_utf8.html"), "airstrike_utf8.html")
    assert isinstance(article, Article)
    assert "ثلاث غارات جوية" in article.text
    assert "إعلان" not in article.text and "الأكثر قراءة" not in article.text
    assert article.title == "غارات جوية روسية تستهدف أطراف مدينة سرمين بريف إدلب"  # og:title
    assert article.outlet == "إدلب اليوم"


def test_page_without_body_text_is_a_failure(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>فارغ</title></head><body><nav>قائمة</nav></body></html>")
    [item] = read_all(page)
    assert isinstance(item, Failure) and "no article text" in item.reason


def test_text_file_is_verbatim_with_headline_title() -> None:
    path = FIXTURES / "clashes_sweida.txt"
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.title == "اشتباكات بين مسلحين محليين وقوى الأمن العام في ريف السويداء الغربي"
    assert article.published is None and article.outlet is None
    assert article.source == str(path)


def test_same_content_gives_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    first, second = articles_of(read_all(tmp_path))
    assert first.id == second.id == Article.derive_id(REPORT)
    assert first.source != second.source


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1256", "iso-8859-6"]
)
def test_text_in_every_arabic_encoding(tmp_path: Path, encoding: str) -> None:
    data = REPORT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # with its byte-order mark
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(data)
    [article] = read_all(path)
    assert isinstance(article, Article), article
    assert article.text == REPORT


def test_undecodable_bytes_are_a_failure(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(0, 32)) * 64)
    broken_bom = tmp_path / "broken.txt"
    broken_bom.write_bytes(b"\xef\xbb\xbf" + REPORT.encode("cp1256"))
    items = read_all(binary, broken_bom)
    assert [type(x) for x in items] == [Failure, Failure]
    assert "undecodable" in items[0].reason
    assert "utf-8" in items[1].reason


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\ufeff  \n".encode()])
def test_empty_text_is_a_failure(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    [item] = read_all(path)
    assert isinstance(item, Failure) and item.reason == "empty text"


def test_json_lines_fields_and_broken_lines() -> None:
    items = read_all(FIXTURES / "reports.jsonl")
    first = by_source(items, "reports.jsonl:1")
    assert isinstance(first, Article)
    assert (first.id, first.outlet, first.lang) == ("kh-101", "شبكة الخابور", "ar")
    assert first.url == "https://example.org/kh/101" and first.title == "تعزيزات لقسد في الحسكة"
    no_id = by_source(items, "reports.jsonl:2")
    assert isinstance(no_id, Article) and no_id.id == Article.derive_id(no_id.text)
    assert no_id.published is not None and no_id.published.isoformat() == "2022-04-16"
    broken = by_source(items, "reports.jsonl:3")
    assert isinstance(broken, Failure) and broken.reason.startswith("invalid JSON")
    assert broken.reason.endswith("at column 134")  # where the line stops short of its "}"
    vague_date = by_source(items, "reports.jsonl:7")
    assert isinstance(vague_date, Article) and vague_date.published is None


def test_gold_style_objects_are_valid_input(tmp_path: Path) -> None:
    record = {"id": "g-1", "text": REPORT, "events": [{"action": "shelling", "key": "k1"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, Article) and article.id == "g-1" and article.text == REPORT


def test_json_lines_with_utf16_bom(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    line = json.dumps({"id": "u16", "text": REPORT}, ensure_ascii=False)
    path.write_bytes(line.encode("utf-16"))
    [article] = read_all(path)
    assert isinstance(article, Article) and article.text == REPORT


def test_json_line_in_another_encoding_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": REPORT}, ensure_ascii=False).encode("utf-8")
    bad = json.dumps({"text": REPORT}, ensure_ascii=False).encode("cp1256")
    path.write_bytes(good + b"\n" + bad + b"\n")
    items = read_all(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Failure) and items[1].source == f"{path}:2"
    assert "UTF-8" in items[1].reason


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(
        json.dumps([{"id": "x1", "text": REPORT}, {"id": "x2"}], ensure_ascii=False),
        encoding="utf-8",
    )
    items = read_all(path)
    assert isinstance(items[0], Article) and items[0].id == "x1"
    assert isinstance(items[1], Failure) and items[1].source == f"{path}#2"


def test_rss_in_windows_1256() -> None:
    items = read_all(FIXTURES / "feed_cp1256.rss")
    assert len(items) == 2
    first = items[0]
    assert isinstance(first, Article)
    assert first.outlet == "صوت الفرات"
    assert first.title == "مقتل مدنيين بانفجار لغم في ريف دير الزور الشرقي"
    assert first.url == "https://example.org/news/1001"
    assert first.published is not None and first.published.isoformat() == "2023-03-14"
    assert "بانفجار لغم أرضي" in first.text and "<p>" not in first.text


def test_atom_prefers_content_and_reports_empty_entries() -> None:
    items = read_all(FIXTURES / "feed_utf8.atom")
    content_entry, summary_entry, empty_entry = items
    assert isinstance(content_entry, Article) and "عين عيسى" in content_entry.text
    assert isinstance(summary_entry, Article) and "تل أبيض" in summary_entry.text
    assert summary_entry.published is not None
    assert summary_entry.published.isoformat() == "2019-10-13"  # from <updated>
    assert isinstance(empty_entry, Failure)


def test_garbage_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(b"<rss><channel><item><title>x")
    [item] = read_all(path)
    assert isinstance(item, Failure)


def test_folder_skips_hidden_and_unknown_files_but_a_named_one_fails(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# ملاحظات", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(REPORT, encoding="utf-8")
    sub = tmp_path / "2022" / "04"
    sub.mkdir(parents=True)
    (sub / "report.txt").write_text(REPORT, encoding="utf-8")
    assert [type(x) for x in read_all(tmp_path)] == [Article]
    assert read_all(tmp_path, recursive=False) == []
    [named] = read_all(tmp_path / "notes.md")
    assert isinstance(named, Failure) and "unsupported" in named.reason


def test_gzip_compressed_json_lines_and_text(tmp_path: Path) -> None:
    import gzip

    lines = [json.dumps({"id": f"z{i}", "text": REPORT}, ensure_ascii=False) for i in range(3)]
    with gzip.open(tmp_path / "batch.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    with gzip.open(tmp_path / "report.txt.gz", "wb") as raw:
        raw.write(REPORT.encode("cp1256"))
    items = read_all(tmp_path)
    assert [x.id for x in articles_of(items)] == ["z0", "z1", "z2", Article.derive_id(REPORT)]
    assert items[1].source == f"{tmp_path / 'batch.jsonl.gz'}:2"


def test_corrupt_gzip_is_a_failure(tmp_path: Path) -> None:
    import gzip

    good = gzip.compress((json.dumps({"text": REPORT}, ensure_ascii=False) + "\n").encode() * 50)
    (tmp_path / "cut.jsonl.gz").write_bytes(good[: len(good) // 2])
    (tmp_path / "junk.txt.gz").write_bytes(b"not gzip at all")
    items = read_all(tmp_path)
    failures = failures_of(items)
    assert [Path(f.source).name for f in failures] == ["cut.jsonl.gz", "junk.txt.gz"]
    assert all(f.reason.startswith("cannot read") for f in failures)


def test_utf8_page_with_a_stale_windows_1256_declaration(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1256"><title>تقرير</title></head>'
        f"<body><p>{REPORT}</p></body></html>"
    )
    path = tmp_path / "resaved.html"
    path.write_bytes(page.encode("utf-8"))
    [article] = read_all(path)
    assert isinstance(article, Article) and "جبل الزاوية" in article.text


def test_iso_8859_6_page_by_its_declaration(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">'
        f"</head><body><p>{REPORT}</p></body></html>"
    )
    path = tmp_path / "old.htm"
    path.write_bytes(page.encode("iso-8859-6"))
    [article] = read_all(path)
    assert isinstance(article, Article) and "جبل الزاوية" in article.text


def test_rss_in_windows_1256_without_a_declaration(tmp_path: Path) -> None:
    declared = (FIXTURES / "feed_cp1256.rss").read_bytes()
    path = tmp_path / "bare.rss"
    path.write_bytes(declared.split(b"?>", 1)[1])
    first = read_all(path)[0]
    assert isinstance(first, Article)
    assert first.title == "مقتل مدنيين بانفجار لغم في ريف دير الزور الشرقي"


def test_plain_html_text_keeps_paragraphs_not_source_line_breaks() -> None:
    text = html_module.strip_tags("<p>سطر أول\n  يكمل <b>الجملة</b> نفسها.</p><p>فقرة ثانية.</p>")
    assert text == "سطر أول يكمل الجملة نفسها.\nفقرة ثانية."


def test_trafilatura_crash_falls_back_to_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("lxml could not parse")

    monkeypatch.setattr(html_module, "_extractor", lambda: broken)
    article = by_source(read_all(FIXTURES / "airstrike_utf8.html"), "airstrike_utf8.html")
    assert isinstance(article, Article) and "ثلاث غارات جوية" in article.text
