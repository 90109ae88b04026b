"""The REST API over a real store: shapes, filters, pagination, errors, offsets, exports."""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette's notice about its httpx-based client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.errors import StoreError
from marsad.exporting import export_store
from marsad.serve.app import create_app
from marsad.store import Store

EVENT_KEYS = {
    "id", "story_id", "action", "event_type", "sub_event_type", "plover", "status", "actor1",
    "actor2", "location", "date", "fatalities", "quantities", "attributed_to", "records",
    "articles", "outlets", "n_outlets", "independent_sources", "disputes",
}  # fmt: skip
PAGE_KEYS = {"total", "limit", "offset", "items"}


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.text)
    return response.json()


def all_events(client: TestClient) -> list[dict[str, Any]]:
    body = get(client, "/api/events?limit=1000")
    assert body["total"] == len(body["items"])
    return list(body["items"])


def exported(store_path: Path, fmt: str) -> str:
    out = io.StringIO()
    export_store(store_path, fmt, out)
    return out.getvalue()


# --- health and stats ---------------------------------------------------------------------------


def test_health_and_stats_report_the_store(client: TestClient, store_path: Path) -> None:
    with Store.open(store_path) as store:
        counts = store.counts()
    health = get(client, "/api/health")
    assert health["status"] == "ok" and health["counts"] == counts
    stats = get(client, "/api/stats")
    assert stats["counts"] == counts
    assert sum(stats["events_by_action"].values()) == counts["events"]
    assert stats["failures"] and {"source", "stage", "reason", "article_id"} <= set(
        stats["failures"][0]
    )
    assert stats["dates"]["first"] <= stats["dates"]["last"]


# --- events -------------------------------------------------------------------------------------


def test_events_are_the_events_export_with_corroboration_and_disputes(
    client: TestClient, store_path: Path
) -> None:
    events = all_events(client)
    assert events and all(set(e) == EVENT_KEYS for e in events)
    by_id = {e["id"]: e for e in events}
    lines = [json.loads(line) for line in exported(store_path, "events").splitlines()]
    assert {e["id"] for e in lines} == set(by_id)
    for line in lines:
        assert by_id[line["id"]] == line  # the export's own encoder, field for field
    assert any(e["disputes"] for e in events), "the examples hold disputed events"
    assert any(e["independent_sources"] >= 2 for e in events)


def test_events_come_newest_first_and_page_without_gaps(client: TestClient) -> None:
    events = all_events(client)
    starts = [e["date"]["start"] for e in events if e["date"]]
    assert starts == sorted(starts, reverse=True)
    paged: list[dict[str, Any]] = []
    for offset in range(0, len(events) + 3, 3):
        body = get(client, f"/api/events?limit=3&offset={offset}")
        assert set(body) == PAGE_KEYS and body["total"] == len(events)
        assert body["limit"] == 3 and body["offset"] == offset
        paged.extend(body["items"])
    assert paged == events
    assert get(client, f"/api/events?offset={len(events) + 10}")["items"] == []


def test_event_filters(client: TestClient) -> None:
    events = all_events(client)
    action = events[0]["action"]
    found = get(client, f"/api/events?action={action}&limit=1000")["items"]
    assert found and all(e["action"] == action for e in found)
    assert found == [e for e in events if e["action"] == action]

    two = sorted({e["action"] for e in events})[:2]
    either = get(client, f"/api/events?action={','.join(two)}&limit=1000")["items"]
    assert {e["action"] for e in either} == set(two)

    located = next(e for e in events if e["location"])
    admin1 = located["location"]["admin1"]
    found = get(client, f"/api/events?admin1={admin1.upper()}&limit=1000")["items"]
    assert located in found and all(e["location"]["admin1"] == admin1 for e in found)

    disputed = get(client, "/api/events?disputed=true&limit=1000")["items"]
    assert disputed and all(e["disputes"] for e in disputed)
    undisputed = get(client, "/api/events?disputed=false&limit=1000")["items"]
    assert len(disputed) + len(undisputed) == len(events)

    with_actor = next(e for e in events if e["actor1"])
    actor_id = with_actor["actor1"]["id"]
    found = get(client, f"/api/events?actor={actor_id.lower()}&limit=1000")["items"]
    assert with_actor in found
    assert all(
        actor_id in {(e["actor1"] or {}).get("id"), (e["actor2"] or {}).get("id")} for e in found
    )


def test_event_date_window_keeps_overlapping_events(client: TestClient) -> None:
    events = all_events(client)
    day = next(e for e in events if e["date"])["date"]["start"]
    found = get(client, f"/api/events?since={day}&until={day}&limit=1000")["items"]
    assert found
    for event in found:
        assert event["date"]["start"] <= day <= event["date"]["end"]
    expected = [e for e in events if e["date"] and e["date"]["start"] <= day <= e["date"]["end"]]
    assert found == expected
    later = get(client, f"/api/events?since={day}&limit=1000")["items"]
    assert all(e["date"]["end"] >= day for e in later)


