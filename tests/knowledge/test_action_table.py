"""The action table's flags that rules in two stages read (classify/arguments, link/scoring)."""

from __future__ import annotations

from marsad.knowledge.actions import (
    accused_actions,
    load_actions,
    speech_actions,
    two_sided_actions,
)


def test_two_sided_actions_are_those_between_parties() -> None:
    # a clash, talks and a deal are between two parties; a strike or a handover has a direction
    assert two_sided_actions() == {"armed_clash", "talks", "agreement"}
    assert "air_strike" not in two_sided_actions()
    assert "handover" not in two_sided_actions()


def test_speech_acts_are_the_verbal_family_not_the_verbal_flag() -> None:
    actions = load_actions()
    assert actions["displacement"].verbal  # scored only where the gold codes it
    assert "displacement" not in speech_actions()
    assert {"accusation", "condemnation", "demand", "threat"} <= speech_actions()


def test_a_denier_is_accused_of_acts_not_of_aid_or_flight() -> None:
    # "نفت روسيا قصف السوق": Russia is accused of the strike; no one is accused of delivering aid
    assert {"air_strike", "chemical_attack", "seizure", "incursion"} <= accused_actions()
    assert not {"aid_delivery", "displacement", "protest"} & accused_actions()
    assert not speech_actions() & accused_actions()
