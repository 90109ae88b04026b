"""Names beyond the catalogs: people, organisations and places the catalogs do not know.

Rule-based: a title or place-class word ("القيادي", "العميد", "محافظ", "قرية", "بلدة", "حي")
followed by one to three capitalised-or-Arabic words that no other mention already covers.
"""

from __future__ import annotations

import re
from functools import cache

from marsad.model import Mention, MentionKind, Span
from marsad.text.lexicon import column, phrase_alternation

NAME_RULE = "rule.name@1"
NAME_TITLES = "name_titles.tsv"  # "القيادي", "العميد" before a person; "قرية", "حي" a place
_WORD = r"[\u0621-\u064A\u0660-\u0669]+"
_FOLLOWING = re.compile(rf"{_WORD}(?:\s+{_WORD}){{0,2}}")
_STOP = frozenset(
    [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "بعد",
        "قبل",
        "التي",
        "الذي",
        "الذين",
        "التابعة",
        "التابع",
        "و",
        "أو",
        "ثم",
        "حيث",
        "كما",
    ]
)


@cache
def title_kind() -> dict[str, str]:
    """Each title or class word as written → person | place, in the table's order."""
    return dict(zip(column(NAME_TITLES, "word"), column(NAME_TITLES, "kind"), strict=True))


@cache
def _title() -> re.Pattern[str]:
    titles = phrase_alternation(tuple(title_kind()), gap=" ")
    return re.compile(rf"(?:^|(?<=\s)|(?<=[وفبل]))(?P<title>{titles})\s+")


def _name_end(text: str, start: int, end: int) -> int:
    """Cut the candidate at the first function word: names rarely contain them."""
    pos = start
    for match in re.finditer(_WORD, text[start:end]):
        word = match.group(0)
        # a conjunction-prefixed word or a new title starts the next phrase, not more name
        if word in _STOP or word in title_kind() or (pos > start and word.startswith("و")):
            break
        pos = start + match.end()
    return pos


def name_mentions(text: str, known: list[Mention]) -> list[Mention]:
    covered = [(m.span.start, m.span.end) for m in known if m.kind.value in {"actor", "place"}]
    out: list[Mention] = []
    last_end = -1
    for match in _title().finditer(text):
        if match.start() < last_end:  # the title word is part of the previous name
            continue
        following = _FOLLOWING.match(text, match.end())
        if following is None:
            continue
        start = following.start()
        end = _name_end(text, start, following.end())
        if end <= start or any(a < end and start < b for a, b in covered):
            continue
        last_end = end
        kind = title_kind().get(match.group("title"), "person")
        out.append(Mention(MentionKind.NAME, Span.of(text, start, end), kind, NAME_RULE, 0.5))
    return out
