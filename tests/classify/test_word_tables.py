"""The rules of classify and extract that read their words from data/text tables (doer markers,
sponsors, spokesmen, backers, military targets, ousting verbs, partitives, conjoined forces,
place words before a name, units, wounding words, ground weapons, media words, documents, roads,
directions), on short phrases written for these tests."""

from __future__ import annotations

import pytest

from marsad.classify.arguments import (
    _ally_after,
    _ally_before,
    _conjoined_forces,
    _military_target,
    _partitive,
    _patient_first,
    _place_before,
    _spokesman_before,
    _sponsor_before,
    agent_marker,
)
from marsad.classify.attribution import _of_gap, _owned_document, _recipient
from marsad.classify.candidates import _ground_weapon
from marsad.classify.numbers import _mixed, _units, _wounded
from marsad.classify.places import _destination, _road_opener
from marsad.extract.lexical import _media_word_before
from marsad.model import Mention, MentionKind, Span
from marsad.text.normalize import normalize_key


@pytest.mark.parametrize(
    "before",
    [
        "اعتقل الناشط على أيدي ",
        "اعتقل الناشط على ايدي ",
        "خطف الشاب من قبل عناصر من ",
        "خطف الشاب من قبل ما يسمى ب",
        "قتل رجلان برصاص ",
        "قتل رجلان برصاص قناص ",
        "قتلت امرأة بنيران مسلحي ",
        'أصيب طفل بنيران "',
    ],
)
def test_a_doer_marker_right_before_the_actor(before: str) -> None:
    assert agent_marker().search(before)


@pytest.mark.parametrize(
    "before",
    [
        "قصفت الطائرات مواقع ",
        "اعتقل الناشط على ",  # the preposition alone is no marker
        "برصاص في الرأس أطلقه ",  # the marker must end right before the actor
        "قتل رجل بسلاح ",
    ],
)
def test_no_doer_marker(before: str) -> None:
    assert not agent_marker().search(before)


@pytest.mark.parametrize(
    "before",
    [
        "جرت المفاوضات برعاية ",
        "جرت المفاوضات برعاية وضمانة ",
        "وقع الاتفاق بحضور ممثلين عن ",
        "توصل الطرفان إلى هدنة بوساطة من ",
        "تم الاتفاق بإشراف مركز تنسيق المصالحة ",
    ],
)
def test_a_sponsor_before_the_actor(before: str) -> None:
    assert _sponsor_before().search(before)


@pytest.mark.parametrize(
    "before",
    [
        "اجتمع وفد ",
        "جرت المفاوضات برعاية روسية في أنقرة بين وفد ",  # more than four words on
        "جرت المفاوضات تحت الرعاية ",  # the article: not the sponsor word as the rule reads it
    ],
)
def test_no_sponsor_before_the_actor(before: str) -> None:
    assert not _sponsor_before().search(before)


def test_unit_words_are_keyed_as_number_nouns_are() -> None:
    units = _units()
    assert units[normalize_key("عائلة")] == units[normalize_key("عائله")] == ("family", None)
    assert units[normalize_key("شاحنة")] == ("vehicle", "truck")
    assert units[normalize_key("أسير")] == ("person", "prisoners")
    assert normalize_key("مدني") not in units  # people are no unit


@pytest.mark.parametrize(
    ("text", "wounded"),
    [
        ("قتل 3 وأصيب ", True),
        ("سقط 4 قتلى و", False),
        ("وبلغ عدد الجرحى ", True),  # a stem inside a longer word
        ("ونقلت المصابين إلى ", True),
        ("مقتل خمسة مدنيين في ", False),
    ],
)
def test_wounding_words(text: str, wounded: bool) -> None:
    assert bool(_wounded().search(text)) == wounded


def test_dead_and_wounded_joined() -> None:
    assert _mixed().search("سقط عشرة بين قتيل وجريح")
    assert _mixed().search("عشرات الشهداء و الجرحى") is None  # the article: not the rule's nouns
    assert _mixed().search("سقط 5 قتلى و3 جرحى") is None


@pytest.mark.parametrize(
    ("trigger", "ground"),
    [
        ("قصف صاروخي", True),
        ("قصف مدفعي", True),
        ("قذائف الهاون", True),
        ("بقذائف", True),  # the hamza of "قذائف" is matched as the rule keys words
        ("قذيفة", True),
        ("قصف", False),
        ("غارات جوية", False),
    ],
)
def test_ground_weapons_in_a_trigger(trigger: str, ground: bool) -> None:
    mention = Mention(MentionKind.TRIGGER, Span.of(trigger, 0, len(trigger)), "shelling", "t", 1.0)
    assert _ground_weapon(mention) == ground


@pytest.mark.parametrize(
    ("sentence", "military"),
    [
        ("غارات جوية استهدفت مواقع للتنظيم في البادية", True),
        ("قصفت المدفعية المقرات العسكرية", True),
        ("استهدف الطيران رتل الفصائل", True),
        ("اشتعلت النيران بالمستودعات", True),
        ("انتشر الفيديو على مواقع التواصل الاجتماعي", False),  # the web
        ("قتل خمسة مدنيين بقصف على السوق", False),
    ],
)
def test_military_targets(sentence: str, military: bool) -> None:
    assert bool(_military_target().search(sentence)) == military


