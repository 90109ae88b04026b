"""phrases: clitic-aware dictionary matching, and leftmost-longest choice among overlaps."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from marsad.text.phrases import INFLECTION_SUFFIXES, PhraseMatcher
from marsad.text.spans import leftmost_longest


def test_names_match_with_proclitics_and_the_unwritten_article() -> None:
    matcher = PhraseMatcher([("القامشلي", "QAM"), ("النظام", "GOV"), ("قسد", "SDF")])
    text = "وبالقامشلي سلّمت لقسد مواقع للنظام"
    hits = matcher.find(text)
    assert [(text[h.start : h.end], h.values, h.prefix) for h in hits] == [
        ("القامشلي", ("QAM",), "وب"),
        ("قسد", ("SDF",), "ل"),
        ("للنظام", ("GOV",), "ل"),  # the span keeps the preposition glued to the article
    ]


def test_no_match_inside_another_word() -> None:
    matcher = PhraseMatcher([("حلب", "ALEPPO")])
    assert matcher.find("تناول محلبية في حلبون") == ()


def test_suffixes_only_where_allowed() -> None:
    names = PhraseMatcher([("سيطر", "seize")])
    triggers = PhraseMatcher([("سيطر", "seize")], suffixes=INFLECTION_SUFFIXES)
    text = "وسيطرتها على المباني"
    assert names.find(text) == ()
    (hit,) = triggers.find(text)
    assert (hit.prefix, hit.suffix) == ("و", "تها")


def test_clitic_chains_and_suffixes_are_bounded_in_length() -> None:
    # two proclitic letters ("وب") are a chain; three letters before the name are another word,
    # and an ending longer than any allowed suffix is too ("سيطرتهما" is, "سيطرتهمااا" is not)
    names = PhraseMatcher([("حماه", "HAMA")])
    assert [h.prefix for h in names.find("وبحماه وفيحماه")] == ["وب"]
    triggers = PhraseMatcher([("سيطر", "seize")], suffixes=INFLECTION_SUFFIXES)
    assert [h.suffix for h in triggers.find("سيطرتهما سيطرتهمااا")] == ["تهما"]


def test_longest_phrase_wins() -> None:
    matcher = PhraseMatcher([("قوات سوريا الديمقراطية", "SDF"), ("سوريا", "SYR")])
    (hit,) = matcher.find("انسحبت قوات سوريا الديموقراطية")  # spelling variant: not matched
    assert hit.values == ("SYR",)
    (hit,) = matcher.find("انسحبت قوات سوريا الديمقراطية")
    assert hit.values == ("SDF",)


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=30))
def test_leftmost_longest_keeps_disjoint_spans_and_drops_only_overlapped_ones(
    raw: list[tuple[int, int]],
) -> None:
    spans = [(start, start + length) for start, length in raw]
    kept = leftmost_longest(spans, lambda s: s)
    assert kept == sorted(kept)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(kept))
    for span in spans:
        if span in kept:
            continue
        # a dropped span lost to an overlapping kept span at least as long
        assert any(
            k[0] < span[1] and span[0] < k[1] and k[1] - k[0] >= span[1] - span[0] for k in kept
        ), span
