"""Acts told as the cause of another ("ردا على …", "انتقاما ل…") and mentions retelling what the
article places elsewhere (codebook §1, §5): where and when they are coded. Reports written for
these tests in the style of Syrian news sites (not copied)."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from marsad.knowledge.resources import Resources
from marsad.link import link_claims
from marsad.model import Article, Claim, content_id
from marsad.pipeline import analyze

PUBLISHED = date(2021, 6, 10)

REASON = (
    "شنت طائرات التحالف الدولي غارات على مستودعات ذخيرة في مدينة حماة فجر اليوم.\n"
    "وقال بيان للتحالف إن الضربات تأتي ردا على استخدام قوات النظام أسلحة كيميائية ضد السكان."
)
REVENGE = (
    "قصفت المدفعية التركية قرى في ريف مدينة عين العرب مساء اليوم، انتقاما لمقتل جنديين تركيين "
    "في هجوم بطائرة مسيرة."
)
RESPONSE = (
    "شنت طائرات حربية روسية غارات على مدينة أريحا ظهر اليوم، وردا على ذلك، قصفت فصائل المعارضة "
    "مواقع قوات النظام في بلدة كفرنبودة."
)
OWN_PLACE = (
    "قصفت الطائرات التركية بلدة عامودا مساء اليوم، ردا على هجوم بطائرة مسيرة على قاعدة عسكرية "
    "في مدينة الباب يوم الثلاثاء."
)
CAUSE_ELSEWHERE = (
    "أعلن الجيش التركي أن مدفعيته قصفت مواقع عسكرية فجر اليوم، ردا على هجوم بطائرة مسيرة على "
    "مدينة الباب يوم الأحد."
)
DENIED_LATER = (
    "استخدمت قوات النظام غازات سامة في قصف بلدة كفرنبل بريف إدلب الجنوبي يوم الأحد، ما أدى إلى "
    "إصابة عشرات المدنيين بحالات اختناق.\n"
    "وفي دمشق، عقد وزير الخارجية مؤتمرا صحفيا مساء الثلاثاء.\n"
    "ونفى مصدر حكومي استخدام الجيش أي أسلحة كيميائية."
)

DENIED_MONTHS_LATER = (
    "كشف تحقيق دولي أن قوات النظام استخدمت غاز الكلور في قصف بلدة كفرنبل بريف إدلب في 3 نيسان "
    "الماضي.\n"
    "وفي دمشق، عقد وزير الخارجية مؤتمرا صحفيا.\n"
    "ونفى مصدر حكومي استخدام الجيش أي أسلحة كيميائية."
)


@cache
def _resources() -> Resources:
    return Resources()


@cache
def _claims(text: str) -> tuple[Claim, ...]:
    article = Article(id=content_id("bg", text), text=text, published=PUBLISHED)
    return analyze(article, _resources()).claims


def _where(c: Claim) -> str | None:
    return None if c.location is None else c.location.place.name


def _one(text: str, action: str, status: str = "occurred") -> Claim:
    found = [c for c in _claims(text) if c.action == action and c.status == status]
    assert len(found) == 1, [(c.action, c.status, _where(c)) for c in _claims(text)]
    return found[0]


def test_an_act_given_as_the_reason_takes_no_place_from_the_sentence_before() -> None:
    cause = _one(REASON, "chemical_attack")
    assert cause.location is None  # not Hama, where the strikes it explains fell
    assert cause.date is None  # on or before the report, not the report's day
    assert _where(_one(REASON, "air_strike")) == "Hama"  # the response keeps its place and day
    assert _one(REASON, "air_strike").date is not None


def test_an_act_avenged_is_not_placed_at_the_revenge() -> None:
    cause = _one(REVENGE, "air_strike")
    assert cause.location is None
    assert _where(_one(REVENGE, "shelling")) == "Ain Al Arab"


def test_the_response_told_after_its_cause_keeps_its_own_place() -> None:
    """ "وردا على ذلك،": the words point back at the act told; what follows is the response."""
    assert _where(_one(RESPONSE, "shelling")) == "Kafr Nabutha"
    assert _where(_one(RESPONSE, "air_strike")) == "Ariha"


def test_a_cause_told_in_the_sentence_is_not_another_place_of_the_response() -> None:
    """The strike on Al-Bab is the cause, days earlier: not a second place of today's strikes."""
    found = [(c.action, _where(c)) for c in _claims(OWN_PLACE)]
    assert ("air_strike", "Amuda") in found
    assert not any(
        _where(c) == "Al Bab" and c.date is not None and c.date.interval.start == PUBLISHED
        for c in _claims(OWN_PLACE)
    ), found


def test_a_later_denial_with_no_place_of_its_own_takes_the_attack_place_and_day() -> None:
    attack = _one(DENIED_LATER, "chemical_attack")
    denial = _one(DENIED_LATER, "chemical_attack", "denied")
    assert _where(attack) == _where(denial) == "Kafr Nobol"  # not Damascus, the sentence before
    assert attack.date is not None and denial.date is not None
    assert denial.date.interval == attack.date.interval  # Sunday, not the minister's Tuesday


