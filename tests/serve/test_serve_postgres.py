"""`marsad serve` over a PostgreSQL store: the same API as over SQLite for the same reports, a new
run seen without a restart (the store's stamp), and the CLI keeping the URL's `//`. Skipped
without a test server (MARSAD_TEST_POSTGRES_URL), like the other PostgreSQL tests."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_samples import PostgresServer, fill

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette's notice about its httpx-based client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.cli import main
from marsad.jobs import run_job
from marsad.serve.app import create_app
from marsad.serve.views import StoreView

# Pages whose JSON must be the same over either back end (ids are content hashes: comparable).
PAGES = (
    "/api/health",
    "/api/stats",
    "/api/actors",
    "/api/events?limit=1000",
    "/api/records?limit=1000",
    "/api/stories?limit=1000",
    "/api/timeline",
    "/api/events?q=كنصفرة",
    "/api/records?action=shelling&status=occurred",
    "/api/articles/serve-001",
)


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.text)
    return response.json()


@pytest.fixture(scope="module")
def clients(store_path: Path, pg_store_url: str) -> Iterator[tuple[TestClient, TestClient]]:
    with TestClient(create_app(pg_store_url)) as pg, TestClient(create_app(store_path)) as lite:
        yield pg, lite


def test_the_api_over_postgresql_is_the_api_over_sqlite(
    clients: tuple[TestClient, TestClient],
) -> None:
    pg, lite = clients
    for url in PAGES:
        assert get(pg, url) == get(lite, url), url
    events = get(pg, "/api/events?limit=1000")["items"]
    assert events
    for event in events[:5]:
        path = f"/api/events/{event['id']}"
        assert get(pg, path) == get(lite, path)
    stories = get(pg, "/api/stories")["items"]
    for story in stories[:3]:
        path = f"/api/stories/{story['id']}"
        assert get(pg, path) == get(lite, path)
    get(pg, "/api/events/e-missing", 404)


@pytest.mark.parametrize("fmt", ["jsonl", "events", "acled-csv", "geojson"])
def test_exports_over_postgresql_are_the_exports_over_sqlite(
    clients: tuple[TestClient, TestClient], fmt: str
) -> None:
    pg, lite = clients
    ours = pg.get(f"/api/export/{fmt}")
    assert ours.status_code == 200 and ours.text.strip()
    assert ours.text == lite.get(f"/api/export/{fmt}").text


def test_a_new_run_into_postgresql_is_seen_without_a_restart(
    pg_server: PostgresServer, serve_inputs: list[Path], tmp_path: Path
) -> None:
    url = pg_server.new_database()
    fill(url, serve_inputs)
    view = StoreView(url)
    first = view.snapshot()
    assert view.snapshot() is first  # nothing written: the snapshot is kept
    view.search("كنصفرة"), view.article("serve-001")
    assert view.snapshot() is first  # reading changes nothing either
    with TestClient(create_app(url)) as client:
        before = get(client, "/api/health")["counts"]
        report = tmp_path / "more.jsonl"
        text = "قصفت قوات النظام بلدة كنصفرة في ريف إدلب الجنوبي صباح اليوم."
        row = {"id": "serve-pg-2", "outlet": "Other (invented)", "published": "2024-06-03"}
        report.write_text(json.dumps({**row, "text": text}, ensure_ascii=False) + "\n", "utf-8")
        run_job([report], db=url, progress_stream=None)
        after = get(client, "/api/health")["counts"]
        assert after["articles"] == before["articles"] + 1
        assert after["runs"] == before["runs"] + 1
        assert get(client, "/api/articles/serve-pg-2")["article"]["id"] == "serve-pg-2"
    assert view.snapshot() is not first


def test_serve_takes_a_postgresql_url_whole(
    pg_store_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    assert main(["serve", "--db", pg_store_url, "--port", "8124"]) == 0
    assert calls and calls[0]["port"] == 8124
    assert calls[0]["app"].state.view.target == pg_store_url  # the `//` kept
    assert calls[0]["app"].state.view.snapshot().counts["articles"] > 0
    assert "http://127.0.0.1:8124/" in capsys.readouterr().out
