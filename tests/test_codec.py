"""Round trips of every model type through JSON text, and clear errors for malformed JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import codec
from marsad.errors import InputError
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
    Failure,
    Mention,
    MentionKind,
    Place,
    PlaceRef,
    Quantity,
    Span,
    Story,
)

words = st.text(min_size=0, max_size=12)
ids = st.text(alphabet="abcdef0123456789-", min_size=1, max_size=10)
opt_words = st.none() | words
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
spans = st.builds(Span, st.integers(0, 10_000), st.integers(0, 10_000), words)
opt_spans = st.none() | spans
intervals = st.builds(DateInterval, dates, dates, st.integers(1, 3))
actors = st.builds(ActorRef, ids, words, opt_spans)
places = st.builds(
    Place,
    gazetteer_id=ids,
    name=words,
    name_ar=words,
    lat=finite,
    lon=finite,
    admin1=opt_words,
    admin2=opt_words,
    admin3=opt_words,
    country=words,
    kind=words,
    pcode=opt_words,
    population=st.none() | st.integers(0, 10**8),
)
place_refs = st.builds(PlaceRef, places, st.integers(1, 3), opt_spans)
quantities = st.builds(Quantity, finite, words, opt_words, opt_words, opt_spans)
attributions = st.builds(Attribution, words, words, opt_spans)
mentions = st.builds(
    Mention, st.sampled_from(list(MentionKind)), spans, st.none() | ids, words, finite
)
claims = st.builds(
    Claim,
    id=ids,
    article_id=ids,
    action=words,
    status=st.sampled_from(["occurred", "denied", "planned", "negated"]),
    actor1=st.none() | actors,
    actor2=st.none() | actors,
    location=st.none() | place_refs,
    date=st.none() | st.builds(DateRef, intervals, opt_spans),
    fatalities=st.none() | st.integers(0, 10_000),
    quantities=st.lists(quantities, max_size=3).map(tuple),
    attributed_to=st.none() | attributions,
    evidence=spans,
    trigger=opt_spans,
    confidence=st.floats(0, 1),
    rule=words,
    event_id=st.none() | ids,
    story_id=st.none() | ids,
    names=st.lists(mentions, max_size=3).map(tuple),
)
id_tuples = st.lists(ids, max_size=3).map(tuple)
dispute_values = st.builds(
    DisputeValue,
    st.none() | words | st.integers(-(10**9), 10**9) | finite,
    opt_words,
    id_tuples,
    id_tuples,
    st.lists(words, max_size=3).map(tuple),
)
events = st.builds(
    Event,
    id=ids,
    action=words,
    status=words,
    actor1=st.none() | actors,
    actor2=st.none() | actors,
    location=st.none() | place_refs,
    date=st.none() | intervals,
    fatalities=st.none() | st.integers(0, 10_000),
    record_ids=id_tuples,
    article_ids=id_tuples,
    outlets=st.lists(words, max_size=3).map(tuple),
    independent_sources=st.integers(0, 20),
    disputes=st.lists(
        st.builds(Dispute, words, st.lists(dispute_values, max_size=3).map(tuple)), max_size=2
    ).map(tuple),
    story_id=st.none() | ids,
)
stories = st.builds(Story, ids, words, id_tuples, st.none() | dates, st.none() | dates)
articles = st.builds(
    Article, ids, words, opt_words, opt_words, st.none() | dates, opt_words, opt_words, opt_words
)
failures = st.builds(Failure, words, words, words, st.none() | ids)


def through_text(d: dict[str, Any]) -> Any:
    """What another process reads back: the dict after JSON text, not the dict itself."""
    return json.loads(json.dumps(d, ensure_ascii=False))


@settings(max_examples=150)
@given(claims)
def test_claim_round_trip(claim: Claim) -> None:
    assert codec.claim_from_json(through_text(codec.claim_to_json(claim))) == claim


@given(events)
def test_event_round_trip(event: Event) -> None:
    assert codec.event_from_json(through_text(codec.event_to_json(event))) == event


@given(stories)
def test_story_round_trip(story: Story) -> None:
    assert codec.story_from_json(through_text(codec.story_to_json(story))) == story


@given(articles)
def test_article_round_trip(article: Article) -> None:
    assert codec.article_from_json(through_text(codec.article_to_json(article))) == article


@given(failures)
def test_failure_round_trip(failure: Failure) -> None:
    assert codec.failure_from_json(through_text(codec.failure_to_json(failure))) == failure


@given(mentions)
def test_mention_round_trip(mention: Mention) -> None:
    assert codec.mention_from_json(through_text(codec.mention_to_json(mention))) == mention


@given(claims)
def test_claim_json_is_a_superset_of_the_schema_record(claim: Claim) -> None:
    schema_record = claim.to_json()
    encoded = codec.claim_to_json(claim)
    assert set(schema_record) <= set(encoded)
    assert encoded["evidence"] == schema_record["evidence"]
    assert encoded["date"] == schema_record["date"]


def test_schema_style_record_without_extras_decodes() -> None:
    record = {
        "id": "r-1",
        "article_id": "a-1",
        "action": "siege_lifted",
        "status": "occurred",
        "location": {
            "name": "Tafas",
            "name_ar": "طفس",
            "lat": 32.74,
            "lon": 35.99,
            "admin1": "Dar'a",
            "country": "SY",
            "geo_precision": 1,
            "gazetteer_id": "g-1",
            "text": "طفس",
            "start": 4,
            "end": 7,
        },
        "date": {"start": "2023-03-13", "end": "2023-03-13", "precision": 1},
        "quantities": [{"value": 46, "unit": "day", "item": "siege", "qualifier": None}],
        "evidence": {"start": 0, "end": 7, "text": "حصار طفس"},
        "confidence": 0.5,
        "rule": "test@1",
    }
    claim = codec.claim_from_json(record)
    assert claim.location is not None and claim.location.span == Span(4, 7, "طفس")
    assert claim.date is not None and claim.date.span is None
    assert claim.quantities[0].value == 46.0 and claim.quantities[0].span is None
    assert claim.actor1 is None and claim.names == ()


@pytest.mark.parametrize(
    ("decode", "data"),
    [
        (codec.claim_from_json, {"id": "r-1"}),
        (codec.claim_from_json, ["not", "an", "object"]),
        (codec.event_from_json, {"id": "e", "action": "x", "status": "y", "date": "2022"}),
        (codec.article_from_json, {"id": "a", "text": "نص", "published": "yesterday"}),
        (codec.story_from_json, {"title": "no id"}),
        (codec.failure_from_json, {"source": "x"}),
    ],
)
def test_malformed_json_raises_input_error(decode: Any, data: Any) -> None:
    with pytest.raises(InputError):
        decode(data)
