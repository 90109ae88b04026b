"""Hand-built records and events for the export tests (Arabic texts written for these tests)."""

from __future__ import annotations

from datetime import date

from marsad.export.actor_types import ActorTypes
from marsad.model import (
    ActorRef,
    Article,
    Attribution,
    Claim,
    DateInterval,
    DateRef,
    Dispute,
    DisputeValue,
    Event,
    Place,
    PlaceRef,
    Quantity,
    Span,
)

CATALOG = ActorTypes(
    [
        {"id": "SYR_GOV", "parent": "", "kind": "state", "name_en": "Government of Syria"},
        {"id": "SYR_GOV_4DIV", "parent": "SYR_GOV", "kind": "state", "name_en": "4th Division"},
        {"id": "SDF", "parent": "", "kind": "rebel", "name_en": "Syrian Democratic Forces"},
        {"id": "SDF_ASAYISH", "parent": "SDF", "kind": "police", "name_en": "Asayish"},
        {"id": "OPPOSITION", "parent": "", "kind": "rebel", "name_en": "Syrian opposition"},
        {"id": "ISIS", "parent": "", "kind": "rebel", "name_en": "Islamic State"},
        {"id": "CIV", "parent": "", "kind": "civilians", "name_en": "Civilians"},
        {
            "id": "UNKNOWN_ARMED",
            "parent": "",
            "kind": "unknown",
            "name_en": "Unidentified armed group",
        },
        {"id": "TUR", "parent": "", "kind": "external", "name_en": "Turkey", "acled_inter": "1"},
        {"id": "SARC", "parent": "", "kind": "ngo", "name_en": "Syrian Arab Red Crescent"},
    ]
)

TEXT_A = (
    "قتل ثلاثة مدنيين، مساء أمس الإثنين، برصاص عناصر من الفرقة الرابعة عند حاجز على مدخل "
    "مدينة طفس في ريف درعا الغربي، بحسب ما أفاد به ناشطون محليون. وفي سياق آخر، استعادت قوات "
    "النظام السيطرة على بلدة الحراك بعد معارك مع فصائل المعارضة. وهز تفجير انتحاري سوقاً شعبية "
    "في مدينة الميادين. واتهمت قسد النظام بعرقلة التفاهمات."
)
TEXT_B = (
    "أكدت مصادر طبية مقتل خمسة مدنيين برصاص الفرقة الرابعة قرب طفس يوم الإثنين. وقتل عنصران من "
    "قسد بهجوم مسلحين مجهولين على نقطة لهم في ريف دير الزور، فيما صادرت الأسايش 40 طناً من "
    "الطحين في القامشلي."
)
ARTICLE_A = Article(id="a-daraa24", text=TEXT_A, outlet="Daraa 24", published=date(2023, 3, 14))
ARTICLE_B = Article(id="a-enab", text=TEXT_B, outlet="Enab Baladi", published=date(2023, 3, 14))
ARTICLES = {a.id: a for a in (ARTICLE_A, ARTICLE_B)}

TAFAS = Place("g-tafas", "Tafas", "طفس", 32.7394, 35.9897, "Dar'a", "Dar'a", "Tafas", "SY", "town")
HRAK = Place("g-hrak", "Al-Hrak", "الحراك", 32.7522, 36.3064, "Dar'a", "Izra'", None, "SY", "town")
MAYADIN = Place(
    "g-mayadin", "Al-Mayadin", "الميادين", 35.0201, 40.4513, "Deir-ez-Zor", None, None, "SY", "city"
)
QAMISHLI = Place(
    "g-qamishli", "Qamishli", "القامشلي", 37.0522, 41.2317, "Al-Hasakeh", None, None, "SY", "city"
)
MONDAY = DateInterval(date(2023, 3, 13), date(2023, 3, 13), 1)


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def actor(actor_id: str, text: str | None = None, source: str = TEXT_A) -> ActorRef:
    name = CATALOG.get(actor_id).name
    return ActorRef(actor_id, name, None if text is None else span(source, text))


def claim(
    claim_id: str,
    article: Article,
    action: str,
    evidence: str,
    *,
    actor1: ActorRef | None = None,
    actor2: ActorRef | None = None,
    place: Place | None = None,
    fatalities: int | None = None,
    quantities: tuple[Quantity, ...] = (),
    attributed_to: Attribution | None = None,
    event_id: str | None = None,
) -> Claim:
    return Claim(
        id=claim_id,
        article_id=article.id,
        action=action,
        status="occurred",
        actor1=actor1,
        actor2=actor2,
        location=None if place is None else PlaceRef(place, 1, span(article.text, place.name_ar)),
        date=DateRef(MONDAY, None),
        fatalities=fatalities,
        quantities=quantities,
        attributed_to=attributed_to,
        evidence=span(article.text, evidence),
        trigger=None,
        confidence=0.9,
        rule="test@1",
        event_id=event_id,
    )


