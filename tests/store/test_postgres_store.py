"""The PostgreSQL store's own behaviour (the shared contract is in test_store_contract.py):
upgrading in place, clear errors, and several processes writing one database at once."""

from __future__ import annotations

import multiprocessing
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from store_samples import (
    TEXT,
    PostgresDatabases,
    analysis,
    make_article,
    make_claim,
    postgres_server_url,
    sample_event,
)

from marsad.errors import StoreError
from marsad.model import Article, Failure
from marsad.store import Store
from marsad.store.base import is_server_url
from marsad.store.migrations import MIGRATIONS, POSTGRES_MIGRATIONS


def test_old_store_upgrades_in_place_and_indexes_its_articles(
    pg_databases: PostgresDatabases,
) -> None:
    from marsad.store.postgres import PostgresStore

    url = pg_databases.new()
    article = make_article()
    with PostgresStore.open_url(url, migrations=POSTGRES_MIGRATIONS[:1]) as old:
        assert old.schema_version == 1
        old._db.execute(  # what a version-1 store held: no search index yet
            "INSERT INTO articles (id, text, content_hash, ingested_at) "
            "VALUES (%s, %s, 'h', 'now')",
            (article.id, article.text),
        )
    with Store.open(url) as upgraded:
        assert isinstance(upgraded, PostgresStore)
        assert upgraded.schema_version == POSTGRES_MIGRATIONS[-1].version
        assert upgraded.articles() == [article]
        assert upgraded.search("طفس") == [article.id]


def test_store_from_a_newer_marsad_is_refused(pg_databases: PostgresDatabases) -> None:
    url = pg_databases.new()
    with Store.open(url) as store:
        store._db.execute(  # type: ignore[attr-defined]
            "INSERT INTO schema_migrations VALUES (999, 'future', 'later')"
        )
    with pytest.raises(StoreError, match="newer"):
        Store.open(url)


def test_two_stores_on_one_database_see_each_other(pg_databases: PostgresDatabases) -> None:
    url = pg_databases.new()
    article = make_article()
    with Store.open(url) as writer, Store.open(url) as reader:
        writer.put_analysis(analysis(article, make_claim(article)))
        assert reader.has_article(article.id) and len(reader.claims()) == 1


def test_connection_failure_is_a_store_error_without_the_password() -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    url = "postgresql://marsad:s3cret@127.0.0.1:1/marsad"  # nothing listens on port 1
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL store") as caught:
        Store.open(url)
    assert "s3cret" not in str(caught.value)
    assert "postgresql://marsad:***@127.0.0.1:1/marsad" in str(caught.value)


def test_missing_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    # As if psycopg were not installed: importing it fails, and our module is imported afresh.
    monkeypatch.setitem(sys.modules, "psycopg", None)
    if "marsad.store.postgres" in sys.modules:
        monkeypatch.delitem(sys.modules, "marsad.store.postgres")
    with pytest.raises(StoreError, match=r"pip install 'marsad\[postgres\]'"):
        Store.open("postgresql://127.0.0.1/marsad")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u:pw@db.example/marsad", "postgresql://u:***@db.example/marsad"),
        ("postgresql://u@/marsad?host=/run/pg", "postgresql://u@/marsad?host=/run/pg"),
        (
            "postgresql:///marsad?user=u&password=pw&host=/run/pg",
            "postgresql:///marsad?user=u&password=***&host=/run/pg",
        ),
    ],
)
def test_urls_in_messages_hide_passwords(url: str, shown: str) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    from marsad.store.postgres import redact

    assert redact(url) == shown


# --- several processes writing at once ------------------------------------------------------

SHARED = 8  # articles every worker stores
OWN = 4  # articles only one worker stores
WORKERS = 4


def _article_text(n: int) -> str:
    return f"{TEXT} (تحديث رقم {n})"


def _writer(url: str, worker: int, results: multiprocessing.Queue[tuple[int, int]]) -> None:
    """Store the shared articles and this worker's own, relinking after each; report how many
    the worker found new."""
    new = 0
    with Store.open(url) as store:
        numbers = [*range(SHARED), *(1000 * (worker + 1) + k for k in range(OWN))]
        for n in numbers:
            article = make_article(_article_text(n))
            claim = make_claim(article)
            new += int(store.put_analysis(analysis(article, claim)))
            event = replace(sample_event(claim), id=f"e-{worker}-{n}")
            store.replace_links([replace(claim, event_id=event.id)], [event], [])
    results.put((worker, new))


