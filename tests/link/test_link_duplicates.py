"""Near-duplicate reports: a syndicated copy is a copy; another outlet's own words are not."""

from __future__ import annotations

from datetime import date

import texts
from link_builders import article

from marsad.link import near_duplicates
from marsad.link.duplicates import DuplicateIndex, signature


def test_a_copy_with_a_new_headline_and_an_added_sentence_is_a_near_duplicate() -> None:
    original = article("a1", texts.STRIKE_ORIGINAL, published=date(2022, 5, 3))
    copy = article("a2", texts.STRIKE_COPY, published=date(2022, 5, 4))
    assert near_duplicates([copy, original]) == {"a2": "a1"}


def test_two_outlets_telling_one_event_in_their_own_words_are_not_copies() -> None:
    original = article("a1", texts.STRIKE_ORIGINAL, published=date(2022, 5, 3))
    paraphrase = article("a3", texts.STRIKE_PARAPHRASE, published=date(2022, 5, 4))
    talks = article("t1", texts.TALKS_DATED)
    talks_told = article("t2", texts.TALKS_UNDATED)
    assert near_duplicates([original, paraphrase, talks, talks_told]) == {}
    assert signature(texts.TALKS_DATED).jaccard(signature(texts.TALKS_UNDATED)) < 0.5


def test_the_canonical_copy_is_the_earliest_published_then_the_smallest_id() -> None:
    late = article("a0", texts.STRIKE_ORIGINAL, published=date(2022, 5, 5))
    early = article("b9", texts.STRIKE_COPY, published=date(2022, 5, 3))
    undated = article("a1", texts.STRIKE_ORIGINAL)
    assert near_duplicates([late, early, undated]) == {"a0": "b9", "a1": "b9"}
    assert near_duplicates([undated, early, late]) == {"a0": "b9", "a1": "b9"}


def test_the_index_survives_a_json_round_trip() -> None:
    index = DuplicateIndex()
    index.add(article("a1", texts.STRIKE_ORIGINAL, published=date(2022, 5, 3)))
    restored = DuplicateIndex.from_json(index.to_json())
    restored.add(article("a2", texts.STRIKE_COPY, published=date(2022, 5, 3)))
    restored.add(article("a3", texts.STRIKE_PARAPHRASE, published=date(2022, 5, 4)))
    assert restored.copies() == {"a2": "a1"}
