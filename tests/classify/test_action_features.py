"""The features the learned action filter sees: background, habitual and sequence cues, the
trigger's shape, a headline and actions told before (reports written for these tests)."""

from __future__ import annotations

from datetime import date
from functools import cache

from marsad.classify.candidates import Candidate, candidates
from marsad.classify.view import views_of
from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.resolve import resolve_mentions

REPORT = (
    "قوات النظام تنسحب من بلدة كفرزيتا\n"
    "انسحبت قوات النظام السوري صباح اليوم من بلدة كفرزيتا في ريف حماة الشمالي.\n"
    "وكانت هذه القوات قد انسحبت في وقت سابق من بلدة اللطامنة المجاورة بعد أن تعرضت لهجمات.\n"
    "وتشهد المنطقة بشكل دائم اشتباكات متقطعة بين الطرفين."
)


@cache
def _resources() -> Resources:
    return Resources()


def _candidates(text: str) -> list[Candidate]:
    article = Article(id="t", text=text, published=date(2021, 6, 3))
    resolution = resolve_mentions(extract_mentions(article, _resources()), _resources())
    views = views_of(resolution)
    return candidates(views, text)


def _of(action: str, sentence: int) -> Candidate:
    found = [c for c in _candidates(REPORT) if c.action == action and c.sentence == sentence]
    assert found, f"no {action} candidate in sentence {sentence}"
    return found[0]


def test_the_title_line_is_a_headline_and_its_actions_are_told_in_it() -> None:
    assert "headline" in _of("withdrawal", 0).features
    lead = _of("withdrawal", 1).features
    assert "headline" not in lead
    assert "a=withdrawal|told_in_headline" in lead
    assert "told_before" not in lead


def test_a_retold_withdrawal_carries_its_background_cue_and_is_told_before() -> None:
    retold = _of("withdrawal", 2).features
    assert "background>c" in retold  # "في وقت سابق" right after the verb
    assert "a=withdrawal|told_before" in retold
    assert "sequence>c" in retold or "sequence>s" in retold  # "بعد أن" after the verb


def test_a_habitual_state_is_marked() -> None:
    clash = _of("armed_clash", 3).features
    assert any(f.startswith("habitual<") for f in clash)


def test_trigger_shapes_tell_verbs_from_definite_nouns() -> None:
    assert "shape=present" in _of("withdrawal", 0).features  # "تنسحب"
    assert "shape=verb" in _of("withdrawal", 1).features  # "انسحبت"
    nouns = _candidates("وأكد المرصد أن الانسحاب من المدينة اكتمل مساء أمس.")
    assert any("shape=def" in c.features for c in nouns if c.action == "withdrawal")
