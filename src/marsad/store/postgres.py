"""The PostgreSQL store: one database that a team's processes share, migrated in place on open.

Same semantics as the SQLite store, with several writers at once in mind. SQLite serializes
writers with one file lock; here:
- one transaction per article, under an advisory lock on that article's id, so two processes
  storing the same report cannot both insert it;
- every article transaction holds the links lock shared and `replace_links` holds it exclusive,
  so a relinking never interleaves with an article keeping its claims' old links (which could
  then point at events the relinking just removed);
- migrations run in one transaction under their own advisory lock (PostgreSQL's DDL is
  transactional), so two processes opening a new database do not both create it.

psycopg is the optional `postgres` extra: this module is imported only for a `postgresql://` URL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from marsad import codec
from marsad.errors import StoreError

try:
    import psycopg
except ImportError as exc:  # the extra is not installed
    raise StoreError("the PostgreSQL store needs psycopg: pip install 'marsad[postgres]'") from exc

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
from marsad.store.migrations import (
    FILTER_COLUMNS_VERSION,
    POSTGRES_MIGRATIONS,
    Migration,
    statements,
)
from marsad.store.reads import POSTGRES
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

# Advisory lock keys (the two-int4 form): the first names marsad's kind of lock, the second the
# object. The first values spell 'mrs' + a letter, to keep clear of other applications' keys.
_ARTICLE_LOCK = 0x6D727361  # second key: hashtext(article id)
_LINKS_LOCK = 0x6D72736C  # second key: 0
_MIGRATION_LOCK = 0x6D72736D  # second key: 0
# Seconds to wait for a server that does not answer, unless the URL says otherwise.
_CONNECT_TIMEOUT_SECONDS = 10

_COPY_MENTIONS = (
    'COPY mentions (article_id, seq, kind, "start", "end", text, key, rule, score) FROM STDIN'
)
_COPY_CLAIMS = f"COPY claims ({CLAIM_COLUMNS}) FROM STDIN"
_COUNTED = ("articles", "mentions", "claims", "events", "stories", "failures", "runs")

Row = tuple[Any, ...]
_STAMP = (
    "SELECT r.id, r.finished, (SELECT max(pos) FROM articles), (SELECT max(pos) FROM failures), "
    "(SELECT max(pos) FROM events), (SELECT max(pos) FROM stories) "
    "FROM (SELECT NULL) AS one LEFT JOIN (SELECT id, finished FROM runs ORDER BY id DESC LIMIT 1) "
    "AS r ON TRUE"
)

_USER_PASSWORD = re.compile(r"^([a-z]+://[^:/@?]*:)[^@/?]*@")
_QUERY_PASSWORD = re.compile(r"([?&]password=)[^&]*")


def redact(url: str) -> str:
    """The URL without its password (in the user part or the query), for messages."""
    return _QUERY_PASSWORD.sub(r"\1***", _USER_PASSWORD.sub(r"\1***@", url))


def _like_any(word: str) -> str:
    """A LIKE pattern for `word` anywhere, its wildcards taken literally (\\w+ may hold '_')."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class PostgresStore(Store):
    dialect = POSTGRES

    def __init__(self, connection: psycopg.Connection[Row], url: str) -> None:
        self._db = connection
        self.url = redact(url)

    @classmethod
    def open_url(
        cls, url: str, *, migrations: Sequence[Migration] = POSTGRES_MIGRATIONS
    ) -> PostgresStore:
        options: dict[str, Any] = {"autocommit": True}  # transactions are explicit
        if "connect_timeout" not in url:
            options["connect_timeout"] = _CONNECT_TIMEOUT_SECONDS
        try:
            connection = psycopg.connect(url, **options)
        except psycopg.Error as exc:
            reason = str(exc).strip() or type(exc).__name__
            raise StoreError(
                f"cannot connect to the PostgreSQL store {redact(url)}: {reason}"
            ) from exc
        store = cls(connection, url)
        try:
            store._migrate(migrations)
        except (psycopg.Error, StoreError) as exc:
            connection.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot open store {store.url}: {exc}") from exc
        return store

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s, 0)", (_MIGRATION_LOCK,))
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            applied = {r[0] for r in self._db.execute("SELECT version FROM schema_migrations")}
            known = {m.version for m in POSTGRES_MIGRATIONS}
            if applied - known:
                raise StoreError(
                    f"store {self.url} has schema version {max(applied)}, newer than this "
                    f"marsad knows ({max(known)}): upgrade marsad"
                )
            pending = [m for m in sorted(migrations) if m.version not in applied]
            for migration in pending:
                for statement in statements(migration.sql):
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                    (migration.version, migration.name, now()),
                )
            if pending and self._has_table("article_search"):
                self._index_unindexed_articles()
            if any(m.version == FILTER_COLUMNS_VERSION for m in pending):
                self._backfill_filter_columns()

    def _has_table(self, name: str) -> bool:
        row = self._db.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()
        return bool(row and row[0])

    def _index_unindexed_articles(self) -> None:
        """Fill the search index for articles stored before it existed (SQL cannot normalize)."""
        rows = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_search s WHERE s.article_id = a.id)"
        ).fetchall()
        with self._db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO article_search (article_id, body) VALUES (%s, %s)",
                [(row[0], search_body(article_from(row))) for row in rows],
            )

    def _backfill_filter_columns(self) -> None:
        """Fill migration 3's columns for the rows stored before it, from their JSON."""

        def read(table: str, after: str) -> list[tuple[str, str]]:
            return self._db.execute(backfill_select(table, "%s"), (after,)).fetchall()

        for table, updates, event_articles in backfill_batches(read):
            with self._db.cursor() as cursor:
                cursor.executemany(filter_update_sql(table, "%s"), updates)
                cursor.executemany(
                    "INSERT INTO event_articles (event_id, article_id) VALUES (%s, %s) "
                    "ON CONFLICT DO NOTHING",
                    event_articles,
                )

    def close(self) -> None:
        self._db.close()

    @property
    def schema_version(self) -> int:
        row = self._db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0) if row else 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        # READ COMMITTED (the default) would give each statement its own snapshot.
        try:
            with self._db.transaction():
                self._db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield
        except psycopg.Error as exc:
            raise StoreError(f"cannot read store {self.url}: {exc}") from exc

    def _select(self, query: str, params: Sequence[object] = ()) -> list[Row]:
        return self._read(query, params)

    def _read(self, query: str, params: Sequence[object] = ()) -> list[Row]:
        try:
            return self._db.execute(query, params).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"cannot read store {self.url}: {exc}") from exc

    def _write(self, what: str, query: str, params: Sequence[object] = ()) -> list[Row]:
        """One statement in its own transaction (autocommit)."""
        try:
            cursor = self._db.execute(query, params)
            return cursor.fetchall() if cursor.description else []
        except psycopg.Error as exc:
            raise StoreError(f"cannot {what} in store {self.url}: {exc}") from exc

    # --- per-article results ------------------------------------------------------------------

    def put_analysis(self, analyzed: AnalyzedArticle) -> bool:
        article = analyzed.article
        strays = [c.id for c in analyzed.claims if c.article_id != article.id]
        if strays:
            raise StoreError(f"claims {', '.join(strays)} do not belong to article {article.id}")
        try:
            with self._db.transaction():
                self._db.execute(  # in this order everywhere: links, then the article
                    "SELECT pg_advisory_xact_lock_shared(%s, 0), "
                    "pg_advisory_xact_lock(%s, hashtext(%s))",
                    (_LINKS_LOCK, _ARTICLE_LOCK, article.id),
                )
                changed = self._put_article(article)
                self._put_mentions(article.id, analyzed.mentions)
                self._put_claims(article.id, analyzed.claims)
        except psycopg.Error as exc:
            raise StoreError(f"cannot store article {article.id}: {exc}") from exc
        return changed

    def _put_article(self, article: Article) -> bool:
        values = article_values(article)
        row = self._db.execute(
            "SELECT content_hash FROM articles WHERE id = %s", (article.id,)
        ).fetchone()
        if row is not None and row[0] == values[-1]:
            return False
        if row is None:
            self._db.execute(
                "INSERT INTO articles (text, outlet, url, published, title, lang, source, "
                "content_hash, ingested_at, id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (*values, now(), article.id),
            )
        else:  # same external id, new text: the new text replaces the old
            self._db.execute(
                "UPDATE articles SET text = %s, outlet = %s, url = %s, published = %s, "
                "title = %s, lang = %s, source = %s, content_hash = %s WHERE id = %s",
                (*values, article.id),
            )
        self._db.execute(
            "INSERT INTO article_search (article_id, body) VALUES (%s, %s) "
            "ON CONFLICT (article_id) DO UPDATE SET body = excluded.body",
            (article.id, search_body(article)),
        )
        return True

    def _put_mentions(self, article_id: str, mentions: Sequence[Mention]) -> None:
        self._db.execute("DELETE FROM mentions WHERE article_id = %s", (article_id,))
        # COPY: one round trip for an article's hundred-odd mentions, where INSERTs take many.
        with self._db.cursor() as cursor, cursor.copy(_COPY_MENTIONS) as copy:
            for seq, mention in enumerate(mentions):
                copy.write_row(mention_row(article_id, seq, mention))

    def _put_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        """Replace the article's claims, keeping the links of claims that survive a rerun."""
        links = {
            row[0]: (row[1], row[2])
            for row in self._db.execute(
                "DELETE FROM claims WHERE article_id = %s RETURNING id, event_id, story_id",
                (article_id,),
            )
        }
        with self._db.cursor() as cursor, cursor.copy(_COPY_CLAIMS) as copy:
            for row in claim_rows(claims, links):
                copy.write_row(row)

    def has_article(self, article_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM articles WHERE id = %s", (article_id,)))

    def article(self, article_id: str) -> Article | None:
        rows = self._read(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = %s", (article_id,))
        return article_from(rows[0]) if rows else None

    def articles(self) -> list[Article]:
        rows = self._read(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY pos")
        return [article_from(row) for row in rows]

    def mentions(self, article_id: str) -> list[Mention]:
        rows = self._read(
            f"SELECT {MENTION_COLUMNS} FROM mentions WHERE article_id = %s ORDER BY seq",
            (article_id,),
        )
        return mentions_from(rows)

    def claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        select = (
            "SELECT c.json, c.event_id, c.story_id FROM claims c "
            "JOIN articles a ON a.id = c.article_id"
        )
        if article_ids is None:
            rows = self._read(f"{select} ORDER BY a.pos, c.seq")
        else:
            ids = list(dict.fromkeys(article_ids))
            if not ids:
                return []
            # One array parameter, however many ids: no statement-size limit to chunk around.
            rows = self._read(
                f"{select} WHERE c.article_id = ANY(%s) ORDER BY a.pos, c.seq", (ids,)
            )
        return claims_from((data, event_id, story_id) for data, event_id, story_id in rows)

    # --- failures and runs --------------------------------------------------------------------

    def put_failure(self, failure: Failure) -> None:
        # A failure is a diagnostic: a NUL in it (a broken file's bytes quoted in the reason),
        # which PostgreSQL text cannot hold, is shown as U+FFFD rather than lose the failure.
        values = (failure.source, failure.stage, failure.reason, failure.article_id or "")
        self._write(
            "record a failure",
            "INSERT INTO failures (source, stage, reason, article_id, at) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (source, stage, reason, article_id) "
            "DO UPDATE SET at = excluded.at",
            (*(v.replace("\x00", "\ufffd") for v in values), now()),
        )

    def failures(self) -> list[Failure]:
        rows = self._read(f"SELECT {FAILURE_COLUMNS} FROM failures ORDER BY pos")
        return failures_from(rows)

    def start_run(self) -> int:
        rows = self._write(
            "start a run", "INSERT INTO runs (started) VALUES (%s) RETURNING id", (now(),)
        )
        return int(rows[0][0])

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        self._write(
            "finish a run",
            "UPDATE runs SET finished = %s, counts = %s WHERE id = %s",
            (now(), dumps(dict(counts)), run_id),
        )

    # --- linking ------------------------------------------------------------------------------

    def replace_links(
        self, claims: Sequence[Claim], events: Sequence[Event], stories: Sequence[Story]
    ) -> None:
        # COPY into a scratch table and one joined UPDATE: a million claims relink in seconds,
        # where a million single-row UPDATEs would take minutes.
        try:
            with self._db.transaction(), self._db.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", (_LINKS_LOCK,))
                cursor.execute(
                    "CREATE TEMPORARY TABLE new_links (id TEXT, event_id TEXT, story_id TEXT) "
                    "ON COMMIT DROP"
                )
                with cursor.copy("COPY new_links (id, event_id, story_id) FROM STDIN") as copy:
                    for claim in claims:
                        copy.write_row((claim.id, claim.event_id, claim.story_id))
                cursor.execute(
                    "UPDATE claims c SET event_id = n.event_id, story_id = n.story_id "
                    "FROM new_links n WHERE c.id = n.id AND (c.event_id IS DISTINCT FROM "
                    "n.event_id OR c.story_id IS DISTINCT FROM n.story_id)"
                )
                cursor.execute("DELETE FROM event_articles")
                cursor.execute("DELETE FROM events")
                with cursor.copy(f"COPY events ({EVENT_COLUMNS}) FROM STDIN") as copy:
                    for event in events:
                        copy.write_row(event_row(event))
                with cursor.copy("COPY event_articles (event_id, article_id) FROM STDIN") as copy:
                    for pair in event_article_rows(events):
                        copy.write_row(pair)
                cursor.execute("DELETE FROM stories")
                with cursor.copy(
                    "COPY stories (id, date_start, date_end, json) FROM STDIN"
                ) as copy:
                    for story in stories:
                        copy.write_row(story_row(story))
                # A claim left pointing at an event that no longer exists is unlinked, not dangling.
                cursor.execute(
                    "UPDATE claims SET event_id = NULL, story_id = NULL WHERE event_id IS NOT NULL "
                    "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = claims.event_id)"
                )
        except psycopg.Error as exc:
            raise StoreError(f"cannot replace links in store {self.url}: {exc}") from exc

    def events(self) -> list[Event]:
        rows = self._read("SELECT json FROM events ORDER BY pos")
        return [codec.event_from_json(json.loads(row[0])) for row in rows]

    def stories(self) -> list[Story]:
        rows = self._read("SELECT json FROM stories ORDER BY pos")
        return [codec.story_from_json(json.loads(row[0])) for row in rows]

    # --- reading ------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        selects = ", ".join(f"(SELECT count(*) FROM {table})" for table in _COUNTED)
        [row] = self._read(f"SELECT {selects}")
        return {table: int(n) for table, n in zip(_COUNTED, row, strict=True)}

    def stamp(self) -> str:
        # Index-served maxima, not counts over the big tables: a run's start and end, then the
        # newest article, failure, event and story (`pos` only grows; replace_links rewrites all
        # events and stories, so their newest pos moves with every relinking). An article
        # rewritten in place outside a run shows at the next run or relinking.
        [row] = self._read(_STAMP)
        return " ".join("-" if value is None else str(value) for value in row)

    def search(self, query: str, *, limit: int = 100) -> list[str]:
        words = search_words(query)
        if not words:
            return []
        # Every word a substring of the body (the trigram index serves each LIKE); the closest
        # bodies first (trigram similarity favours short, dense reports, as SQLite's bm25 rank
        # does), then the order first stored.
        where = " AND ".join(["s.body LIKE %s"] * len(words))
        rows = self._read(
            "SELECT s.article_id FROM article_search s JOIN articles a ON a.id = s.article_id "
            f"WHERE {where} ORDER BY similarity(s.body, %s) DESC, a.pos LIMIT %s",
            (*[_like_any(w) for w in words], " ".join(words), limit),
        )
        return [row[0] for row in rows]
