"""Time across reports: dates the text said against dates taken by default from the publication
day, and the estimated day of writing of an undated article."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from link_builders import DOUMA, IDLEB, article, claim, day

from marsad.knowledge.resources import Resources
from marsad.link import link_claims
from marsad.link.actors import ActorTree
from marsad.link.blocking import BlockIndex
from marsad.link.dates import INHERITED_DATE_RULE
from marsad.link.facts import RecordFacts, facts_from_json, facts_of, facts_to_json, written_days
from marsad.link.scoring import (
    DATE_SAME_DAY,
    ESTIMATE_NEAR,
    UNKNOWN_TIME,
    pair_score,
    score_parts,
)
from marsad.link.state import LinkState
from marsad.model import Claim, DateInterval, DateRef

TREE = ActorTree(known=frozenset({"SYR_GOV", "CIV", "USA"}))

# Written for these tests: a report of strikes "today" that recalls, with no date, the
# chemical attack that led to them; the earlier report that dated the attack; an undated
# report that dates one happening and leaves another undated.
STRIKES = (
    "شنت الولايات المتحدة ضربات على مواقع قرب دمشق. وقالت واشنطن إن الضربات جاءت ردا على "
    "الهجوم الكيميائي الذي شنته قوات النظام على مدينة دوما وقتل فيه عشرات المدنيين."
)
ATTACK = (
    "قتل عشرات المدنيين في هجوم بغاز سام على مدينة دوما يوم السابع من نيسان 2018، وفق الدفاع "
    "المدني، واتهم ناشطون قوات النظام بتنفيذه."
)
UNDATED = (
    "قصفت قوات النظام مدينة دوما في الخامس من نيسان 2018. وفي وقت لاحق هاجمت القوات نفسها "
    "المدينة بغاز سام ما أدى إلى مقتل مدنيين."
)

PUBLISHED = date(2018, 4, 14)
STRIKES_REPORT = article("t1", STRIKES, published=PUBLISHED)
ATTACK_REPORT = article("t2", ATTACK, published=date(2018, 4, 8))
UNDATED_REPORT = article("t3", UNDATED)


def _defaulted(claim_: Claim, interval: DateInterval) -> Claim:
    """The claim with a date no words of its text gave (classify.dates' default)."""
    return replace(claim_, date=DateRef(interval, None))


def recalled_attack(interval: DateInterval | None = None) -> RecordFacts:
    """The attack told as background of a later report: extraction gave it the report's day."""
    base = claim(
        STRIKES_REPORT,
        "chemical_attack",
        "الهجوم الكيميائي الذي شنته قوات النظام على مدينة دوما",
        actor1="SYR_GOV",
        actor2="CIV",
        where=DOUMA,
    )
    when = interval or DateInterval(PUBLISHED, PUBLISHED, 1)
    return facts_of(_defaulted(base, when), STRIKES_REPORT, "remote")


def dated_attack(when: tuple[date, date] = day(7, 4, 2018)) -> RecordFacts:
    base = claim(
        ATTACK_REPORT,
        "chemical_attack",
        "قتل عشرات المدنيين في هجوم بغاز سام على مدينة دوما",
        actor1="SYR_GOV",
        actor2="CIV",
        where=DOUMA,
        when=when,
    )
    return facts_of(base, ATTACK_REPORT, "remote")


def test_a_date_with_no_words_on_the_report_day_is_a_default_and_a_said_one_is_not() -> None:
    assert recalled_attack().date_said is False
    assert recalled_attack(DateInterval(PUBLISHED - timedelta(days=1), PUBLISHED, 2)).date_said is (
        False
    )
    assert dated_attack().date_said is True  # the builder's dates are said in the evidence
    # no words, but not the default's shape (a headline's lead told again): said by the text
    other_day = DateInterval(date(2018, 4, 10), date(2018, 4, 10), 1)
    assert recalled_attack(other_day).date_said is True


def test_an_event_retold_as_background_is_not_ruled_out_by_its_defaulted_day() -> None:
    background, told = recalled_attack(), dated_attack()
    assert pair_score(background, told, TREE) is not None
    assert score_parts(background, told, TREE)["date"] == 0.0
    # the same day said by the text would be a week apart: two happenings
    said = replace(background, date_said=True)
    assert pair_score(said, told, TREE) is None


def test_a_defaulted_day_still_agrees_with_the_same_day_and_rules_out_long_before() -> None:
    same_day = dated_attack(day(14, 4, 2018))
    assert score_parts(recalled_attack(), same_day, TREE)["date"] == DATE_SAME_DAY
    months_before = dated_attack(day(7, 1, 2018))
    assert pair_score(recalled_attack(), months_before, TREE) is None
    after = dated_attack(day(20, 4, 2018))  # a report cannot tell what came after it
    assert pair_score(recalled_attack(), after, TREE) is None


def test_a_siege_coded_on_the_report_day_keeps_its_day() -> None:
    siege = replace(recalled_attack(), action="siege_imposed")
    assert siege.date_said is False
    week_before = replace(dated_attack(), action="siege_imposed", place=IDLEB)
    # a durable state at two places a week apart: its dates compare as stated ones (veto)
    assert score_parts(siege, week_before, TREE)["date"] is None


def test_a_defaulted_date_looks_back_for_the_dates_said_before_its_report() -> None:
    index = BlockIndex(ActorTree())
    week_before = dated_attack(day(4, 4, 2018))
    index.add(0, week_before)
    assert list(index.candidates(recalled_attack())) == [0]
    said = replace(recalled_attack(), date_said=True)
    assert list(index.candidates(said)) == []
    # another report's default of a week before is its own day: two defaults that far apart
    # are compared by their reports' days, which blocking meets in the report's own weeks
    earlier_default = replace(
        recalled_attack(),
        record_id="earlier",
        date=DateInterval(date(2018, 4, 4), date(2018, 4, 4), 1),
        published=date(2018, 4, 4),
    )
    index.add(1, earlier_default)
    assert list(index.candidates(recalled_attack())) == [0]


def _undated_claims() -> tuple[Claim, Claim]:
    shelled = claim(
        UNDATED_REPORT,
        "shelling",
        "قصفت قوات النظام مدينة دوما في الخامس من نيسان 2018",
        actor1="SYR_GOV",
        where=DOUMA,
        when=day(5, 4, 2018),
    )
    gassed = claim(
        UNDATED_REPORT,
        "chemical_attack",
        "هاجمت القوات نفسها المدينة بغاز سام ما أدى إلى مقتل مدنيين",
        actor1="SYR_GOV",
        actor2="CIV",
        where=DOUMA,
    )
    return shelled, gassed


def test_an_undated_article_is_written_on_or_after_the_latest_day_it_states() -> None:
    shelled, gassed = _undated_claims()
    month = replace(
        shelled, id="m", date=DateRef(DateInterval(date(2018, 5, 1), date(2018, 5, 31), 3), None)
    )
    articles = {a.id: a for a in (UNDATED_REPORT, ATTACK_REPORT)}
    dated = claim(ATTACK_REPORT, "chemical_attack", "قتل عشرات المدنيين", when=day(7, 4, 2018))
    lent = replace(
        gassed,
        date=DateRef(DateInterval(date(2018, 4, 9), date(2018, 4, 9), 1), None),
        rule=f"{gassed.rule}+{INHERITED_DATE_RULE}",
    )
    # a month says no day, a day lent by linking is another report's; a dated article needs
    # no estimate
    found = written_days([shelled, gassed, month, dated, lent], articles)
    assert found == {"t3": date(2018, 4, 5)}


def test_the_estimated_day_anchors_an_undated_record_weakly() -> None:
    shelled, gassed = _undated_claims()
    estimate = written_days([shelled, gassed], {"t3": UNDATED_REPORT})["t3"]
    anchored = facts_of(gassed, UNDATED_REPORT, "remote", estimate)
    unanchored = facts_of(gassed, UNDATED_REPORT, "remote")
    assert anchored.written == date(2018, 4, 5) and unanchored.written is None
    near = dated_attack(day(3, 4, 2018))
    assert score_parts(unanchored, near, TREE)["date"] == UNKNOWN_TIME
    assert score_parts(anchored, near, TREE)["date"] == ESTIMATE_NEAR
    assert UNKNOWN_TIME < ESTIMATE_NEAR < 0.0  # weaker than a publication date's 0.0
    # written on or after the estimate, so a later day is not ruled out, nor helped
    later = dated_attack(day(7, 4, 2018))
    assert score_parts(anchored, later, TREE)["date"] == UNKNOWN_TIME
    # two undated records, of reports estimated a day apart and of one with no estimate
    other = replace(anchored, record_id="x", article_id="t4", written=date(2018, 4, 6))
    assert score_parts(anchored, other, TREE)["date"] == ESTIMATE_NEAR
    assert score_parts(unanchored, other, TREE)["date"] == UNKNOWN_TIME


def test_linking_gives_an_undated_article_its_estimate_and_the_state_keeps_it() -> None:
    shelled, gassed = _undated_claims()
    result = link_claims([shelled, gassed], {"t3": UNDATED_REPORT}, Resources())
    facts = {f.record_id: f for fs in result.state.members.values() for f in fs}
    assert facts[gassed.id].written == date(2018, 4, 5)
    again = LinkState.from_json(result.state.to_json())
    assert {f.record_id: f for fs in again.members.values() for f in fs} == facts


def test_old_link_states_read_every_date_as_said_with_no_estimate() -> None:
    facts = recalled_attack()
    data = facts_to_json(replace(facts, written=date(2018, 4, 1)))
    assert facts_from_json(data) == replace(facts, written=date(2018, 4, 1))
    old = {k: v for k, v in data.items() if k not in ("date_said", "written")}
    read = facts_from_json(old)
    assert read.date_said is True and read.written is None
