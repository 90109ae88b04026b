"""A name right after a building word names the building ("مبنى القصر العدلي"); a name after a
preposition glued to it is where the building is ("منزل بيبرود": a house in Yabroud)."""

from __future__ import annotations

from datetime import date

from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import Article, MentionKind


def _places(body: str) -> list[str]:
    article = Article(id="t", text="عنوان\n\n" + body, published=date(2014, 3, 1))
    mentions = extract_mentions(article, Resources()).mentions
    return [m.span.text for m in mentions if m.kind is MentionKind.PLACE]


def test_a_town_after_a_glued_preposition_is_kept() -> None:
    assert "يبرود" in _places("وقالت المصادر إن الراهبات موجودات في منزل بيبرود وهن بخير.")


def test_a_name_right_after_a_building_word_is_the_building() -> None:
    assert "القصر" not in _places("سيطرت القوات على مبنى القصر العدلي في مدينة الحسكة.")
