"""The doer's markers and the sponsor words of classify/arguments, read from data/text tables:
on short phrases written for these tests, the text right before an actor."""

from __future__ import annotations

import pytest

from marsad.classify.arguments import _agent_marker, _sponsor_before


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
    assert _agent_marker().search(before)


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
    assert not _agent_marker().search(before)


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
