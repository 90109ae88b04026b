"""tokens: offsets into the original, and conservative clitic splitting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import normalize
from marsad.text.tokens import bare_stem, strip_clitics, tokenize


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبالقامشلي", ("وب", "القامشلي", "")),
        ("لقسد", ("ل", "قسد", "")),
        ("للنظام", ("ل", "النظام", "")),  # ل + ال with the article's alef unwritten
        ("وللمرة", ("ول", "المره", "")),
        ("والحسكة", ("و", "الحسكه", "")),
        ("بحلب", ("ب", "حلب", "")),
        ("فالقوات", ("ف", "القوات", "")),
        ("قواتهم", ("", "قوات", "هم")),
        ("سيطرتها", ("", "سيطره", "ها")),  # ta marbuta written ت before the pronoun
        ("قواتها", ("", "قوات", "ها")),  # a plural "ات" keeps its ت
        ("ومواقعهما", ("و", "مواقع", "هما")),
    ],
)
def test_clitics_are_split(word: str, expected: tuple[str, str, str]) -> None:
    assert strip_clitics(word) == expected


@pytest.mark.parametrize(
    "word",
    ["وزير", "وكالة", "فرقة", "بيان", "بلدة", "كتيبة", "لواء", "لبنان", "محاكم", "الحكم", "حي"],
)
def test_native_letters_are_not_clitics(word: str) -> None:
    prefix, stem, suffix = strip_clitics(word)
    assert (prefix, suffix) == ("", "")
    assert stem == normalize(word).text


def test_short_remainders_are_not_cut() -> None:
    assert strip_clitics("وجه") == ("", "وجه", "")  # و + جه would leave two letters
    assert strip_clitics("بالحي") == ("ب", "الحي", "")  # after the article two letters suffice


def test_conjunction_before_a_native_word() -> None:
    assert strip_clitics("ولواء") == ("و", "لواء", "")


def test_lone_heh_is_cut_only_when_ta_marbuta_is_distinct() -> None:
    assert strip_clitics("قصفه") == ("", "قصفه", "")
    assert strip_clitics("قصفه", keeps_ta_marbuta=True) == ("", "قصف", "ه")
    assert strip_clitics("مدينة", keeps_ta_marbuta=True) == ("", "مدينه", "")


def test_bare_stem_drops_the_article() -> None:
    assert bare_stem("القامشلي") == "قامشلي"
    assert bare_stem("الى") == "الى"  # too short to be article + noun


def test_tokenize_keeps_original_offsets_and_stems() -> None:
    text = "وسلّمت «قسد» مخبَزَي البعث لقواتِ النظام في ١٧/٤."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    words = [t for t in tokens if t.kind == "word"]
    assert [t.text for t in words] == ["وسلّمت", "قسد", "مخبَزَي", "البعث", "لقواتِ", "النظام", "في"]
    assert words[0].prefix == "و" and words[0].stem == "سلمت"
    assert words[4].prefix == "ل" and words[4].stem == "قوات"
    assert [t.norm for t in tokens if t.kind == "number"] == ["17", "4"]
    assert [t.text for t in tokens if t.kind == "punct"] == ["«", "»", "/", "."]


def test_tokenize_reads_ta_marbuta_from_the_original() -> None:
    (token,) = tokenize("وقصفه")
    assert (token.prefix, token.stem, token.suffix) == ("و", "قصف", "ه")
    (city,) = tokenize("بمدينة")
    assert (city.prefix, city.stem, city.suffix) == ("ب", "مدينه", "")


def test_numbers_keep_separators_and_latin_words() -> None:
    tokens = tokenize("نحو 1,200 شخص و3.5 طن from the U.N.")
    assert [t.norm for t in tokens if t.kind == "number"] == ["1,200", "3.5"]
    assert "from" in [t.norm for t in tokens]


@given(st.text(alphabet="وبالقامشليفكنهةً،. 0123456789abc«»\u200f", max_size=60))
@settings(max_examples=200)
def test_tokens_are_ordered_disjoint_and_slice_the_original(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for token in tokens:
        assert previous_end <= token.start < token.end <= len(text)
        assert text[token.start : token.end] == token.text
        assert token.norm == normalize(token.text).text
        previous_end = token.end


ALLOWED_PREFIXES = {"", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"}


@given(st.text(alphabet="وفبكلالقسدنظامهمكةت", min_size=1, max_size=10))
@settings(max_examples=300)
def test_clitic_split_is_a_split_of_the_word(word: str) -> None:
    prefix, stem, suffix = strip_clitics(word)
    folded = normalize(word).text
    assert prefix in ALLOWED_PREFIXES
    assert suffix in {"", "ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا"}
    assert folded.startswith(prefix) and folded.endswith(suffix)
    assert stem  # never cut a word down to nothing
