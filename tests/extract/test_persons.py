"""A nationality adjective after a noun for people names those people's state (marked, for
classify), not the doer; civilians' nationality names no side; a group's fighters are the group."""

from __future__ import annotations

from datetime import date

from marsad.extract import extract_mentions
from marsad.extract.persons import person_side
from marsad.knowledge.resources import Resources
from marsad.model import PERSONS_MARK, Article, MentionKind


def _actors(body: str) -> dict[str, str]:
    text = "عنوان الخبر\n\n" + body
    article = Article(id="t", text=text, published=date(2020, 3, 1))
    return {
        m.span.text: m.rule
        for m in extract_mentions(article, Resources()).mentions
        if m.kind is MentionKind.ACTOR
    }


def test_person_nouns_in_every_form() -> None:
    assert person_side("جندياً") == "armed"
    assert person_side("والجنود") == "armed"
    assert person_side("مستشارين") == "armed"
    assert person_side("مدنياً") == "civilian"
    assert person_side("قرية") is None


def test_a_state_name_read_as_the_soldiers_adjective_is_marked() -> None:
    actors = _actors("قتل 33 جندياً تركياً في غارة على ريف إدلب.")
    assert actors["تركيا"].endswith(PERSONS_MARK), actors


def test_an_adjective_after_people_is_found_and_marked() -> None:
    actors = _actors("وأكد ناشطون مقتل أحد الطيارين الروسيين في جبل التركمان.")
    assert actors["الروسيين"].endswith(PERSONS_MARK), actors


def test_the_strike_adjective_is_not_marked() -> None:
    actors = _actors("قتل ثلاثة عناصر بالغارة الروسية على ريف إدلب.")
    assert not actors["الروسية"].endswith(PERSONS_MARK), actors


def test_civilians_nationality_is_no_actor() -> None:
    actors = _actors("قتل 15 مدنياً تركياً و3 مواطنين أتراك بقصف على البلدة.")
    assert "تركيا" not in actors and "أتراك" not in actors, actors


def test_a_groups_fighters_are_not_marked() -> None:
    actors = _actors("سيطر المقاتلون الأكراد على البلدة بعد انسحاب عناصر التنظيم.")
    assert actors and not any(r.endswith(PERSONS_MARK) for r in actors.values()), actors


def test_an_adjective_after_a_word_of_another_sense_names_no_doer() -> None:
    """ "زار" inside "وزارة الدفاع التركية" is no act: "التركية" is the ministry's, not a doer's."""
    actors = _actors("وقالت وزارة الدفاع التركية إن الجنود قتلوا في قصف جوي.")
    assert not any(r.startswith("lexicon.nationality") for r in actors.values()), actors
