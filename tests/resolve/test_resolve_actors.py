"""Actor resolution: news forms, persons to organisations, dates, affiliations, offsets."""

from datetime import date

import pytest

from marsad.knowledge.resources import Resources
from marsad.resolve.actors import find_actors, resolve_actor


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


@pytest.mark.parametrize(
    ("written", "actor_id"),
    [
        ("عناصر من قسد", "SDF"),
        ("مقاتلي الوحدات الكردية", "SDF_YPG"),
        ("الطيران الحربي الروسي", "RUS"),
        ("طائرات التحالف", "COALITION"),
        ("طائرات النظام", "SYR_GOV"),
        ("فصائل المعارضة", "OPPOSITION"),
        ("لواء زينبيون", "ZAINABIYOUN"),
        ("والفرقة الرابعة", "SYR_GOV_4DIV"),
    ],
)
def test_news_forms(resources: Resources, written: str, actor_id: str) -> None:
    assert resolve_actor(written, resources=resources)[0].entry.id == actor_id


def test_person_resolves_to_organisation(resources: Resources) -> None:
    (best,) = resolve_actor("محافظ الحسكة غسان خليل", resources=resources)
    assert best.entry.id == "SYR_GOV_CIVIL"
    assert best.person is not None and best.person.id == "P_GHASSAN_KHALIL"
    assert best.ancestors == ("SYR_GOV",)


def test_event_date_picks_the_government(resources: Resources) -> None:
    old = resolve_actor("الحكومة السورية", on=date(2019, 5, 1), resources=resources)
    new = resolve_actor("الحكومة السورية", on=date(2025, 5, 1), resources=resources)
    assert [c.entry.id for c in old] == ["SYR_GOV"]
    assert [c.entry.id for c in new] == ["SYR_TGOV"]
    assert resolve_actor("فلول النظام", on=date(2020, 1, 1), resources=resources) == []


def test_unknown_actor_gives_nothing(resources: Resources) -> None:
    assert resolve_actor("كلام عادي", resources=resources) == []


def test_find_actors_in_an_article(resources: Resources) -> None:
    text = (
        "وأفادت مصادر بأن مسلحين من لواء القدس الموالي للنظام اعتقلوا ثلاثة مدنيين، "
        "فيما نفت الأسايش مشاركتها في الحملة."
    )
    actors = find_actors(text, on=date(2018, 3, 2), resources=resources)
    by_text = {a.hit.text: a for a in actors}
    quds = by_text["لواء القدس"]
    assert [c.entry.id for c in quds.candidates] == ["LIWA_QUDS"]
    assert quds.affiliation == "SYR_GOV"
    assert by_text["الأسايش"].candidates[0].entry.id == "SDF_ASAYISH"
    assert by_text["مدنيين"].candidates[0].entry.id == "CIV"
    for actor in actors:
        assert text[actor.hit.start : actor.hit.end] == actor.hit.text
