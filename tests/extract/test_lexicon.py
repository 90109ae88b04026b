"""The trigger lexicon: generated word forms, clitics and endings, context cues."""

from __future__ import annotations

from functools import cache

from marsad.extract.lexical import cue_mentions, trigger_mentions
from marsad.knowledge.triggers import TriggerLexicon, load_triggers, surface_forms
from marsad.model import MentionKind
from marsad.text.normalize import normalize


@cache
def _lexicon() -> TriggerLexicon:
    return load_triggers()


def _actions(text: str) -> set[tuple[str, str]]:
    return {(m.key or "", m.span.text) for m in trigger_mentions(text, normalize(text), _lexicon())}


def test_past_verbs_get_present_forms_without_the_leading_alef() -> None:
    assert "يشتبك" in surface_forms("اشتبك", "verb_past")
    assert "تحاصر" in surface_forms("حاصر", "verb_past")


def test_nouns_get_the_article() -> None:
    assert "الاشتباكات" in surface_forms("اشتباكات", "masdar")
    assert surface_forms("السيطرة", "masdar") == ("السيطره",)


def test_clitics_and_endings_are_accepted() -> None:
    found = _actions("وسيطرت فصائل المعارضة على التلة بعدما انسحبوا منها ويحاصرونها")
    assert ("territory_taken", "سيطر") in found
    assert ("withdrawal", "انسحب") in found
    assert ("siege_imposed", "يحاصر") in found


def test_multiword_phrases_win_over_their_parts() -> None:
    found = _actions("أعلن الطرفان فك الحصار عن البلدة ووقف إطلاق النار")
    assert ("siege_lifted", "فك الحصار") in found
    assert ("agreement", "وقف إطلاق النار") in found
    assert not any(action == "siege_imposed" for action, _ in found)


def test_an_ambiguous_word_is_proposed_for_each_of_its_actions() -> None:
    actions = {a for a, surface in _actions("دخلت القوات البلدة") if surface.startswith("دخل")}
    assert {"incursion", "territory_taken"} <= actions


def test_words_that_only_contain_a_trigger_do_not_match() -> None:
    assert _actions("شارك المعلمون في المؤتمر التربوي السنوي") == set()


def test_cues_for_status_and_sources() -> None:
    text = "نفت وزارة الدفاع الأنباء، وقال المرصد السوري إن القوات لم تنسحب"
    norm = normalize(text)
    cues = cue_mentions(text, norm, _lexicon(), trigger_mentions(text, norm, _lexicon()))
    keys = {(m.kind, m.key) for m in cues}
    assert (MentionKind.STATUS, "denial") in keys
    assert (MentionKind.STATUS, "negation") in keys
    assert (MentionKind.ATTRIBUTION, "source:SOHR|organisation") in keys
    assert (MentionKind.ATTRIBUTION, "report") in keys
    assert (MentionKind.ATTRIBUTION, "source:المرصد|organisation") not in keys  # the longer wins


def test_a_nationality_after_a_trigger_names_the_state() -> None:
    text = "تواصل القصف التركي على القرى الحدودية بينما زار وفد تركي المدينة"
    norm = normalize(text)
    cues = cue_mentions(text, norm, _lexicon(), trigger_mentions(text, norm, _lexicon()))
    actors = [(m.key, m.span.text) for m in cues if m.kind is MentionKind.ACTOR]
    assert actors == [("تركيا", "التركي")]
