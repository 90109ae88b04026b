"""Geocoding: seed places, the 200-name fixture, ambiguity by context, precision, article places."""

import csv
from pathlib import Path

import pytest

from marsad.knowledge.resources import Resources
from marsad.resolve.article_places import article_context, find_places, resolve_hit
from marsad.resolve.places import PlaceContext, distance_km, geocode

FIXTURE = Path(__file__).resolve().parents[1] / "knowledge" / "places_200.tsv"
WITHIN_KM = 5.0
REQUIRED_SHARE = 0.95

# Reference points (GeoNames / OCHA) of the places in the two seed reports.
QAMISHLI = (37.0522, 41.2317)
HASAKAH = (36.5024, 40.7477)
ALEPPO = (36.2021, 37.1343)
SHEIKH_MAQSOUD = (36.2366, 37.1528)
ASHRAFIYEH_ALEPPO = (36.2279, 37.1470)
TAL_RIFAAT = (36.4726, 37.0941)  # the Shahba area's town


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def _km(candidate_lat: float, candidate_lon: float, point: tuple[float, float]) -> float:
    return distance_km(candidate_lat, candidate_lon, point[0], point[1])


# Written by us in news style: a siege story in the north-east and in Aleppo.
ARTICLE = (
    "انسحبت قوى الأمن الداخلي من المباني الحكومية في مدينة القامشلي بريف محافظة الحسكة، "
    "بعد ساعات من دخولها المربع الأمني، فيما استمر حصار حيي الشيخ مقصود والأشرفية في حلب "
    "والقرى الخاضعة لسيطرتها في منطقة الشهباء بريفها الشمالي، وفق مصادر محلية في الحسكة."
)


def test_seed_places_resolve_within_5_km_in_an_article(resources: Resources) -> None:
    places = find_places(ARTICLE, resources=resources)
    by_text = {p.hit.text: p.best for p in places}
    expected = {
        "القامشلي": QAMISHLI,
        "الحسكة": HASAKAH,
        "حلب": ALEPPO,
        "الشيخ مقصود": SHEIKH_MAQSOUD,
        "الأشرفية": ASHRAFIYEH_ALEPPO,
        "منطقة الشهباء": TAL_RIFAAT,
    }
    for text, point in expected.items():
        best = by_text[text]
        assert best is not None, text
        assert _km(best.entry.lat, best.entry.lon, point) <= WITHIN_KM, text
    for place in places:
        assert ARTICLE[place.hit.start : place.hit.end] == place.hit.text


def test_security_square_is_coded_at_its_city(resources: Resources) -> None:
    places = find_places(ARTICLE, resources=resources)
    (square,) = [p for p in places if p.hit.text == "المربع الأمني"]
    assert square.best is not None
    assert square.best.entry.id == "C4564"  # Qamishli
    assert square.best.geo_precision == 1


@pytest.mark.parametrize(
    ("written", "point"),
    [
        ("القامشلي", QAMISHLI),
        ("وبالقامشلو", QAMISHLI),
        ("الحسكه", HASAKAH),
        ("في مدينة حلب", ALEPPO),
        ("حي الشيخ مقصود", SHEIKH_MAQSOUD),
        ("الأشرفية في حلب", ASHRAFIYEH_ALEPPO),
        ("مقاطعة الشهباء", TAL_RIFAAT),
    ],
)
def test_seed_places_as_written_alone(resources: Resources, written: str, point: tuple) -> None:
    best = geocode(written, resources=resources)[0]
    assert _km(best.entry.lat, best.entry.lon, point) <= WITHIN_KM