def test_concurrent_writers_store_each_article_once(pg_databases: PostgresDatabases) -> None:
    url = pg_databases.new()
    Store.open(url).close()  # migrated before the race: the race is about articles and links
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[tuple[int, int]] = context.Queue()
    workers = [context.Process(target=_writer, args=(url, w, results)) for w in range(WORKERS)]
    for process in workers:
        process.start()
    reported = dict(results.get(timeout=120) for _ in workers)
    for process in workers:
        process.join(timeout=60)
        assert process.exitcode == 0
    # Every article is new to exactly one worker: no lost update, no duplicate, no crash.
    assert sum(reported.values()) == SHARED + WORKERS * OWN
    with Store.open(url) as store:
        counts = store.counts()
        assert counts["articles"] == counts["claims"] == counts["mentions"] == SHARED + 4 * OWN
        assert counts["events"] == 1  # the last relinking's, whole
        [event] = store.events()
        linked = [c for c in store.claims() if c.event_id is not None]
        assert [c.event_id for c in linked] == [event.id]  # nothing points at a gone event


def test_concurrent_first_opens_migrate_once(pg_databases: PostgresDatabases) -> None:
    url = pg_databases.new()
    context = multiprocessing.get_context("fork")
    openers = [context.Process(target=_open_and_close, args=(url,)) for _ in range(WORKERS)]
    for process in openers:
        process.start()
    for process in openers:
        process.join(timeout=60)
        assert process.exitcode == 0
    with Store.open(url) as store:
        versions = store._db.execute(  # type: ignore[attr-defined]
            "SELECT version FROM schema_migrations ORDER BY version"
        ).fetchall()
        assert [v for (v,) in versions] == [m.version for m in POSTGRES_MIGRATIONS]


def _open_and_close(url: str) -> None:
    Store.open(url).close()


def test_the_server_url_is_reachable() -> None:
    """When CI sets the server, it must work: a broken server is a failure, not a skip."""
    import psycopg

    with psycopg.connect(postgres_server_url()) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)


def test_a_nul_in_a_failure_is_kept_as_a_replacement_character(
    pg_databases: PostgresDatabases,
) -> None:
    with Store.open(pg_databases.new_schema()) as store:
        store.put_failure(Failure("bad.txt", "ingest", "invalid JSON near 'x\x00y'"))
        assert store.failures() == [Failure("bad.txt", "ingest", "invalid JSON near 'x\ufffdy'")]


def test_an_article_with_a_nul_is_refused_by_name(pg_databases: PostgresDatabases) -> None:
    article = Article(id="ext-nul", text="قصفت قوات النظام بلدة طفس\x00 أمس.")
    with Store.open(pg_databases.new_schema()) as store:
        with pytest.raises(StoreError, match="ext-nul"):
            store.put_analysis(analysis(article))
        assert store.counts()["articles"] == 0


def test_postgres_schema_is_the_shared_core_with_exact_types() -> None:
    core = POSTGRES_MIGRATIONS[0].sql
    assert not re.search(r"\bREAL\b", core)  # PostgreSQL's REAL is 4 bytes: coordinates blur
    assert core.count("DOUBLE PRECISION") == MIGRATIONS[0].sql.count(" REAL")
    assert "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" in core  # runs count up
    for table in ("articles", "events", "stories", "failures"):  # rowid's stand-in
        assert f"ALTER TABLE {table} ADD COLUMN pos" in core
    assert [m.name for m in POSTGRES_MIGRATIONS] == [m.name for m in MIGRATIONS]


@pytest.mark.parametrize(
    ("target", "server"),
    [
        ("postgresql://h/db", True),
        ("postgres://h/db", True),
        ("news.db", False),
        (Path("postgresql://h/db"), False),  # folded by Path: refused by Store.open instead
    ],
)
def test_urls_are_told_from_paths(target: str | Path, server: bool) -> None:
    assert is_server_url(target) is server
