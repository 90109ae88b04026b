"""The API's query parameters reach the store's SQL filters as the docs say: each parameter of
/api/events, /api/records and /api/timeline against a plain Python filter over the store's
events and records, and pages cut at their edges, over SQLite and (when a test server is set)
PostgreSQL. The SQL itself is compared filter by filter in tests/store/test_store_reads.py."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette's notice about its httpx-based client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.model import ActorRef, Claim, Event, PlaceRef
from marsad.serve.app import create_app
from marsad.store import Store
from marsad.text.normalize import normalize_key

Item = Claim | Event


def fold(text: str | None) -> str:
    return "" if text is None else normalize_key(text).casefold()


def interval(item: Item) -> tuple[date, date] | None:
    if isinstance(item, Event):
        return None if item.date is None else (item.date.start, item.date.end)
    if item.date is None:
        return None
    return (item.date.interval.start, item.date.interval.end)


def actor_is(wanted: str) -> Callable[[Item], bool]:
    def matches(ref: ActorRef | None) -> bool:
        return ref is not None and (
            wanted in (fold(ref.id), fold(ref.specific_id)) or wanted in fold(ref.name)
        )

    return lambda item: matches(item.actor1) or matches(item.actor2)


def place_has(wanted: str) -> Callable[[Item], bool]:
    def matches(ref: PlaceRef | None) -> bool:
        if ref is None:
            return False
        names = (ref.place.name, ref.place.name_ar, ref.place.admin2)
        return any(wanted in fold(n) for n in names)

    return lambda item: matches(item.location)


def overlaps(since: date | None, until: date | None) -> Callable[[Item], bool]:
    def matches(item: Item) -> bool:
        span = interval(item)
        return (
            span is not None
            and (since is None or span[1] >= since)
            and (until is None or span[0] <= until)
        )

    return matches


def cases(events: list[Event], claims: list[Claim]) -> Iterator[tuple[str, Callable[[Item], bool]]]:
    """(query string, the Python filter it means) for each shared parameter."""
    actions = sorted({e.action for e in events})
    yield f"action={actions[0]}", lambda i: i.action == actions[0]
    yield f"action={actions[0]},{actions[-1]}", lambda i: i.action in (actions[0], actions[-1])
    yield (
        f"action={actions[0]}&action={actions[-1]}",
        lambda i: (
            i.action
            in (
                actions[0],
                actions[-1],
            )
        ),
    )
    yield "status=occurred", lambda i: i.status == "occurred"
    yield "status=denied,planned", lambda i: i.status in ("denied", "planned")
    admin1 = next(e.location.place.admin1 for e in events if e.location and e.location.place.admin1)
    assert admin1 is not None
    yield (
        f"admin1={admin1.upper()}",
        lambda i: i.location is not None and fold(i.location.place.admin1) == fold(admin1),
    )
    for actor in ("syr_gov", "SDF", "forces", "قوات", "nobody-at-all"):
        yield f"actor={actor}", actor_is(fold(actor))
    place = next(e.location.place for e in events if e.location)
    for word in (place.name[:4], place.name_ar[1:4], "nowhere-at-all"):
        yield f"place={word}", place_has(fold(word))
    days = sorted({span[0] for span in map(interval, [*events, *claims]) if span is not None})
    middle = days[len(days) // 2]
    yield f"since={middle}", overlaps(middle, None)
    yield f"until={middle}", overlaps(None, middle)
    yield f"since={days[0]}&until={middle}", overlaps(days[0], middle)
    yield (
        f"action={actions[0]}&since={days[0]}",
        lambda i: i.action == actions[0] and overlaps(days[0], None)(i),
    )


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def served(request: pytest.FixtureRequest, store_path: Path) -> Iterator[tuple[TestClient, Store]]:
    target: Path | str = store_path
    if request.param == "postgres":
        target = request.getfixturevalue("pg_store_url")
    with TestClient(create_app(target)) as client, Store.open(target) as store:
        yield client, store


def ids(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text)
    body: dict[str, Any] = response.json()
    assert body["total"] == len(body["items"]), url
    return [item["id"] for item in body["items"]]


def test_each_parameter_is_the_python_filter(served: tuple[TestClient, Store]) -> None:
    client, store = served
    every_event = ids(client, "/api/events?limit=1000")
    events = store.events_by_id(every_event)
    ordered = [events[i] for i in every_event]  # the listing's order, checked in test_serve_api
    claims = store.claims()
    kept_some = 0
    for query, wanted in cases(ordered, claims):
        expected = [e.id for e in ordered if wanted(e)]
        assert ids(client, f"/api/events?{query}&limit=1000") == expected, query
        assert ids(client, f"/api/records?{query}&limit=1000") == [
            c.id for c in claims if wanted(c)
        ], query
        timeline = client.get(f"/api/timeline?{query}").json()
        assert sum(d["events"] for d in timeline["days"]) + timeline["undated"] == len(expected)
        kept_some += 0 < len(expected) < len(ordered)
    assert kept_some >= 8  # the cases keep some events and drop others


def test_pages_cut_at_their_edges(served: tuple[TestClient, Store]) -> None:
    client, _ = served
    for path in ("/api/events?status=occurred", "/api/records?status=occurred", "/api/stories?"):
        whole = ids(client, f"{path}&limit=1000")
        n = len(whole)
        assert n > 2, path
        for limit in (1, 2, n - 1, n, n + 1):
            for offset in sorted({0, 1, n - 1, n, n + 5}):
                body = client.get(f"{path}&limit={limit}&offset={offset}").json()
                assert body["total"] == n, (path, limit, offset)
                got = [item["id"] for item in body["items"]]
                assert got == whole[offset : offset + limit], (path, limit, offset)