KILLING_A = claim(
    "r-kill-a",
    ARTICLE_A,
    "killing",
    "قتل ثلاثة مدنيين، مساء أمس الإثنين، برصاص عناصر من الفرقة الرابعة",
    actor1=actor("SYR_GOV_4DIV", "الفرقة الرابعة"),
    actor2=actor("CIV", "مدنيين"),
    place=TAFAS,
    fatalities=3,
    attributed_to=Attribution("local activists", "anonymous", span(TEXT_A, "ناشطون محليون")),
    event_id="e-kill",
)
KILLING_B = claim(
    "r-kill-b",
    ARTICLE_B,
    "killing",
    "مقتل خمسة مدنيين برصاص الفرقة الرابعة قرب طفس",
    actor1=actor("SYR_GOV_4DIV", "الفرقة الرابعة", TEXT_B),
    actor2=actor("CIV", "مدنيين", TEXT_B),
    place=TAFAS,
    fatalities=5,
    attributed_to=Attribution("medical sources", "anonymous", span(TEXT_B, "مصادر طبية")),
    event_id="e-kill",
)
TAKEN = claim(
    "r-taken",
    ARTICLE_A,
    "territory_taken",
    "استعادت قوات النظام السيطرة على بلدة الحراك بعد معارك مع فصائل المعارضة",
    actor1=actor("SYR_GOV", "قوات النظام"),
    actor2=actor("OPPOSITION", "فصائل المعارضة"),
    place=HRAK,
    event_id="e-taken",
)
SUICIDE = claim(
    "r-suicide",
    ARTICLE_A,
    "explosion",
    "وهز تفجير انتحاري سوقاً شعبية في مدينة الميادين",
    place=MAYADIN,
    event_id="e-suicide",
)
ACCUSATION = claim(
    "r-accuse",
    ARTICLE_A,
    "accusation",
    "واتهمت قسد النظام بعرقلة التفاهمات",
    actor1=actor("SDF", "قسد"),
    actor2=actor("SYR_GOV", "النظام"),
    event_id="e-accuse",
)
AMBUSH = claim(
    "r-ambush",
    ARTICLE_B,
    "killing",
    "وقتل عنصران من قسد بهجوم مسلحين مجهولين",
    actor1=actor("UNKNOWN_ARMED", "مسلحين مجهولين", TEXT_B),
    actor2=actor("SDF", "قسد", TEXT_B),
    fatalities=2,
    event_id="e-ambush",
)
FLOUR = claim(
    "r-flour",
    ARTICLE_B,
    "seizure",
    "صادرت الأسايش 40 طناً من الطحين في القامشلي",
    actor1=actor("SDF_ASAYISH", "الأسايش", TEXT_B),
    place=QAMISHLI,
    quantities=(Quantity(40, "tonne", "flour", None, span(TEXT_B, "40 طناً")),),
    event_id="e-flour",
)
CLAIMS = (KILLING_A, KILLING_B, TAKEN, SUICIDE, ACCUSATION, AMBUSH, FLOUR)


def event_of(event_id: str, *members: Claim, **fields: object) -> Event:
    first = members[0]
    values: dict[str, object] = {
        "id": event_id,
        "action": first.action,
        "status": first.status,
        "actor1": first.actor1,
        "actor2": first.actor2,
        "location": first.location,
        "date": MONDAY,
        "fatalities": first.fatalities,
        "record_ids": tuple(c.id for c in members),
        "article_ids": tuple(dict.fromkeys(c.article_id for c in members)),
        "outlets": tuple(dict.fromkeys(str(ARTICLES[c.article_id].outlet) for c in members)),
        "independent_sources": len({c.article_id for c in members}),
        "disputes": (),
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


FATALITIES_DISPUTE = Dispute(
    "fatalities",
    (
        DisputeValue(3, None, ("r-kill-a",), ("a-daraa24",), ("Daraa 24", "local activists")),
        DisputeValue(5, None, ("r-kill-b",), ("a-enab",), ("Enab Baladi", "medical sources")),
    ),
)
EVENTS = (
    event_of("e-kill", KILLING_A, KILLING_B, disputes=(FATALITIES_DISPUTE,), story_id="s-daraa"),
    event_of("e-taken", TAKEN),
    event_of("e-suicide", SUICIDE),
    event_of("e-accuse", ACCUSATION),
    event_of("e-ambush", AMBUSH),
    event_of("e-flour", FLOUR),
)
