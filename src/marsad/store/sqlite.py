"""The SQLite store: one file, WAL journal, foreign keys on, migrated in place on open."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from marsad import codec
from marsad.errors import StoreError
from marsad.model import (
    AnalyzedArticle,
    Article,
    Claim,
    Event,
    Failure,
    Mention,
    Story,
)
from marsad.store.base import Store
from marsad.store.migrations import FILTER_COLUMNS_VERSION, MIGRATIONS, Migration, statements
from marsad.store.reads import SQLITE, Row
from marsad.store.rows import (
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    FAILURE_COLUMNS,
    MENTION_COLUMNS,
    article_from,
    article_values,
    backfill_batches,
    backfill_select,
    claim_rows,
    claims_from,
    dumps,
    event_article_rows,
    event_row,
    failures_from,
    filter_update_sql,
    mention_row,
    mentions_from,
    now,
    search_body,
    search_words,
    story_row,
)
from marsad.text.normalize import normalize_key

# Milliseconds a writer waits for another connection's lock before giving up.
_BUSY_TIMEOUT_MS = 10_000
# Ids per `IN (...)` query: well under SQLite's variable limit on every version.
_IN_CHUNK = 500


class SqliteStore(Store):
    dialect = SQLITE

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open_file(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> SqliteStore:
        if path.exists() and path.is_dir():
            raise StoreError(f"cannot open store {path}: it is a folder")
        try:
            connection = sqlite3.connect(path, isolation_level=None)  # transactions are explicit
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        store = cls(connection, path)
        try:
            store._configure()
            store._migrate(migrations)
        except (sqlite3.Error, StoreError) as exc:
            connection.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        return store

    def _configure(self) -> None:
        self._db.create_function("normalize_key", 1, normalize_key, deterministic=True)
        self._db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        self._db.execute("PRAGMA journal_mode = WAL").fetchone()
        self._db.execute("PRAGMA synchronous = NORMAL")  # durable enough in WAL mode
        self._db.execute("PRAGMA foreign_keys = ON")

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        known = {m.version for m in MIGRATIONS}
        if applied - known:
            raise StoreError(
                f"store {self.path} has schema version {max(applied)}, newer than this marsad "
                f"knows ({max(known)}): upgrade marsad"
            )
        for migration in sorted(migrations):
            if migration.version not in applied:
                self._apply(migration)

    def _apply(self, migration: Migration) -> None:
        record = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"
        with self._transaction():
            for statement in statements(migration.sql):
                self._db.execute(statement)
            if migration.version == FILTER_COLUMNS_VERSION:
                self._backfill_filter_columns()
            self._db.execute(record, (migration.version, migration.name, now()))

    def _backfill_filter_columns(self) -> None:
        """Fill migration 3's columns for the rows stored before it, from their JSON."""

        def read(table: str, after: str) -> list[tuple[str, str]]:
            return self._db.execute(backfill_select(table, "?"), (after,)).fetchall()

        for table, updates, event_articles in backfill_batches(read):
            self._db.executemany(filter_update_sql(table, "?"), updates)
            self._db.executemany(
                "INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?, ?)",
                event_articles,
            )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One atomic unit: all of it is written or, on any error, none of it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to store {self.path}: {exc}") from exc
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._db.execute("ROLLBACK")
            raise StoreError(f"cannot commit to store {self.path}: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    @property
    def schema_version(self) -> int:
        row = self._db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # --- per-article results ------------------------------------------------------------------

    def put_analysis(self, analyzed: AnalyzedArticle) -> bool:
        article = analyzed.article
        strays = [c.id for c in analyzed.claims if c.article_id != article.id]
        if strays:
            raise StoreError(f"claims {', '.join(strays)} do not belong to article {article.id}")
        try:
            with self._transaction():
                changed = self._put_article(article)
                self._put_mentions(article.id, analyzed.mentions)
                self._put_claims(article.id, analyzed.claims)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store article {article.id}: {exc}") from exc
        return changed

    def _put_article(self, article: Article) -> bool:
        values = article_values(article)
        row = self._db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if row is not None and row[0] == values[-1]:
            return False
        if row is None:
            self._db.execute(
                "INSERT INTO articles (text, outlet, url, published, title, lang, source, "
                "content_hash, ingested_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, now(), article.id),
            )
        else:  # same external id, new text: the new text replaces the old
            self._db.execute(
                "UPDATE articles SET text = ?, outlet = ?, url = ?, published = ?, title = ?, "
                "lang = ?, source = ?, content_hash = ? WHERE id = ?",
                (*values, article.id),
            )
            self._db.execute("DELETE FROM article_search WHERE article_id = ?", (article.id,))
        self._db.execute(
            "INSERT INTO article_search (article_id, body) VALUES (?, ?)",
            (article.id, search_body(article)),
        )
        return True

    def _put_mentions(self, article_id: str, mentions: Sequence[Mention]) -> None:
        self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        self._db.executemany(
            'INSERT INTO mentions (article_id, seq, kind, "start", "end", text, key, rule, score) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [mention_row(article_id, seq, m) for seq, m in enumerate(mentions)],
        )

    def _put_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        """Replace the article's claims, keeping the links of claims that survive a rerun."""
        links = {
            row[0]: (row[1], row[2])
            for row in self._db.execute(
                "SELECT id, event_id, story_id FROM claims WHERE article_id = ?", (article_id,)
            )
        }
        self._db.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        rows = claim_rows(claims, links)
        marks = ", ".join("?" * len(CLAIM_COLUMNS.split(",")))
        self._db.executemany(f"INSERT INTO claims ({CLAIM_COLUMNS}) VALUES ({marks})", rows)

    def has_article(self, article_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def article(self, article_id: str) -> Article | None:
        row = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else article_from(row)

    def articles(self) -> list[Article]:
        rows = self._db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY rowid")
        return [article_from(row) for row in rows]

    def mentions(self, article_id: str) -> list[Mention]:
        rows = self._db.execute(
            f"SELECT {MENTION_COLUMNS} FROM mentions WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
        return mentions_from(rows)

    def claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        select = (
            "SELECT c.json, c.event_id, c.story_id FROM claims c "
            "JOIN articles a ON a.id = c.article_id"
        )
        if article_ids is None:
            return claims_from(self._db.execute(f"{select} ORDER BY a.rowid, c.seq"))
        ids = list(dict.fromkeys(article_ids))
        found: list[tuple[str, str | None, str | None, int, int]] = []
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            marks = ", ".join("?" * len(chunk))
            found.extend(
                self._db.execute(
                    f"SELECT c.json, c.event_id, c.story_id, a.rowid, c.seq FROM claims c "
                    f"JOIN articles a ON a.id = c.article_id WHERE c.article_id IN ({marks})",
                    chunk,
                )
            )
        found.sort(key=lambda row: (row[3], row[4]))
        return claims_from((row[0], row[1], row[2]) for row in found)

    # --- failures and runs --------------------------------------------------------------------

    def put_failure(self, failure: Failure) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT INTO failures (source, stage, reason, article_id, at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, stage, reason, article_id) "
                "DO UPDATE SET at = excluded.at",
                (failure.source, failure.stage, failure.reason, failure.article_id or "", now()),
            )

    def failures(self) -> list[Failure]:
        rows = self._db.execute(f"SELECT {FAILURE_COLUMNS} FROM failures ORDER BY rowid")
        return failures_from(rows)

    def start_run(self) -> int:
        with self._transaction():
            cursor = self._db.execute("INSERT INTO runs (started) VALUES (?)", (now(),))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
                (now(), dumps(dict(counts)), run_id),
            )

    # --- linking ------------------------------------------------------------------------------

    def replace_links(
        self, claims: Sequence[Claim], events: Sequence[Event], stories: Sequence[Story]
    ) -> None:
        with self._transaction():
            self._db.executemany(
                "UPDATE claims SET event_id = ?, story_id = ? WHERE id = ?",
                [(c.event_id, c.story_id, c.id) for c in claims],
            )
            self._db.execute("DELETE FROM event_articles")
            self._db.execute("DELETE FROM events")
            marks = ", ".join("?" * len(EVENT_COLUMNS.split(",")))
            self._db.executemany(
                f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({marks})",
                [event_row(e) for e in events],
            )
            self._db.executemany(
                "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
                event_article_rows(events),
            )
            self._db.execute("DELETE FROM stories")
            self._db.executemany(
                "INSERT INTO stories (id, date_start, date_end, json) VALUES (?, ?, ?, ?)",
                [story_row(s) for s in stories],
            )
            # A claim left pointing at an event that no longer exists is unlinked, not dangling.
            self._db.execute(
                "UPDATE claims SET event_id = NULL, story_id = NULL "
                "WHERE event_id IS NOT NULL AND event_id NOT IN (SELECT id FROM events)"
            )

    def events(self) -> list[Event]:
        rows = self._db.execute("SELECT json FROM events ORDER BY rowid")
        return [codec.event_from_json(json.loads(row[0])) for row in rows]

    def stories(self) -> list[Story]:
        rows = self._db.execute("SELECT json FROM stories ORDER BY rowid")
        return [codec.story_from_json(json.loads(row[0])) for row in rows]

    # --- reading ------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("articles", "mentions", "claims", "events", "stories", "failures", "runs")
        return {t: int(self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    def stamp(self) -> str:
        # Every commit lands in the WAL file (a checkpoint then moves it to the main file), so the
        # two files' sizes and times change with any writer's commit. An empty WAL holds nothing:
        # its time only tells when a connection last created it, so it is left out. This
        # connection's own change count covers writes within one clock tick of the file times.
        parts = []
        for suffix in ("", "-wal"):
            try:
                stat = self.path.with_name(self.path.name + suffix).stat()
            except FileNotFoundError:
                parts.append("-")
                continue
            parts.append(f"{stat.st_size}@{stat.st_mtime_ns if stat.st_size else 0}")
        parts.append(str(self._db.total_changes))
        return " ".join(parts)

    @contextmanager
    def reading(self) -> Iterator[None]:
        # A deferred BEGIN takes no lock; in WAL mode its first read fixes the snapshot the
        # later reads share, and writers go on meanwhile.
        self._db.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            self._db.execute("ROLLBACK")  # nothing to keep: only reads ran

    def _select(self, query: str, params: Sequence[object] = ()) -> list[Row]:
        try:
            return self._db.execute(query, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read store {self.path}: {exc}") from exc

    def search(self, query: str, *, limit: int = 100) -> list[str]:
        words = search_words(query)
        if not words:
            return []
        expression = " AND ".join(f'"{w}"' for w in words)  # \w+ words hold no quote
        rows = self._db.execute(
            "SELECT article_id FROM article_search WHERE article_search MATCH ? "
            "ORDER BY rank LIMIT ?",
            (expression, limit),
        )
        return [row[0] for row in rows]
