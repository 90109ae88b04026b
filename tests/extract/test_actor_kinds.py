"""An actor mention carries its catalog kind in its rule, so classify can tell a relief body
(kind `ngo`) from a side of the fighting without reading the catalog again."""

from __future__ import annotations

from marsad.extract.entities import ACTOR_RULE, KIND_MARK, actor_mentions
from marsad.knowledge.resources import Resources


def test_relief_body_is_marked_ngo_and_an_armed_side_is_not() -> None:
    text = "دخلت قافلة للهلال الأحمر العربي السوري بعد انسحاب تنظيم داعش من البلدة."
    rules = {m.key: m.rule for m in actor_mentions(text, Resources().actors)}
    assert any(r == ACTOR_RULE + KIND_MARK + "ngo" for r in rules.values()), rules
    assert any(r == ACTOR_RULE + KIND_MARK + "rebel" for r in rules.values()), rules


def test_a_time_split_alias_keeps_the_kind_its_entries_share() -> None:
    rules = [m.rule for m in actor_mentions("قصف الجيش السوري البلدة", Resources().actors)]
    assert rules == [ACTOR_RULE + KIND_MARK + "state"]
