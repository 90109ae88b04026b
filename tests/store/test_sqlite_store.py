"""The SQLite store's own behaviour (the shared contract is in test_store_contract.py): its WAL
file, upgrading an old file in place, and the targets it refuses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_samples import make_article

from marsad.errors import StoreError
from marsad.store import SqliteStore, Store
from marsad.store.migrations import MIGRATIONS


def test_open_gives_a_wal_sqlite_store_with_all_migrations(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    with Store.open(path) as opened:
        assert isinstance(opened, SqliteStore)
        assert opened.schema_version == MIGRATIONS[-1].version
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_old_store_upgrades_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    article = make_article()
    with SqliteStore.open_file(path, migrations=MIGRATIONS[:1]) as old:
        assert old.schema_version == 1
        old._db.execute(  # what a version-1 marsad wrote: no search index yet
            "INSERT INTO articles (id, text, content_hash, ingested_at) VALUES (?, ?, 'h', 'now')",
            (article.id, article.text),
        )
    with Store.open(path) as upgraded:
        assert isinstance(upgraded, SqliteStore)
        assert upgraded.schema_version == MIGRATIONS[-1].version
        assert upgraded.articles() == [article]
        assert upgraded.search("طفس") == [article.id]


def test_store_from_a_newer_marsad_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'later')")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


@pytest.mark.parametrize("kind", ["folder", "not-a-db", "no-parent", "postgres", "folded-url"])
def test_unopenable_targets_raise_store_error(tmp_path: Path, kind: str) -> None:
    target: Path | str = {
        "folder": tmp_path,
        "not-a-db": tmp_path / "notes.db",
        "no-parent": tmp_path / "missing" / "x.db",
        "postgres": "postgresql://127.0.0.1:1/marsad",  # no server there
        "folded-url": Path("postgresql://127.0.0.1/marsad"),  # a URL that became a Path
    }[kind]
    (tmp_path / "notes.db").write_text("هذا ليس ملف قاعدة بيانات " * 200, encoding="utf-8")
    with pytest.raises(StoreError):
        Store.open(target)
