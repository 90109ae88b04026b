"""The killed nouns are read once per cue table (the lexicon keeps them), not once per article."""

from __future__ import annotations

from marsad.knowledge.triggers import ContextCue, TriggerLexicon


def _lexicon(*cues: tuple[str, str]) -> TriggerLexicon:
    return TriggerLexicon((), tuple(ContextCue(kind, phrase, "") for phrase, kind in cues))


def test_killed_nouns_are_kept_per_cue_table_and_follow_a_new_table() -> None:
    first = _lexicon(("قتيل", "killed"), ("جريح", "wounded"))
    assert first.killed_nouns == {"قتيل"}
    assert first.killed_nouns is first.killed_nouns
    other = _lexicon(("ضحية", "killed"))
    assert other.killed_nouns == {"ضحية"}
    assert first.killed_nouns == {"قتيل"}
