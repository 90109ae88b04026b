"""Store fixtures: the contract tests run once per back end (SQLite always; PostgreSQL when
MARSAD_TEST_POSTGRES_URL names a server, and skipped with the reason otherwise)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_samples import Backend, PostgresDatabases, postgres_databases

from marsad.store import Store


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PostgresDatabases]:
    yield from postgres_databases()


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "postgres":
        return Backend("postgres", tmp_path, request.getfixturevalue("pg_databases"))
    return Backend("sqlite", tmp_path, None)


@pytest.fixture
def store(backend: Backend) -> Iterator[Store]:
    with Store.open(backend.new_target()) as opened:
        yield opened
