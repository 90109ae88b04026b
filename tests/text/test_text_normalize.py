"""normalize: golden folds and the offset-map properties every extractor relies on."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import (
    DEFAULT_OPTIONS,
    NormalizeOptions,
    _normalize_slowly,
    normalize,
    normalize_key,
)

# Arabic letters, harakat, tatweel, both digit sets, bidi controls, spaces, Latin, punctuation.
ARABIC_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةٱ"
    + "".join(chr(c) for c in range(0x064B, 0x0653))
    + "ـ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،؛؟«»"
    + "\u200f\u200e\u202b\u202c\u2066\u2069\u061c\ufeff\u00a0\u202f\t"
    + "abcXYZ 0123456789.,!?-/()\"'\n"
    + "İΣکیە"
)
arabic_text = st.text(alphabet=ARABIC_ALPHABET, max_size=80)
any_text = st.one_of(arabic_text, st.text(max_size=60))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أعلنت إدارة آمنة في ٱلمدينة", "اعلنت اداره امنه في المدينه"),  # alef forms, ta marbuta
        ("مسؤول رئيس", "مسوول رييس"),  # hamza seats on waw and yeh
        ("مستشفى على", "مستشفي علي"),  # alef maqsura
        ("مخبَزَي البَعْثِ", "مخبزي البعث"),  # harakat dropped
        ("قــــوات", "قوات"),  # tatweel dropped
        ("١٧/٠٤/٢٠٢٢ و۱۲", "17/04/2022 و12"),  # Arabic-Indic and Persian digits
        ("٣٫٥ طن و١٬٢٠٠", "3.5 طن و1,200"),  # Arabic decimal and thousands separators
        ("\u200fقسد\u200e \u202bالنظام\u202c", "قسد النظام"),  # bidi controls dropped
        ("حلب\u00a0وإدلب", "حلب وادلب"),  # no-break space to a space
        ("کرد ی", "كرد ي"),  # Persian kaf and yeh
        ("«قسد»، ماذا؟", '"قسد", ماذا?'),  # Arabic punctuation to ASCII
        ("SDF Forces", "sdf forces"),
    ],
)
def test_golden_folds(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_options_can_keep_ta_marbuta_and_maqsura() -> None:
    options = NormalizeOptions(fold_ta_marbuta=False, fold_alef_maqsura=False)
    assert normalize("مدينة على", options=options).text == "مدينة على"


def test_offsets_point_back_into_the_original() -> None:
    original = "سيطرت «قسد» على مخبَزَي البعث"
    norm = normalize(original)
    start = norm.text.index("مخبزي")
    a, b = norm.original_span(start, start + len("مخبزي"))
    assert original[a:b] == "مخبَزَي"


def test_empty_range_maps_to_a_point() -> None:
    norm = normalize("قَصف")
    assert norm.original_span(1, 1) == (2, 2)


def test_normalize_key_collapses_whitespace() -> None:
    assert normalize_key("  قوات \n سوريا\u00a0الديمقراطية ") == "قوات سوريا الديمقراطيه"


@given(any_text)
@settings(max_examples=300)
def test_offsets_have_one_entry_per_char_plus_the_end(text: str) -> None:
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(text)


@given(any_text)
@settings(max_examples=300)
def test_offsets_are_strictly_increasing(text: str) -> None:
    offsets = normalize(text).offsets
    assert all(a < b for a, b in itertools.pairwise(offsets))


@given(any_text)
@settings(max_examples=300)
def test_each_char_comes_from_an_original_char_that_normalizes_to_it(text: str) -> None:
    norm = normalize(text)
    for index, char in enumerate(norm.text):
        assert normalize(text[norm.offsets[index]]).text == char


@given(any_text, st.data())
@settings(max_examples=200)
def test_original_span_slices_consistently(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    a = data.draw(st.integers(0, len(norm.text)))
    b = data.draw(st.integers(a, len(norm.text)))
    start, end = norm.original_span(a, b)
    assert 0 <= start <= end <= len(text)
    assert normalize(text[start:end]).text == norm.text[a:b]


@given(any_text)
@settings(max_examples=300)
def test_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(any_text)
@settings(max_examples=300)
def test_fast_path_equals_the_reference(text: str) -> None:
    assert normalize(text) == _normalize_slowly(text, DEFAULT_OPTIONS)


@given(any_text)
@settings(max_examples=300)
def test_normalize_key_is_the_collapsed_normalized_text(text: str) -> None:
    assert normalize_key(text) == " ".join(normalize(text).text.split())


def test_cached_results_are_kept_per_options() -> None:
    # normalize and normalize_key remember recent texts: the options must be part of the key
    text = "مدينةُ حماة"
    light = NormalizeOptions(fold_ta_marbuta=False)
    assert normalize(text).text == "مدينه حماه"
    assert normalize(text, options=light).text == "مدينة حماة"
    assert normalize(text) == _normalize_slowly(text, DEFAULT_OPTIONS)
    assert normalize_key(text, options=light) == "مدينة حماة"
    assert normalize_key(text) == normalize_key(text, options=NormalizeOptions()) == "مدينه حماه"
