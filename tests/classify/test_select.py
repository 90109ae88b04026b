from __future__ import annotations

from marsad.classify.candidates import Candidate
from marsad.classify.select import select
from marsad.knowledge.models import LinearModel
from marsad.model import Mention, MentionKind, Span

TEXT = "دخلت القوات البلدة"


def _candidate(action: str, weight: float, features: tuple[str, ...] = ()) -> Candidate:
    span = Span.of(TEXT, 0, 4)
    trigger = Mention(MentionKind.TRIGGER, span, action, "test", weight)
    return Candidate(0, action, (trigger,), features)


def test_without_a_model_strong_triggers_win_a_shared_span() -> None:
    kept = select([_candidate("incursion", 1.0), _candidate("aid_delivery", 0.5)], None)
    assert [s.candidate.action for s in kept] == ["incursion"]


def test_the_model_decides_where_it_has_support() -> None:
    model = LinearModel("m", bias=-9.0, weights={"good": 12.0}, threshold=0.5, support={"x": 9})
    good = _candidate("x", 0.5, ("good",))
    bad = Candidate(
        1, "x", (Mention(MentionKind.TRIGGER, Span.of(TEXT, 5, 11), "x", "t", 1.0),), ()
    )
    kept = [s.candidate for s in select([good, bad], model)]
    assert kept == [good]


def test_actions_the_model_never_learned_fall_back_to_the_rule() -> None:
    model = LinearModel("m", bias=-9.0, weights={}, threshold=0.5, support={"x": 9})
    kept = select([_candidate("seizure", 1.0)], model)
    assert [s.candidate.action for s in kept] == ["seizure"]


def test_a_definite_noun_for_a_told_action_is_vouched_for_as_weak() -> None:
    # the model is unsure (0.15, below its 0.3 threshold): a strong word's prior would keep it,
    # a mention of the event told before ("وأدى القصف إلى …") is left to the model
    model = LinearModel("m", bias=0.0, weights={"unsure": -1.735}, threshold=0.3, support={"x": 9})
    fresh = ("unsure", "shape=def")
    again = (*fresh, "told_before")
    verb_again = ("unsure", "shape=verb", "told_before")
    assert select([_candidate("x", 1.0, fresh)], model)
    assert not select([_candidate("x", 1.0, again)], model)
    assert select([_candidate("x", 1.0, verb_again)], model)
