"""A small store for the serve tests: the bundled examples, a report written here, a broken line;
in SQLite always, and in PostgreSQL when MARSAD_TEST_POSTGRES_URL names a test server."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_samples import PostgresServer, fill

from marsad.demo import example_reports

# Written for these tests (no gold text): one shelling report from an invented outlet.
OWN_REPORT = {
    "id": "serve-001",
    "outlet": "Serve Test Wire (invented)",
    "published": "2024-06-02",
    "title": "قصف مدفعي على بلدة في ريف إدلب",
    "text": (
        "قصف مدفعي على بلدة في ريف إدلب\n\n"
        "قصفت قوات النظام السوري بالمدفعية الثقيلة، صباح أمس السبت، بلدة كنصفرة في ريف إدلب "
        "الجنوبي، ما أسفر عن مقتل مدنيين اثنين وإصابة ثلاثة آخرين، بحسب ما أفاد به الدفاع المدني."
    ),
}


# `scripts/pg_test_server.sh` starts a throwaway server and prints its URL; CI always sets it.
POSTGRES_URL_VARIABLE = "MARSAD_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def serve_inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The input files every serve store is made from (one place: sources name these paths)."""
    own = tmp_path_factory.mktemp("serve-inputs") / "own.jsonl"
    own.write_text(
        json.dumps(OWN_REPORT, ensure_ascii=False) + "\n" + "{this line is not JSON\n",
        encoding="utf-8",
    )
    return [example_reports(), own]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory, serve_inputs: list[Path]) -> Path:
    db = tmp_path_factory.mktemp("serve") / "serve.db"
    fill(db, serve_inputs)
    return db


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    url = os.environ.get(POSTGRES_URL_VARIABLE, "")
    if not url:
        pytest.skip(
            f"{POSTGRES_URL_VARIABLE} is not set: start a server with "
            "`scripts/pg_test_server.sh` and export its URL to serve from PostgreSQL"
        )
    pytest.importorskip("psycopg", reason="psycopg is missing: pip install 'marsad[postgres]'")
    server = PostgresServer(url)
    yield server
    for name in server.created:
        server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_store_url(pg_server: PostgresServer, serve_inputs: list[Path]) -> str:
    """The same reports as `store_path`, stored in a PostgreSQL database."""
    url = pg_server.new_database()
    fill(url, serve_inputs)
    return url
