"""NUL and other C0 control characters leave every input format at ingest (PostgreSQL text
cannot hold a NUL), and spans are then taken on the clean text."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from marsad.ingest import read_inputs
from marsad.ingest.cleaning import clean_article, clean_text
from marsad.knowledge.resources import Resources
from marsad.model import Article, Failure
from marsad.pipeline import analyze

# Written for these tests in the style of a local news site; a stray NUL, a start-of-heading and
# a form feed where a converter left them. Long enough that the controls are a trace, as in a
# real damaged file, not the noise of a wrong decoding.
TITLE = "قصف مدفعي على\x00 بلدة سرمين"
BODY = (
    "قصفت قوات النظام السوري\x00 بالمدفعية الثقيلة، صباح اليوم، بلدة سرمين في ريف إدلب\x01 "
    "الشرقي، ما أدى إلى مقتل ثلاثة مدنيين.\x0cوأضاف مراسل محلي أن الاشتباكات استمرت حتى "
    "الفجر في محيط البلدة، وسط تحليق مكثف لطائرات الاستطلاع فوق المنطقة، فيما نزحت عشرات "
    "العائلات من الأحياء الشرقية نحو المخيمات القريبة من الحدود."
)
CLEAN_BODY = BODY.replace("\x00", "").replace("\x01", "").replace("\x0c", "\n")
ALLOWED = {"\t", "\n", "\r"}


def _controls(value: str | None) -> set[str]:
    return {c for c in value or "" if ord(c) < 0x20} - ALLOWED


def _only_article(path: Path) -> Article:
    items = list(read_inputs([path]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    article = items[0]
    for value in (article.id, article.text, article.title, article.outlet, article.url):
        assert not _controls(value), value
    return article


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(f"{TITLE}\n{BODY}".encode())
    article = _only_article(path)
    assert article.text == f"{TITLE.replace(chr(0), '')}\n{CLEAN_BODY}"
    assert article.title == "قصف مدفعي على بلدة سرمين"
    assert article.id == Article.derive_id(article.text)  # the id of the clean text


def test_html_page_with_raw_and_escaped_controls(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>سرمين</h1>"
        f"<p>{BODY}</p><p>وقال ناشطون إن القصف تجدد مساء&#0; اليوم&#1; على الأطراف.</p>"
        "</article></body></html>"
    )
    path.write_bytes(page.encode())
    article = _only_article(path)
    assert "قوات النظام السوري بالمدفعية" in article.text
    assert article.title == "قصف مدفعي على بلدة سرمين"


def test_json_lines_with_escaped_controls(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    record = {"id": "ctl\x00-1", "title": TITLE, "outlet": "\x00", "text": BODY}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert "\\u0000" in path.read_text(encoding="utf-8")
    article = _only_article(path)
    assert article.text == CLEAN_BODY
    assert article.id == "ctl-1"
    assert article.outlet is None  # nothing but a control: no outlet
    assert article.title == "قصف مدفعي على بلدة سرمين"


def test_rss_feed_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>موقع\x00 الاختبار</title><item><title>{TITLE}</title>"
        f"<link>https://example.org/1</link><description>{BODY} &#0;</description>"
        "</item></channel></rss>"
    )
    path.write_bytes(feed.encode())
    article = _only_article(path)
    assert article.outlet == "موقع الاختبار"
    assert article.title == "قصف مدفعي على بلدة سرمين"
    assert "قوات النظام السوري بالمدفعية" in article.text


def test_a_text_of_nothing_but_controls_is_an_empty_text_failure() -> None:
    found = clean_article(Article(id="x", text="\x00\x01 \x02", source="f.jsonl:3"))
    assert isinstance(found, Failure) and found.reason == "empty text"


def test_an_article_without_controls_is_returned_as_it_is() -> None:
    article = Article(id="x", text=CLEAN_BODY, title=" عنوان ", source="f.txt")
    assert clean_article(article) is article


def test_claims_span_the_clean_text() -> None:
    found = clean_article(Article(id=Article.derive_id(BODY), text=BODY, source="f.txt"))
    assert isinstance(found, Article)
    claims = analyze(found, Resources()).claims
    assert claims  # the shelling is still found across the removed NUL
    for claim in claims:
        assert found.text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


@given(st.text(alphabet=st.characters(max_codepoint=0x7FF)))
def test_clean_text_keeps_everything_but_controls(text: str) -> None:
    cleaned = clean_text(text)
    assert not _controls(cleaned)
    assert clean_text(cleaned) == cleaned  # idempotent
    # every other character is kept, in order; vertical controls become line breaks
    expected = "".join(
        "\n" if c in "\x0b\x0c\x1c\x1d\x1e\x1f" else c
        for c in text
        if ord(c) >= 0x20 or c in ALLOWED or c in "\x0b\x0c\x1c\x1d\x1e\x1f"
    )
    assert cleaned == expected