def test_the_place_and_day_in_the_cause_words_are_the_cause_not_the_response() -> None:
    response = _one(CAUSE_ELSEWHERE, "shelling")
    assert _where(response) != "Al Bab"  # the response names no place of its own
    assert response.date is not None and response.date.interval.start == PUBLISHED
    cause = _one(CAUSE_ELSEWHERE, "air_strike")
    assert _where(cause) == "Al Bab"
    assert cause.date is not None and cause.date.interval.start == date(2021, 6, 6)  # Sunday


def test_a_later_denial_with_no_date_of_its_own_takes_the_attack_day() -> None:
    """The attack was two months before the report: the denial is of it, not of the report's day."""
    attack = _one(DENIED_MONTHS_LATER, "chemical_attack")
    denial = _one(DENIED_MONTHS_LATER, "chemical_attack", "denied")
    assert _where(denial) == _where(attack) == "Kafr Nobol"
    assert attack.date is not None and attack.date.interval.start == date(2021, 4, 3)
    assert denial.date is not None and denial.date.interval == attack.date.interval


@pytest.mark.parametrize(
    "text", [REASON, REVENGE, DENIED_LATER], ids=["reason", "revenge", "denied-later"]
)
def test_no_record_is_placed_at_the_neighbouring_sentence_place(text: str) -> None:
    neighbours = {
        "Hama": "chemical_attack",
        "Ain Al Arab": "air_strike",
        "Damascus": "chemical_attack",
    }
    for c in _claims(text):
        assert neighbours.get(_where(c) or "") != c.action, (c.action, _where(c))


@pytest.mark.parametrize(
    ("text", "cause", "response", "place"),
    [
        (
            "اعتقلت قوات الأمن عشرات الشبان في مدينة حمص مساء اليوم، على خلفية مشاركتهم في مظاهرة "
            "ضد الحكومة.",
            "protest",
            "arrest",
            "Homs",
        ),
        (
            "دخلت قافلة مساعدات إلى مدينة دوما صباح اليوم، بعد أيام من قصف جوي عنيف استهدف "
            "الأسواق.",
            "air_strike",
            "aid_delivery",
            "Duma",
        ),
    ],
    ids=["on-the-grounds-of", "days-after"],
)
def test_each_marker_tells_a_cause(text: str, cause: str, response: str, place: str) -> None:
    told = _one(text, cause)
    assert told.location is None and told.date is None
    assert _where(_one(text, response)) == place


def test_a_marker_with_a_conjunction_tells_a_cause() -> None:
    text = (
        "قصفت طائرات حربية مواقع للفصائل في مدينة سراقب مساء اليوم، وانتقاما لتفجير سيارة مفخخة "
        "استهدف حاجزا للجيش."
    )
    assert _one(text, "air_strike").location is not None  # the response, at Saraqib
    cause = _one(text, "explosion")
    assert cause.location is None and cause.date is None


def test_a_reply_to_a_question_is_no_cause() -> None:
    """ "ردا على سؤال عن القصف …": the shelling asked about is told as the report tells it."""
    text = "وردا على سؤال عن القصف الروسي على مدينة أريحا، قال الوزير إن بلاده تتابع الوضع."
    asked = _one(text, "shelling")
    assert _where(asked) == "Ariha"
    assert asked.date is not None  # the report's day by default, as any undated mention


ATTACK_TOLD = (
    "استخدمت قوات النظام أسلحة كيميائية في قصف بلدة اللطامنة بريف حماة الشمالي اليوم، ما أدى "
    "إلى إصابة عشرات المدنيين بحالات اختناق."
)


def test_the_cause_links_to_the_report_that_tells_it_at_its_place() -> None:
    """End to end: the strikes' report tells the attack as their reason, with no place or day;
    the report of the attack four days before places it. Action, actors and time agree, the
    empty place adds nothing: one event, placed where the attack's report says."""
    told = Article(id="bg-attack", text=ATTACK_TOLD, published=date(2021, 6, 6))
    reason = Article(id="bg-reason", text=REASON, published=PUBLISHED)
    claims = [*analyze(told, _resources()).claims, *analyze(reason, _resources()).claims]
    result = link_claims(claims, {told.id: told, reason.id: reason}, _resources())
    chemical = [c for c in result.claims if c.action == "chemical_attack"]
    assert sorted(c.article_id for c in chemical) == ["bg-attack", "bg-reason"]
    assert len({c.event_id for c in chemical}) == 1
    event = next(e for e in result.events if e.id == chemical[0].event_id)
    assert event.location is not None and event.location.place.name == "Latmana"
    assert event.date is not None and event.date.start == date(2021, 6, 6)


def test_cause_spans_open_at_every_marker_with_or_without_a_conjunction() -> None:
    """Markers are looked up by their first word; a conjunction on it ("وردا", "فانتقاما") still
    opens the cause, and a word pointing back ("ردا على ذلك") does not."""
    from marsad.classify.background import _spans

    text = "قصفوا القرية وردا على الهجوم، ثم ردا على ذلك فانتقاما لمقتلهم على خلفية"
    spans = _spans(text, 0, len(text))
    opened = [text[s:e] for s, e in spans]
    assert opened == ["وردا على الهجوم", "فانتقاما لمقتلهم على خلفية", "على خلفية"]