def _fixture_rows() -> list[dict[str, str]]:
    lines = [
        ln for ln in FIXTURE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_at_least_95_percent_of_200_random_names_within_5_km(resources: Resources) -> None:
    rows = _fixture_rows()
    assert len(rows) == 200
    hits = 0
    for row in rows:
        found = geocode(row["text"], resources=resources)
        point = (float(row["lat"]), float(row["lon"]))
        if found and _km(found[0].entry.lat, found[0].entry.lon, point) <= WITHIN_KM:
            hits += 1
    assert hits / len(rows) >= REQUIRED_SHARE


@pytest.mark.parametrize(
    ("written", "admin1"),
    [
        ("الأشرفية بريف حمص", "Homs"),
        ("قرية الأشرفية في ريف اللاذقية", "Lattakia"),
        ("حي الأشرفية في حلب", "Aleppo"),
        ("القصير", "Homs"),  # the city beats villages of the same name
        ("بلدة المالكية في ريف حلب", "Aleppo"),
        ("المالكية", "Al-Hasakeh"),
        ("جوبر بدمشق", "Damascus"),
        ("قرية جوبر بريف حمص", "Homs"),
    ],
)
def test_namesakes_resolve_by_context_words(
    resources: Resources, written: str, admin1: str
) -> None:
    assert geocode(written, resources=resources)[0].entry.admin1 == admin1


def test_namesakes_resolve_by_other_places(resources: Resources) -> None:
    (nubl,) = [e for e in resources.gazetteer.lookup("نبل") if e.kind == "town"]
    near_nubl = geocode("الزهراء", context=PlaceContext(near=(nubl,)), resources=resources)[0]
    assert near_nubl.entry.admin1 == "Aleppo"
    text = "وقصفت الفصائل بلدتي نبل والزهراء بقذائف الهاون."
    zahraa = [p for p in find_places(text, resources=resources) if p.hit.text == "الزهراء"]
    assert zahraa[0].best is not None
    assert distance_km(zahraa[0].best.entry.lat, zahraa[0].best.entry.lon, nubl.lat, nubl.lon) < 10


def test_far_namesake_falls_back_to_the_named_area(resources: Resources) -> None:
    # "الواسطة" exists as villages elsewhere but not in As-Sweida: code the governorate honestly
    best = geocode("قرية الواسطة بريف السويداء", resources=resources)[0]
    assert (best.entry.id, best.geo_precision) == ("AREA_RIF_SY13", 2)  # rural As-Sweida
    best = geocode("قرية الواسطة في محافظة السويداء", resources=resources)[0]
    assert (best.entry.id, best.geo_precision) == ("SY13", 3)


@pytest.mark.parametrize(
    ("written", "precision", "kind"),
    [
        ("بمنبج", 1, "city"),
        ("في مدينة الباب", 1, "city"),
        ("للرقة", 1, "city"),
        ("ريف القامشلي", 2, "city"),
        ("في محيط مدينة تل أبيض", 2, "city"),
        ("ريف حلب الشمالي", 2, "area"),
        ("بريف محافظة الحسكة", 2, "area"),
        ("محافظة حلب", 3, "governorate"),
        ("ريف دمشق", 3, "governorate"),
        ("منطقة عفرين", 2, "district"),
        ("مطار القامشلي", 1, "airport"),
        ("معبر باب الهوى", 1, "crossing"),
        ("شرق الفرات", 3, "region"),
    ],
)
def test_precision_follows_the_codebook(
    resources: Resources, written: str, precision: int, kind: str
) -> None:
    best = geocode(written, resources=resources)[0]
    assert (best.geo_precision, best.entry.kind) == (precision, kind)


def test_unknown_text_gives_no_candidates(resources: Resources) -> None:
    assert geocode("كلام لا مكان فيه", resources=resources) == []
    assert geocode("", resources=resources) == []


def test_common_words_are_not_places_without_a_place_word(resources: Resources) -> None:
    text = "وحضر الاجتماع وجهاء المدينة، ثم انتقلوا إلى قرية الحرية شرقي حماة."
    found = {p.hit.text for p in find_places(text, resources=resources)}
    assert "المدينة" not in found
    assert "الحرية" in found  # after "قرية"


def test_candidate_converts_to_place_ref(resources: Resources) -> None:
    best = geocode("عفرين", resources=resources)[0]
    ref = best.to_ref()
    assert ref.place.gazetteer_id == best.entry.id
    assert ref.to_json()["admin1"] == "Aleppo"


def test_anaphoric_place_words_take_the_latest_place_of_that_kind(resources: Resources) -> None:
    text = (
        "دخلت قوات النظام مدينة القصير بريف حمص الغربي بعد أسابيع من المعارك، "
        "وقال ناشطون إن المدينة تعرضت لقصف عنيف قبل دخولها."
    )
    position = text.index("المدينة")
    context = article_context(text, position, resources=resources)
    (best, *_) = geocode("المدينة", context=context, resources=resources)
    assert best.entry.id == "C2733"  # Al-Qusayr
    assert geocode("المدينة", resources=resources) == []  # nothing named before: no guess


def test_facility_named_by_kind_word_and_place(resources: Resources) -> None:
    text = 'واستهدفت الطائرات مطار "الطبقة" العسكري غربي الرقة.'
    places = find_places(text, resources=resources)
    tabqa = [p for p in places if p.hit.text == "الطبقة"]
    assert tabqa and tabqa[0].best is not None
    assert tabqa[0].best.entry.kind == "airport"


def test_foreign_town_is_not_replaced_by_a_governorate(resources: Resources) -> None:
    text = "وعقد اجتماع في العاصمة التركية أنقرة بحضور ممثلين عن مجلس محافظة حلب."
    ankara = [p for p in find_places(text, resources=resources) if "أنقرة" in p.hit.text]
    assert ankara and ankara[0].best is not None
    assert ankara[0].best.entry.country == "TR"


def test_resolve_hit_uses_the_other_hits_of_the_article(resources: Resources) -> None:
    text = "وتعرضت بلدة نبل لقصف، فيما سقطت قذائف على الزهراء القريبة منها."
    hits = resources.gazetteer.find(text)
    (zahraa,) = [h for h in hits if h.text == "الزهراء"]
    alone = resolve_hit(zahraa, text, resources=resources)
    with_others = resolve_hit(zahraa, text, others=hits, resources=resources)
    assert with_others[0].entry.admin1 == "Aleppo"
    assert {c.entry.id for c in alone} == {c.entry.id for c in with_others}
