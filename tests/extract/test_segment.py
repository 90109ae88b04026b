from __future__ import annotations

from marsad.extract.names import name_mentions
from marsad.extract.segment import clauses, paragraphs, sentences


def test_sentences_keep_decimal_points_and_slice_the_text() -> None:
    text = "دخلت 2.5 طن من الطحين إلى الحي. وانسحبت القوات!\nفقرة ثانية هنا"
    spans = sentences(text)
    assert [s.text for s in spans] == [
        "دخلت 2.5 طن من الطحين إلى الحي.",
        "وانسحبت القوات!",
        "فقرة ثانية هنا",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert len(paragraphs(text)) == 2


def test_clauses_split_at_commas_and_connectives() -> None:
    text = "قصفت المدفعية البلدة، فيما انسحبت القوات من التلة"
    parts = [c.text for c in clauses(text, sentences(text)[0])]
    assert parts == ["قصفت المدفعية البلدة،", "فيما انسحبت القوات من التلة"]


def test_names_after_titles_and_place_words() -> None:
    text = "اغتال مجهولون القيادي أبو خالد الديري في قرية الطيبة الغربية وفر المهاجمون"
    found = [(m.key, m.span.text) for m in name_mentions(text, [])]
    assert ("person", "أبو خالد الديري") in found
    assert ("place", "الطيبة الغربية") in found
    assert all(text[m.span.start : m.span.end] == m.span.text for m in name_mentions(text, []))


def test_a_two_word_title_and_a_glued_conjunction_open_a_name() -> None:
    text = "وقال المتحدث باسم سامر الحلبي في بيان عن ومخيم الركبان"
    found = [(m.key, m.span.text) for m in name_mentions(text, [])]
    assert ("person", "سامر الحلبي") in found
    assert ("place", "الركبان") in found
