"""lexicon: the shipped text tables load, and the trie regex matches exactly its words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import DataError
from marsad.text.date_grammar import grammar
from marsad.text.lexicon import column, phrase_alternation, phrases_of, read_table, trie_pattern

TABLES = {
    "months.tsv": ("name", "month", "calendar", "ambiguous"),
    "weekdays.tsv": ("name", "weekday"),
    "ordinals.tsv": ("word", "value"),
    "numbers.tsv": ("word", "value", "kind"),
    "nouns.tsv": ("singular", "dual", "construct", "plurals"),
    "qualifiers.tsv": ("phrase", "qualifier", "position"),
    "clitic_exceptions.tsv": ("word",),
    "stopwords.tsv": ("word",),
    "clause_openers.tsv": ("word",),
    "agent_markers.tsv": ("kind", "phrase"),
    "sponsor_words.tsv": ("word",),
    "bare_shelling.tsv": ("word",),
    "wounded_words.tsv": ("kind", "word"),
    "name_titles.tsv": ("kind", "word"),
    "affiliation_words.tsv": ("word",),
    "ground_weapons.tsv": ("word",),
    "military_targets.tsv": ("kind", "word"),
    "spokesman_words.tsv": ("kind", "word"),
    "backing_words.tsv": ("kind", "word"),
    "media_words.tsv": ("word",),
    "place_context_words.tsv": ("kind", "word"),
    "road_words.tsv": ("kind", "word"),
    "direction_words.tsv": ("word",),
    "ousting_words.tsv": ("word",),
    "document_words.tsv": ("word",),
    "partitive_words.tsv": ("kind", "word"),
    "conjoined_forces.tsv": ("word",),
    "place_before_name.tsv": ("word",),
    "arriving_words.tsv": ("kind", "word"),
}


@pytest.mark.parametrize(("name", "fields"), TABLES.items())
def test_tables_load_with_their_columns(name: str, fields: tuple[str, ...]) -> None:
    rows = read_table(name)
    assert rows and all(tuple(row) == fields for row in rows)
    assert all(all(value for key, value in row.items() if key != "plurals") for row in rows)


def test_both_month_sets_cover_every_month() -> None:
    months = grammar().months
    gregorian = {m.month for m in months.values() if m.calendar == "gregorian"}
    assert gregorian == set(range(1, 13))
    assert months["نيسان"].month == months["ابريل"].month == 4
    assert months["كانون الاول"].month == 12 and months["كانون الثاني"].month == 1


def test_missing_table_and_column_are_data_errors() -> None:
    with pytest.raises(DataError):
        read_table("no_such_table.tsv")
    with pytest.raises(DataError):
        column("weekdays.tsv", "no_such_column")


words = st.lists(st.text(alphabet="ابتثجحخ", min_size=1, max_size=5), min_size=1, max_size=12)


@given(words, st.text(alphabet="ابتثجحخ", min_size=1, max_size=6))
@settings(max_examples=300)
def test_trie_pattern_matches_exactly_the_words(vocabulary: list[str], probe: str) -> None:
    pattern = re.compile("(?:" + trie_pattern(vocabulary) + ")")
    assert (pattern.fullmatch(probe) is not None) == (probe in vocabulary)


@given(words)
def test_trie_pattern_prefers_the_longest_word(vocabulary: list[str]) -> None:
    pattern = re.compile("(?:" + trie_pattern(vocabulary) + ")")
    longest = max(vocabulary, key=len)
    match = pattern.match(longest)
    assert match is not None and len(match.group()) == len(longest)


def test_phrases_of_keeps_the_written_form_and_the_file_order() -> None:
    markers = phrases_of("agent_markers.tsv", "marker")
    assert markers[:2] == ("على يد", "على أيدي")  # the hamza kept: the rules read raw text
    assert "عناصر" not in markers and "عناصر" in phrases_of("agent_markers.tsv", "member")
    assert "حضور" in phrases_of("sponsor_words.tsv", field="word")
    with pytest.raises(DataError):
        phrases_of("agent_markers.tsv", "no_such_kind")
    with pytest.raises(DataError):
        phrases_of("sponsor_words.tsv", "marker")  # a table without kinds


def test_phrase_alternation_lets_any_spaces_part_the_words() -> None:
    pattern = re.compile(phrase_alternation(("على يد", "بيد")) + "$")
    assert pattern.match("على  يد") and pattern.match("على\nيد") and pattern.match("بيد")
    assert not pattern.match("على") and not pattern.match("علىيد")
    glued = re.compile(phrase_alternation(("ما يسمى ب",), gap=r"\s*") + "$")
    assert glued.match("ما يسمى ب") and glued.match("مايسمى ب") and glued.match("ما يسمىب")
    assert re.compile(phrase_alternation(("a.b",)) + "$").match("axb") is None  # escaped


def test_unit_words_table_has_a_unit_for_every_word() -> None:
    rows = read_table("unit_words.tsv")
    assert rows and all(tuple(row) == ("word", "unit", "item") for row in rows)
    assert all(row["word"] and row["unit"] for row in rows)
