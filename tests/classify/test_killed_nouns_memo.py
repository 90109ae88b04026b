"""The killed nouns are read once per cue table, not once per article."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from marsad.classify.assemble import _killed_nouns


def _resources(*cues: tuple[str, str]) -> Any:
    table = tuple(SimpleNamespace(phrase=p, kind=k) for p, k in cues)
    return SimpleNamespace(triggers=SimpleNamespace(cues=table))


def test_killed_nouns_are_kept_per_cue_table_and_follow_a_new_table() -> None:
    first = _resources(("قتيل", "killed"), ("جريح", "wounded"))
    assert _killed_nouns(first) == {"قتيل"}
    assert _killed_nouns(first) is _killed_nouns(first)
    other = _resources(("ضحية", "killed"))
    assert _killed_nouns(other) == {"ضحية"}
    assert _killed_nouns(first) == {"قتيل"}
