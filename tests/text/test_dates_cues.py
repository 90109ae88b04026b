"""find_dates' cheap pre-tests must never hide a date: no false negatives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.date_grammar import grammar
from marsad.text.date_rules import mentions_month

# Pieces a date is made of, glued in any order: month names (some inside longer words), clitics,
# prepositions of time, years, separators, and letters that make words out of them.
_PIECES = [
    *list(grammar().months),
    "و", "ب", "ل", "ف", "ال", "ت", "ن", "ي",
    "في", "منذ", "خلال", "مطلع", "عام",
    "2017", "1995", "12", "3", "7", "0",
    " ", "  ", "/", "-", ".", ",", "(", ")", "\n",
    "12/3/2017", "2019-11-05", "3.7.2020", "1/1/", "في 2017", "منذ 1995", "خلال 2016 ",
]  # fmt: skip
date_like = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


@given(date_like)
@settings(max_examples=400)
def test_month_names_are_found_exactly_where_the_pattern_finds_them(text: str) -> None:
    g = grammar()
    assert mentions_month(g, text) == (g.month_name.search(text) is not None)


@given(date_like)
@settings(max_examples=400)
def test_pattern_cues_are_implied_by_their_patterns(text: str) -> None:
    g = grammar()
    if g.numeric.search(text) is not None:
        assert g.numeric_cue.search(text) is not None
    if g.bare_year.search(text) is not None:
        assert g.bare_year_cue.search(text) is not None


def test_cues_in_written_sentences() -> None:
    g = grammar()
    assert mentions_month(g, "قصف في 12 اذار الماضي")
    assert not mentions_month(g, "قصف الابنيه في المدينه")  # "اب" only inside words
    assert g.numeric_cue.search("في 17/04/2022 سقطت قذيفه")
    assert g.bare_year_cue.search("بدات المعارك منذ 2013 في المدينه")
    assert not g.bare_year_cue.search("قتل 2013 شخصا")