def test_text_search_finds_events_of_matching_reports(client: TestClient) -> None:
    # The report written for these tests names the town; only its events can match.
    found = get(client, "/api/events?q=كنصفرة&limit=1000")["items"]
    assert found and all("serve-001" in e["articles"] for e in found)
    assert get(client, "/api/events?q=كلمةلاتوجد&limit=1000")["items"] == []


def test_timeline_counts_events_per_day(client: TestClient) -> None:
    events = all_events(client)
    timeline = get(client, "/api/timeline")
    days = timeline["days"]
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert sum(d["events"] for d in days) + timeline["undated"] == len(events)
    action = events[0]["action"]
    only = get(client, f"/api/timeline?action={action}")
    assert sum(d["events"] for d in only["days"]) + only["undated"] == sum(
        1 for e in events if e["action"] == action
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=0",
        "/api/events?limit=1001",
        "/api/events?offset=-1",
        "/api/events?since=yesterday",
        "/api/events?since=2023-03-14&until=2023-03-01",
        "/api/events?status=rumoured",
        "/api/events?disputed=perhaps",
        "/api/records?limit=abc",
    ],
)
def test_bad_parameters_are_422_with_a_reason(client: TestClient, url: str) -> None:
    body = get(client, url, 422)
    assert body["detail"]


def test_actors_have_both_names_and_count_events(client: TestClient) -> None:
    actors = get(client, "/api/actors")
    events = all_events(client)
    assert actors
    for actor in actors:
        assert {"id", "name", "name_ar", "parent", "kind", "events"} == set(actor)
        n = sum(
            1
            for e in events
            if actor["id"] in {(e["actor1"] or {}).get("id"), (e["actor2"] or {}).get("id")}
        )
        assert actor["events"] == n > 0
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    regime = next(a for a in actors if a["id"] == "SYR_GOV")
    assert regime["name_ar"] and any("\u0600" <= ch <= "\u06ff" for ch in regime["name_ar"])


# --- one event, side by side ---------------------------------------------------------------------


def test_event_detail_puts_every_record_side_by_side(client: TestClient) -> None:
    for event in all_events(client):
        detail = get(client, f"/api/events/{event['id']}")
        assert detail["event"] == event
        assert [r["id"] for r in detail["records"]] == event["records"]
        assert detail["disputed_fields"] == sorted({d["field"] for d in event["disputes"]})
        for record in detail["records"]:
            assert record["event_id"] == event["id"]
            assert record["article"]["id"] == record["article_id"]
            for key in ("status", "actor1", "actor2", "location", "date", "fatalities"):
                assert key in record
            assert "outlet" in record["article"] and "attributed_to" in record
            assert "quantities" in record and "evidence" in record


def test_evidence_offsets_point_at_the_evidence_text(client: TestClient) -> None:
    checked = 0
    for event in all_events(client):
        for record in get(client, f"/api/events/{event['id']}")["records"]:
            text = get(client, f"/api/articles/{record['article_id']}")["article"]["text"]
            evidence = record["evidence"]
            assert text[evidence["start"] : evidence["end"]] == evidence["text"] != ""
            roles = {s["role"] for s in record["spans"]}
            assert "evidence" in roles
            for span in record["spans"]:
                assert span["record_id"] == record["id"]
                assert text[span["start"] : span["end"]] == span["text"]
                checked += 1
    assert checked > 20


def test_a_disputed_event_names_the_records_behind_each_value(client: TestClient) -> None:
    event = get(client, "/api/events?disputed=true")["items"][0]
    detail = get(client, f"/api/events/{event['id']}")
    records = {r["id"] for r in detail["records"]}
    for dispute in event["disputes"]:
        assert len(dispute["values"]) >= 2
        for value in dispute["values"]:
            assert set(value["records"]) <= records


def test_unknown_ids_are_404(client: TestClient) -> None:
    for url in (
        "/api/events/e-0000000000000000",
        "/api/articles/nope",
        "/api/stories/s-nope",
        "/api/export/pdf",
        "/api/nothing-here",
    ):
        assert get(client, url, 404)["detail"]


# --- articles, records, stories ----------------------------------------------------------------


def test_article_has_its_text_records_and_spans(client: TestClient, store_path: Path) -> None:
    body = get(client, "/api/articles/serve-001")
    article = body["article"]
    assert article["outlet"] == "Serve Test Wire (invented)"
    assert article["published"] == "2024-06-02" and "كنصفرة" in article["text"]
    assert body["records"] and all(r["article_id"] == "serve-001" for r in body["records"])
    starts = [s["start"] for s in body["spans"]]
    assert starts == sorted(starts)
    for span in body["spans"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]
    assert {s["record_id"] for s in body["spans"]} == {r["id"] for r in body["records"]}


