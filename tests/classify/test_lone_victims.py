"""Tolls told without a number (codebook §6): a singular victim noun after a killing word, or
before a killing verb, is 1; its dual, two victims joined by و, or a killed noun in the dual
("قتيلين") is 2."""

from __future__ import annotations

import pytest

from marsad.classify.numbers import lone_victims
from marsad.classify.view import SentenceView
from marsad.model import Span


def _view(text: str) -> SentenceView:
    return SentenceView(0, Span(0, len(text), text), 0, ())


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وكان قُتل أمس عنصر من الفصيل جراء استهداف موقعه", 1),
        ("إن مجموعة مجهولة اغتالت القائد العسكري للفصيل", 1),
        ("وأشار إلى أن مواطناً قتل برصاص مسلحين", 1),
        ("أدى القصف إلى مقتل امرأة ورجل في الحي", 2),
        ("قتل مدنيان وأصيب ثالث", 2),
        ("إن مستشارين عسكريين قتلا في الغارة", 2),
        ("كما قتل قبل نحو أسبوع أحد العاملين في المكتب الإعلامي", 1),
        ("مجهولون يغتالون قيادياً في الفصيل", 1),
        ('بعد يوم من اغتيال "أبو يوسف" في ريف إدلب', 1),
        ("أسفر القصف على البلدة عن قتيلين وعدد من الجرحى", 2),
        ("سقط شهيدان جراء الغارة", 2),
        ("قصفت القوات البلدة، ما أدى لمقتل مدني في المدينة", 1),
        ("وتسبب القصف بمقتل طفلة في الحي", 1),
        ("قتل وجرح 28 مدنياً", None),
        ("قتل أمس المدنيين في الحي", None),
        ("لم يسفر القصف عن مقتل أحد.", None),
        ("قتل المدنيين في الحي", None),
        ("أصيب مدني بجروح", None),
    ],
)
def test_lone_victims(text: str, count: int | None) -> None:
    assert lone_victims(_view(text)) == count
