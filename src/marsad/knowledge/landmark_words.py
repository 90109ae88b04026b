"""The landmark lexicon (`data/gazetteer/landmark_words.tsv`): the head nouns of sites inside a
town (a hospital, a prison, a base), the words that keep a mention generic, the naming adjectives
and the words before a second name. Read by the landmark resolver (`resolve/landmarks.py`) and by
extraction, which keeps a town written after a head that names one site ("مستشفى كفرنبل")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge.files import data_path, read_tsv
from marsad.text.normalize import normalize_key

LANDMARK_WORDS_FILE = "gazetteer/landmark_words.tsv"


@dataclass(frozen=True, slots=True)
class LandmarkHead:
    word: str  # normalized
    cls: str  # synonyms share a class: مشفى/مستشفى → hospital
    label: str  # English
    definite: bool  # "ال + head + adjective" names one ("المشفى الوطني")


@dataclass(frozen=True, slots=True)
class LandmarkWords:
    heads: dict[str, LandmarkHead]
    generic: frozenset[str]
    adjectives: dict[str, str]  # normalized → English
    aliases: tuple[str, ...]  # normalized words before a second name ("يطلقون عليه")
    pattern: re.Pattern[str]  # a head in normalized text, with its proclitics and article


@lru_cache(maxsize=4)
def load_landmark_words(path: Path | None = None) -> LandmarkWords:
    source = path or data_path(LANDMARK_WORDS_FILE)
    heads: dict[str, LandmarkHead] = {}
    generic: set[str] = set()
    adjectives: dict[str, str] = {}
    aliases: list[str] = []
    for row in read_tsv(source):
        word = normalize_key(row["word"])
        role = row["role"]
        if role == "head":
            if not row.get("class") or not row.get("label"):
                raise DataError(f"{source}: head {row['word']!r} needs a class and a label")
            definite = row.get("definite", "") == "yes"
            heads[word] = LandmarkHead(word, row["class"], row["label"], definite)
        elif role == "generic":
            generic.add(word)
        elif role == "alias":
            aliases.append(word)
        elif role == "adjective":
            adjectives[word] = row["label"]
        else:
            raise DataError(f"{source}: unknown role {role!r} for {row['word']!r}")
    return LandmarkWords(
        heads, frozenset(generic), adjectives, tuple(aliases), _head_pattern(heads)
    )


def _head_pattern(heads: dict[str, LandmarkHead]) -> re.Pattern[str]:
    body = "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) or "(?!)"
    # proclitics ("وب", "لل") then the head; group "art" is the article when written
    return re.compile(
        rf"(?<![\u0621-\u064A])(?P<pre>[وف]?(?:ب|ل|ك)?)(?P<art>ال|(?<=ل)ل)?"
        rf"(?P<head>{body})(?![\u0621-\u064A])"
    )