def test_records_are_the_jsonl_export_and_filter(client: TestClient, store_path: Path) -> None:
    body = get(client, "/api/records?limit=1000")
    lines = [json.loads(line) for line in exported(store_path, "jsonl").splitlines()]
    assert body["items"] == lines and body["total"] == len(lines)

    event = next(e for e in all_events(client) if len(e["records"]) > 1)
    of_event = get(client, f"/api/records?event_id={event['id']}&limit=1000")["items"]
    assert sorted(r["id"] for r in of_event) == sorted(event["records"])

    of_article = get(client, "/api/records?article_id=serve-001&limit=1000")["items"]
    assert of_article and all(r["article_id"] == "serve-001" for r in of_article)

    shelling = get(client, "/api/records?action=shelling&limit=1000")["items"]
    assert shelling and all(r["action"] == "shelling" for r in shelling)

    first = get(client, "/api/records?limit=2")
    second = get(client, "/api/records?limit=2&offset=2")
    assert first["items"] + second["items"] == lines[:4]

    day = date(2024, 6, 1).isoformat()
    windowed = get(client, f"/api/records?since={day}&until={day}&limit=1000")["items"]
    assert windowed and all(r["date"]["start"] <= day <= r["date"]["end"] for r in windowed)


def test_stories_list_and_detail(client: TestClient) -> None:
    body = get(client, "/api/stories?limit=1000")
    assert set(body) == PAGE_KEYS and body["total"] == len(body["items"]) > 0
    events = {e["id"]: e for e in all_events(client)}
    for story in body["items"]:
        assert {"id", "title", "start", "end", "event_ids", "n_events"} <= set(story)
        detail = get(client, f"/api/stories/{story['id']}")
        assert [e["id"] for e in detail["events"]] == story["event_ids"]
        assert all(events[e["id"]]["story_id"] == story["id"] for e in detail["events"])
    one = get(client, "/api/stories?limit=1&offset=1")
    assert one["items"] == body["items"][1:2]
    story_id = body["items"][0]["id"]
    of_story = get(client, f"/api/events?story_id={story_id}&limit=1000")["items"]
    assert {e["id"] for e in of_story} == set(body["items"][0]["event_ids"])


# --- exports ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("jsonl", "application/x-ndjson"),
        ("events", "application/x-ndjson"),
        ("acled-csv", "text/csv"),
        ("geojson", "application/geo+json"),
    ],
)
def test_exports_are_the_cli_exports(
    client: TestClient, store_path: Path, fmt: str, media: str
) -> None:
    response = client.get(f"/api/export/{fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "attachment" in response.headers["content-disposition"]
    assert response.text == exported(store_path, fmt)


# --- read-only ----------------------------------------------------------------------------------


def test_only_get_is_allowed(client: TestClient) -> None:
    assert client.post("/api/events", json={}).status_code == 405
    assert client.delete("/api/events/x").status_code == 405


def test_serving_does_not_change_the_store(store_path: Path, tmp_path: Path) -> None:
    import hashlib
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copyfile(store_path, copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    with TestClient(create_app(copy)) as fresh:
        event = get(fresh, "/api/events?q=كنصفرة")["items"][0]
        get(fresh, f"/api/events/{event['id']}")
        get(fresh, "/api/articles/serve-001")
        get(fresh, "/api/stats")
        assert fresh.get("/api/export/acled-csv").status_code == 200
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_a_missing_store_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no store"):
        create_app(missing)
    assert not missing.exists()


def test_a_new_run_is_seen_without_a_restart(store_path: Path, tmp_path: Path) -> None:
    from marsad.jobs import run_job

    copy = tmp_path / "copy.db"
    with Store.open(store_path) as source, Store.open(copy) as target:
        for article in source.articles()[:1]:
            from marsad.model import AnalyzedArticle

            own = tuple(source.claims([article.id]))
            target.put_analysis(AnalyzedArticle(article, (), own))
    with TestClient(create_app(copy)) as fresh:
        before = get(fresh, "/api/health")["counts"]["articles"]
        report = tmp_path / "more.jsonl"
        text = "قصفت قوات النظام بلدة كنصفرة في ريف إدلب الجنوبي صباح اليوم."
        row = {"id": "serve-002", "outlet": "Other (invented)", "published": "2024-06-03"}
        report.write_text(json.dumps({**row, "text": text}, ensure_ascii=False) + "\n", "utf-8")
        run_job([report], db=copy, progress_stream=None)
        after = get(fresh, "/api/health")["counts"]["articles"]
        assert after == before + 1
        assert get(fresh, "/api/articles/serve-002")["article"]["id"] == "serve-002"


def test_the_snapshot_is_read_once_until_the_store_changes(store_path: Path) -> None:
    from marsad.serve.views import StoreView

    view = StoreView(store_path)
    first = view.snapshot()
    view.search("كنصفرة")
    view.article("serve-001")
    assert view.snapshot() is first  # reading touches neither the file nor the WAL
