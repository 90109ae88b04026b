"""Candidates a careful coder would not code, dropped before the learned filter (reports written
for these tests): a charged or threatened act, the protests as a whole movement, a picture
published, a line that is one word, a standing control, forces linking up, what is feared, a
list of what is asked, a banner's demand, a danger named a threat, what a campaign aims at, a
convoy entering under a deal, goods entering, mines cleared, people going out to protest,
observers arriving, blasts a strike caused, fire in the air, fuel prices. Each rule has a case
where the same word still makes its candidate."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from marsad.classify.candidates import candidates
from marsad.classify.view import views_of
from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.resolve import resolve_mentions


@cache
def _resources() -> Resources:
    return Resources()


def _actions(text: str) -> set[str]:
    article = Article(id="t", text=text, published=date(2018, 5, 2))
    resolution = resolve_mentions(extract_mentions(article, _resources()), _resources())
    return {c.action for c in candidates(views_of(resolution), text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("ورفع الأهالي في معرة النعمان لافتات تتهم روسيا بقتل المدنيين.", "killing"),
        ("وألقى الوزير باللوم على الطائرات الحربية الإسرائيلية في التصعيد.", "air_strike"),
        ("وهدد المسؤول الروسي بقصف مواقع الفصائل في جسر الشغور.", "shelling"),
        ("وقال رئيس الائتلاف إن النظام السوري هو المسؤول عن المجزرة في زملكا.", "killing"),
        ("وصل المراقبون إلى مدينة حماة معقل الاحتجاجات واجتمعوا بالمحافظ.", "protest"),
        ("وفرض الاتحاد عقوبات على مسؤولين بسبب قمع تظاهرات الاحتجاج في درعا.", "protest"),
        ("وأعلن الرئيس الذي يواجه احتجاجات متصاعدة عن إصلاحات جديدة.", "protest"),
        ("ونشرت الشركة صورة لقائمة الأسعار الجديدة في مدينة إدلب.", "mobilization"),
        ("نشر\nقصفت طائرات حربية مبنى في حي المزة بدمشق.", "mobilization"),
        ("واستهدفت المدفعية التركية مواقع تستولي عليها قسد في ريف منبج.", "seizure"),
        (
            "قال مصدر إن وحدات الجيش السوري تلتقي مع القوات المدافعة عن المطار بعد معارك مع داعش.",
            "talks",
        ),
        ("ولم تدخل القوات إلى مدينة هجين خوفا من وجود ألغام زرعها التنظيم.", "explosion"),
        (
            "وطالب المحتجون في سرمدا بإسقاط قائد الهيئة، وتبييض السجون، والإفراج عن المعتقلين.",
            "handover",
        ),
        ("ورفع أهالي مدينة إدلب لافتات، طالبت بإسقاط قائد الهيئة.", "demand"),
        ("وقال الوزير إن أكبر تهديد لبلاده هو الوحدات الكردية في منبج.", "threat"),
        (
            "ويهدف هجوم قسد الذي انطلق الشهر الماضي إلى طرد التنظيم من مدينة الطبقة.",
            "territory_taken",
        ),
        ("ودخلت مجموعة من الجنود مطار كويرس وبدأت بإطلاق النار في الهواء ابتهاجا.", "attack"),
        ("ورفعت شركة وتد للبترول أسعار المحروقات في محافظة إدلب.", "aid_delivery"),
        ("وتزامن ذلك مع دخول 30 سيارة محملة بمواد غذائية إلى بلدة كفريا.", "territory_taken"),
        (
            "وتعمل وحدات الهندسة على تفكيك عشرات الألغام والعبوات الناسفة في مدينة تدمر.",
            "explosion",
        ),
        ("وخرج نحو ألف شخص من مدينة سراقب في تظاهرة جابت الشوارع.", "withdrawal"),
        ("وقالت القناة إن المراقبين وصلوا إلى مدينة حماة واجتمعوا بالمحافظ.", "territory_taken"),
        (
            "وقالت المصادر إن ثلاثة صواريخ استهدفت القاعدة وأسفرت عن انفجارات قوية داخلها.",
            "explosion",
        ),
        ("وقالت المصادر إن المعارضة تدخل المساعدات إلى مدينة حلب.", "incursion"),
    ],
)
def test_no_candidate(text: str, absent: str) -> None:
    assert absent not in _actions(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("قتلت قوات النظام خمسة مدنيين في معرة النعمان، واتهمت الفصائل روسيا بالتصعيد.", "killing"),
        ("ونددت الإدارة الذاتية بالحصار المفروض على حي الشيخ مقصود في حلب.", "siege_imposed"),
        ("وخرجت تظاهرات حاشدة في مدينة حماة بعد صلاة الجمعة.", "protest"),
        ("ونشرت القوات التركية عشرات الجنود في محيط مدينة إدلب.", "mobilization"),
        ("قتل ثلاثة مدنيين بانفجار لغم أرضي في بلدة هجين.", "explosion"),
        ("وطالبت الإدارة الذاتية بالإفراج عن المعتقلين في سجون الهيئة.", "demand"),
        ("وهدد وزير الدفاع التركي الوحدات الكردية في منبج بعملية عسكرية.", "threat"),
        ("وتمكنت قوات سوريا الديمقراطية من طرد التنظيم من مدينة الطبقة.", "territory_taken"),
        ("ودخلت قافلة عسكرية تركية إلى بلدة الأتارب في ريف حلب الغربي.", "incursion"),
        ("وزرع مجهولون عبوة ناسفة في سيارة انفجرت وسط مدينة الباب.", "explosion"),
        ("وخرج مئات المدنيين من مدينة سراقب هربا من القصف.", "displacement"),
        ("ووصلت قوات النظام إلى مشارف مدينة مورك بعد معارك عنيفة.", "territory_taken"),
        ("وقصفت الطائرات البلدة وأدى القصف إلى انفجار سيارة مفخخة قرب السوق.", "explosion"),
        ("وأصيب سائق سيارة مدنية بإطلاق النار عليه من حاجز قرب مدينة حمص.", "attack"),
    ],
)
def test_still_a_candidate(text: str, present: str) -> None:
    assert present in _actions(text)
