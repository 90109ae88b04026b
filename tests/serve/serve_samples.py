"""Helpers for the serve tests: a store filled from inputs, databases on a PostgreSQL server."""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from marsad.jobs import run_job


class PostgresServer:
    """New empty databases on the test server, each dropped at the end of the session."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.created: list[str] = []

    def admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def new_database(self) -> str:
        name = f"marsad_serve_{uuid.uuid4().hex[:16]}"  # random hex: safe to put in SQL
        self.admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return urlunsplit(urlsplit(self.url)._replace(path=f"/{name}"))


def fill(db: Path | str, inputs: list[Path]) -> None:
    report = run_job(inputs, db=db, progress_stream=None)
    assert report.records > 0 and report.events > 0
    assert report.failures, "the broken line must be reported as a failure"
