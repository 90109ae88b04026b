"""Actor compatibility and blocking (who is compared with whom)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import texts
from link_builders import DOUMA, IDLEB, article, claim, day

from marsad.knowledge.resources import Resources
from marsad.link.actors import ActorTree, actor_tree
from marsad.link.blocking import BlockIndex
from marsad.link.facts import RecordFacts, facts_of


def test_a_division_is_its_army_and_an_unknown_gunman_says_nothing() -> None:
    tree = ActorTree(known=frozenset({"SDF", "SYR_GOV"}))
    assert tree.compatible("SYR_GOV_4DIV", "SYR_GOV") is True
    assert tree.compatible("SDF_ASAYISH", "SDF") is True
    assert tree.compatible("SYR_TGOV", "SYR_GOV") is False
    assert tree.compatible("UNKNOWN_ARMED", "SYR_GOV") is None
    assert tree.root("SYR_GOV_4DIV") == "SYR_GOV"


def test_catalog_parents_come_before_the_prefix_rule() -> None:
    tree = ActorTree(parents={"YPG": "SDF"})
    assert tree.compatible("YPG", "SDF") is True


def test_the_tree_takes_the_parents_of_the_actor_catalog() -> None:
    # The National Defence Forces' id shares no words with the army's: only the catalog knows.
    tree = actor_tree(Resources())
    assert tree.root("SYR_NDF") == "SYR_GOV"
    assert tree.compatible("SYR_NDF", "SYR_GOV_4DIV") is True
    assert tree.compatible("SYR_NDF", "SDF") is False


REPORT = article("a1", texts.STRIKE_ORIGINAL, published=date(2022, 5, 3))
OTHER = article("a2", texts.TALKS_DATED, published=date(2022, 5, 3))


def record(record_id: str, **changes: object) -> RecordFacts:
    base = claim(
        REPORT,
        "air_strike",
        texts.STRIKE_ORIGINAL[38:120],
        actor1="RUS",
        where=IDLEB,
        when=day(3, 5),
    )
    return replace(facts_of(base, REPORT, "remote"), record_id=record_id, **changes)  # type: ignore[arg-type]


def candidates(indexed: list[RecordFacts], probe: RecordFacts) -> set[str]:
    index = BlockIndex(ActorTree())
    for position, facts in enumerate(indexed):
        index.add(position, facts)
    return {indexed[p].record_id for p in index.candidates(probe)}


def test_records_meet_within_their_family_area_and_week() -> None:
    base = record("base")
    near = record("near", date=replace(base.date, start=date(2022, 5, 4), end=date(2022, 5, 4)))  # type: ignore[type-var]
    later = record("later", date=replace(base.date, start=date(2022, 9, 1), end=date(2022, 9, 1)))  # type: ignore[type-var]
    elsewhere = record("elsewhere", place=DOUMA)
    other_family = record("other", family="protest")
    no_place = record("no_place", place=None)
    found = candidates([near, later, elsewhere, other_family, no_place], base)
    assert found == {"near", "no_place"}


def test_a_record_without_any_date_meets_its_family_by_place_and_actor() -> None:
    dated = record("dated", sketch=b"")
    other_actor = record("other_actor", actor1="COALITION", sketch=b"")
    elsewhere = record("elsewhere", place=DOUMA, sketch=b"")
    undated = record("undated", date=None, published=None, sketch=b"")
    assert candidates([dated, other_actor, elsewhere], undated) == {"dated"}
    assert candidates([undated], dated) == {"undated"}  # and dated records find it too


def test_a_record_without_any_date_meets_records_that_share_its_wording() -> None:
    # Another place and another actor: only the shared evidence wording brings them together.
    dated = record("dated", place=DOUMA, actor1="COALITION")
    unrelated = replace(
        facts_of(
            claim(OTHER, "air_strike", texts.TALKS_DATED[:90], where=DOUMA, when=day(3, 5)),
            OTHER,
            "remote",
        ),
        record_id="unrelated",
        actor1="COALITION",
    )
    undated = record("undated", date=None, published=None)
    assert candidates([dated, unrelated], undated) == {"dated"}
    assert candidates([undated], dated) == {"undated"}
