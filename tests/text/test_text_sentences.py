"""sentences: lines, terminators, and what must not split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.sentences import split_clauses, split_sentences

PAGE = """قسد تسلّم مخبزين للنظام في القامشلي

الأحد 24 تموز 2022

قال د. سامر الأحمد إن الحصار دام 3.5 أشهر. وأضاف: «لن نقبل بالتهديد. أبداً». هل انتهى التوتر؟
وأفاد مراسلنا بأن الطرق فُتحت صباح اليوم..."""


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_lines_and_terminators() -> None:
    assert sentences(PAGE) == [
        "قسد تسلّم مخبزين للنظام في القامشلي",
        "الأحد 24 تموز 2022",
        "قال د. سامر الأحمد إن الحصار دام 3.5 أشهر.",
        "وأضاف: «لن نقبل بالتهديد. أبداً».",
        "هل انتهى التوتر؟",
        "وأفاد مراسلنا بأن الطرق فُتحت صباح اليوم...",
    ]


def test_no_split_on_decimals_abbreviations_or_inside_quotes() -> None:
    text = 'بلغت الخسائر 2.75 مليون دولار بحسب U.S. officials، وقال: "الوضع صعب. جداً" ثم غادر.'
    assert sentences(text) == [text]


def test_unbalanced_quote_does_not_swallow_the_line() -> None:
    text = 'وصلت القافلة إلى المدينة. وقال المسؤول" إن الوضع هادئ. وانتهى الاجتماع.'
    assert len(sentences(text)) == 3


def test_spans_are_trimmed_and_cover_no_blank_lines() -> None:
    text = "  \n\n  الخبر الأول.   الخبر الثاني!  \n\t\n"
    assert sentences(text) == ["الخبر الأول.", "الخبر الثاني!"]
    assert split_sentences("") == ()


def clauses(text: str) -> list[str]:
    return [text[a:b] for a, b in split_clauses(text, 0, len(text))]


def test_clauses_split_on_new_clauses_only() -> None:
    text = (
        "وسيطرت قسد على المباني الحكومية في القامشلي والحسكة، وأغلقت الطرق المؤدية إليها، "
        "فيما دفع النظام بتعزيزات إلى المطار؛ بينما بقي الوضع متوتراً في حلب، والرقة."
    )
    assert clauses(text) == [
        "وسيطرت قسد على المباني الحكومية في القامشلي والحسكة",
        "وأغلقت الطرق المؤدية إليها",
        "فيما دفع النظام بتعزيزات إلى المطار",
        "بينما بقي الوضع متوتراً في حلب، والرقة.",
    ]


def test_a_list_of_places_is_one_clause() -> None:
    text = "قصفت المدفعية قرى تل رفعت، والشيخ عيسى، ومرعناز في ريف حلب الشمالي"
    assert clauses(text) == [text]


def test_clauses_of_a_sentence_inside_a_text_use_text_offsets() -> None:
    text = "مقدمة. اعتقلت دورية ثلاثة شبان، في حين انسحبت القوات من الحي."
    start, end = split_sentences(text)[1]
    spans = split_clauses(text, start, end)
    assert [text[a:b] for a, b in spans] == [
        "اعتقلت دورية ثلاثة شبان",
        "في حين انسحبت القوات من الحي.",
    ]


@given(st.text(alphabet='قصف حلب و،.؟!\n«»"3 فيما', max_size=80))
@settings(max_examples=200)
def test_spans_are_ordered_disjoint_trimmed_and_non_empty(text: str) -> None:
    previous = 0
    for start, end in split_sentences(text):
        assert previous <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for a, b in split_clauses(text, start, end):
            assert start <= a < b <= end
        previous = end


def test_a_dotted_initialism_ends_no_sentence() -> None:
    text = "قال مصدر لوكالة (أ.ف.ب.) إن القصف استمر. ونقلت د.ب.أ. عن ناشطين مقتل ثلاثة."
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == [
        "قال مصدر لوكالة (أ.ف.ب.) إن القصف استمر.",
        "ونقلت د.ب.أ. عن ناشطين مقتل ثلاثة.",
    ]
