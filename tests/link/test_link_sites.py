"""Sites inside a town (model.Site) in linking, on reports written for these tests: the
national hospital and the municipal stadium of one city are coded at the city, yet their
happenings of one day stay apart, and one site told by two outlets is one happening."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from marsad import codec
from marsad.knowledge.resources import Resources
from marsad.link import LinkResult, LinkState, link_claims
from marsad.link.actors import ActorTree
from marsad.link.facts import RecordFacts
from marsad.link.scoring import pair_score, same_happening_in_article, score_parts
from marsad.model import Article, Claim, DateInterval, Place, Site
from marsad.pipeline import analyze

DAY = date(2017, 10, 17)

HOSPITAL_TAKEN = (
    "أعلنت قوات سوريا الديمقراطية اليوم الثلاثاء أنها سيطرت على المشفى الوطني في مدينة الرقة،"
    " باشتباكات مع عناصر تنظيم الدولة الإسلامية استمرت ساعات."
)
HOSPITAL_CLASHES = (
    "دارت اشتباكات عنيفة اليوم الثلاثاء بين قوات سوريا الديمقراطية وعناصر تنظيم الدولة"
    " الإسلامية في المستشفى الوطني بمدينة الرقة."
)
STADIUM_CLASHES = (
    "قال ناشطون إن مقاتلي تنظيم الدولة الإسلامية المتحصنين في الملعب البلدي بمدينة الرقة"
    " خاضوا اليوم الثلاثاء اشتباكات مع قوات سوريا الديمقراطية التي تحاول اقتحامه من الشرق."
)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def _reports(resources: Resources, *texts: str) -> tuple[LinkResult, list[Claim]]:
    articles = [
        Article(id=f"s{i}", text=text, outlet=f"outlet {i}", published=DAY)
        for i, text in enumerate(texts)
    ]
    claims = [c for a in articles for c in analyze(a, resources).claims]
    return link_claims(claims, {a.id: a for a in articles}, resources), claims


def _clashes(result: LinkResult) -> list[Claim]:
    return [c for c in result.claims if c.action == "armed_clash"]


def _site(record: Claim) -> str | None:
    site = record.location.site if record.location else None
    return site.key if site else None


def test_clashes_at_two_sites_of_one_city_on_one_day_stay_apart(resources: Resources) -> None:
    result, _ = _reports(resources, HOSPITAL_CLASHES, STADIUM_CLASHES)
    clashes = _clashes(result)
    assert sorted(map(_site, clashes)) == ["AREA_REL_NATIONAL_HOSPITAL", "AREA_REL_STADIUM"]
    assert {c.location.place.gazetteer_id for c in clashes if c.location} == {"C5710"}
    assert len({c.event_id for c in clashes}) == 2


def test_one_site_told_by_two_outlets_is_one_happening(resources: Resources) -> None:
    """ "المشفى الوطني" and "المستشفى الوطني" are one site; the clashes by which the hospital
    was taken happened there (the means of the act told before them)."""
    result, _ = _reports(resources, HOSPITAL_TAKEN, HOSPITAL_CLASHES)
    clashes = _clashes(result)
    assert [_site(c) for c in clashes] == ["AREA_REL_NATIONAL_HOSPITAL"] * 2
    assert len({c.event_id for c in clashes}) == 1
    (event,) = [e for e in result.events if e.id == clashes[0].event_id]
    assert event.location is not None and event.location.site is not None
    assert event.location.site.key == "AREA_REL_NATIONAL_HOSPITAL"


def test_the_city_taken_and_its_hospital_taken_in_one_report_stay_apart(
    resources: Resources,
) -> None:
    report = (
        "سيطرت قوات سوريا الديمقراطية اليوم الثلاثاء على مدينة الرقة بالكامل. وكانت القوات"
        " قد سيطرت في وقت سابق اليوم على المشفى الوطني في المدينة."
    )
    result, _ = _reports(resources, report)
    taken = [c for c in result.claims if c.action == "territory_taken"]
    assert sorted(map(str, map(_site, taken))) == ["AREA_REL_NATIONAL_HOSPITAL", "None"]
    assert len({c.event_id for c in taken}) == 2


def test_the_site_survives_the_record_codec_and_the_link_state(resources: Resources) -> None:
    result, _ = _reports(resources, HOSPITAL_CLASHES)
    (clash,) = _clashes(result)
    assert codec.claim_from_json(codec.claim_to_json(clash)) == clash
    assert codec.claim_to_json(clash)["location"]["site"] == {
        "key": "AREA_REL_NATIONAL_HOSPITAL",
        "name": "National Hospital",
    }
    facts = [f for fs in result.state.members.values() for f in fs]
    assert "AREA_REL_NATIONAL_HOSPITAL" in {f.site.key for f in facts if f.site}
    again = LinkState.from_json(result.state.to_json())
    assert [f for fs in again.members.values() for f in fs] == facts


def _facts(record: str, article: str, where: Place, site: Site | None) -> RecordFacts:
    return RecordFacts(
        record_id=record,
        article_id=article,
        action="armed_clash",
        family="fighting",
        status="occurred",
        actor1="SDF",
        actor1_name=None,
        actor2="ISIS",
        actor2_name=None,
        place=where,
        geo_precision=1,
        date=DateInterval(DAY, DAY, 1),
        published=DAY,
        fatalities=None,
        quantities=(),
        attribution=None,
        outlet=None,
        sketch=b"",
        site=site,
    )


RAQQA = Place("raqqa", "Ar-Raqqa", "الرقة", 35.95, 39.01, "Ar-Raqqa", None, None, "SY", "city")
HOSPITAL = Site("AREA_REL_NATIONAL_HOSPITAL", "National Hospital")
STADIUM = Site("AREA_REL_STADIUM", "Municipal stadium")


def test_sites_score_one_site_as_one_entry_two_as_impossible_and_the_bare_town_between() -> None:
    tree = ActorTree(known=frozenset({"SDF", "ISIS"}))
    at_hospital = _facts("a", "one", RAQQA, HOSPITAL)
    same_site = score_parts(at_hospital, _facts("b", "two", RAQQA, HOSPITAL), tree)["place"]
    bare_town = score_parts(at_hospital, _facts("c", "two", RAQQA, None), tree)["place"]
    assert same_site is not None and bare_town is not None and same_site > bare_town > 0
    assert pair_score(at_hospital, _facts("d", "two", RAQQA, STADIUM), tree) is None
    # two landmarks made places of their own, at their town's point: the same
    prison = replace(RAQQA, gazetteer_id="LM:raqqa:prison:", kind="landmark")
    silos = replace(RAQQA, gazetteer_id="LM:raqqa:building:صوامع", kind="landmark")
    at_prison = _facts("e", "one", prison, Site("prison:", "Prison"))
    at_silos = _facts("f", "two", silos, Site("building:صوامع", "Silos building"))
    assert pair_score(at_prison, at_silos, tree) is None
    # in one article, two sites are two happenings even when two sources tell them
    told_twice = replace(_facts("g", "one", RAQQA, STADIUM), attribution="SOHR")
    assert not same_happening_in_article(at_hospital, told_twice, tree)
    assert same_happening_in_article(
        at_hospital, replace(_facts("h", "one", RAQQA, HOSPITAL), attribution="SOHR"), tree
    )