def test_spokesman_before_whom_they_speak_for() -> None:
    assert _spokesman_before().search("وقال المتحدث باسم ")
    assert _spokesman_before().search("وأعلن الناطق الرسمي باسم ")
    assert _spokesman_before().search("صرح متحدثا الإعلامي باسم ")
    assert not _spokesman_before().search("وقال المتحدث إن ")


@pytest.mark.parametrize(
    "before",
    ["هاجمت الفصائل المدعومة من ", "تقدمت القوات مسنودة بقوات من ", "بدعم من طيران ",
     "بالتعاون  مع "],
)  # fmt: skip
def test_a_backer_before_the_actor(before: str) -> None:
    assert _ally_before().search(before)


def test_no_backer_before_the_actor() -> None:
    assert not _ally_before().search("هاجمت الفصائل مواقع ")
    assert not _ally_before().search("بدعم من التحالف في معركته ضد ")  # too far


def test_a_side_loyal_to_the_one_before() -> None:
    assert _ally_after().match(" والفصائل الموالية لها")
    assert _ally_after().match(" التابعة لها")
    assert not _ally_after().match(" والفصائل المعارضة لها")


@pytest.mark.parametrize(
    ("before", "medium"),
    [("وقالت قناة ", True), ('ونقلت إذاعة "', True), ("ونقلت اذاعة ", True), ("عبر راديو ", True),
     ("في جبال ", False), ("وقالت ", False)],
)  # fmt: skip
def test_a_media_word_before_an_outlet_name(before: str, medium: bool) -> None:
    assert bool(_media_word_before().search(before)) == medium


def test_the_outlet_a_source_spoke_to() -> None:
    assert _recipient().search("وقال مصدر لوكالة ")
    assert _recipient().search('وقال مصدر لـ"')
    assert _recipient().search("وقال مصدر لوكالة الأنباء ")
    assert not _recipient().search("وقال مصدر في ")


def test_unnamed_sources_of_a_named_medium() -> None:
    assert _of_gap().match(" في صحيفة ")
    assert _of_gap().match(" ")
    assert not _of_gap().match(" قالت إن ")


@pytest.mark.parametrize(
    ("before", "road"),
    [("على طريق ", True), ("على الطريق الواصل بين مدينتي ", True),
     ("على أوتوستراد ", True), ("على الطريق الذي  يربط بين ", True),
     ("في مدينة ", False), ("على طريقة ", False)],
)  # fmt: skip
def test_a_road_before_the_first_town(before: str, road: bool) -> None:
    assert bool(_road_opener().search(before)) == road


@pytest.mark.parametrize(
    ("before", "destination"),
    [("نزح الأهالي إلى ", True), ("توجه الرتل باتجاه بلدة ", True), ("فروا صوب ", True),
     ("قصف الطيران ", False), ("إلى ريف مدينة بلدة ", False)],
)  # fmt: skip
def test_a_direction_before_a_place(before: str, destination: bool) -> None:
    assert bool(_destination().search(before)) == destination


@pytest.mark.parametrize(
    ("trigger", "ousting"),
    [("طرد", True), ("وطرد", True), ("بعد إخراج", True), ("دحر", True), ("الطرد", True),
     ("سيطرة", False), ("تقدم", False)],
)  # fmt: skip
def test_a_trigger_whose_object_loses_the_place(trigger: str, ousting: bool) -> None:
    assert bool(_patient_first().match(trigger)) == ousting


def test_a_document_and_its_owner() -> None:
    assert _owned_document().search("وذكر تقرير سابق لـ")
    assert _owned_document().search('في البيان ل"')
    assert not _owned_document().search("وقال مصدر لـ")


@pytest.mark.parametrize(
    ("after_trigger", "partitive"),
    [(" المئات من ", True), (" اليوم عدد من ", True), (" 200 مقاتل من ", True),
     (" الدفعة الأولى من ", True), (" قافلة من ", True), (" مقاتلو ", False),
     (" من ", False)],
)  # fmt: skip
def test_a_part_of_a_group_before_whose_members(after_trigger: str, partitive: bool) -> None:
    assert bool(_partitive().search("خرج" + after_trigger)) == partitive


def test_actors_told_together() -> None:
    assert _conjoined_forces().match(" و")
    assert _conjoined_forces().match("، و ميليشيات ")
    assert _conjoined_forces().match(" والقوات ")
    assert not _conjoined_forces().match(" ضد ")


@pytest.mark.parametrize(
    ("before", "place"),
    [("قصف في ", True), ("في العاصمة السورية ", True), ("وصل إلى مدينة ", True),
     ("قصف ب", True), ("قصف ", False), ("اتهمت ", False)],
)  # fmt: skip
def test_a_place_word_before_a_one_word_name(before: str, place: bool) -> None:
    assert bool(_place_before().search(before)) == place
