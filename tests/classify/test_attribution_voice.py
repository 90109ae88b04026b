"""`voice_at`: the voice of one event by its place in the sentence (codebook §7). A speech a
sentence opens in a later clause holds from there on; what the sentence told before it keeps
the voice it was in."""

from __future__ import annotations

from datetime import date
from functools import cache

from marsad.classify.attribution import heard, voice_at
from marsad.classify.view import SentenceView, views_of
from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.resolve import resolve_mentions

TEXT = (
    "قصفت قوات النظام بلدة كفرنبل بريف إدلب الجنوبي، وأفادت مصادر محلية بأن الطائرات "
    "الحربية شنت غارات على البلدة."
)


@cache
def _resources() -> Resources:
    return Resources()


def _views(text: str) -> list[SentenceView]:
    article = Article(id="voice", text=text, published=date(2019, 5, 14))
    resources = _resources()
    return views_of(resolve_mentions(extract_mentions(article, resources), resources))


def test_the_clause_before_the_speech_keeps_the_outlets_voice() -> None:
    views = _views(TEXT)
    voices = heard(views, TEXT)
    assert voices[0] is not None  # the sentence names its sources
    assert voice_at(views, voices, 0, TEXT.index("قصفت"), TEXT) is None


def test_the_speech_itself_is_attributed() -> None:
    views = _views(TEXT)
    voices = heard(views, TEXT)
    voice = voice_at(views, voices, 0, TEXT.index("غارات"), TEXT)
    assert voice is not None and voice.kind == "anonymous"


def test_a_trailing_source_holds_for_what_it_follows() -> None:
    text = "قصفت قوات النظام بلدة كفرنبل بريف إدلب الجنوبي، بحسب ما أفادت مصادر محلية."
    views = _views(text)
    voices = heard(views, text)
    assert voice_at(views, voices, 0, text.index("قصفت"), text) is not None


def test_a_verbal_act_is_told_in_the_outlets_voice() -> None:
    text = "قال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت بلدة كفرنبل، واتهم الأهالي النظام."
    views = _views(text)
    voices = heard(views, text)
    assert voice_at(views, voices, 0, text.index("قصفت"), text) is not None
    assert voice_at(views, voices, 0, text.index("اتهم"), text) is None
