"""A kind word for several places ("محافظتي", "بلدات") announces its kinds for every name listed
after it, not only the first: "محافظتي إدلب وحماة" are two governorates, not Idleb and the city
of Hama; a singular kind word announces only its own name."""

from __future__ import annotations

from marsad.extract.entities import KINDS_MARK, place_mentions
from marsad.knowledge.resources import Resources


def _kinds(text: str) -> dict[str, str]:
    return {
        m.span.text: m.rule.partition(KINDS_MARK)[2]
        for m in place_mentions(text, Resources().gazetteer)
    }


def test_two_governorates_after_the_dual() -> None:
    kinds = _kinds("قصفت الطائرات مناطق في محافظتي إدلب وحماة أمس.")
    assert kinds["إدلب"] == kinds["حماة"] == "governorate", kinds


def test_a_list_of_towns_after_the_plural() -> None:
    kinds = _kinds("قصفت الطائرات بلدات كفرنبل وحاس والبارة.")
    assert kinds["كفرنبل"] == kinds["حاس"] == kinds["البارة"] != "", kinds


def test_a_singular_kind_word_announces_only_its_name() -> None:
    kinds = _kinds("قصفت الطائرات بلدة كفرنبل وحاس.")
    assert kinds["كفرنبل"] != "" and kinds["حاس"] == "", kinds
