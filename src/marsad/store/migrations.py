"""The store's schema as ordered migrations: a store records which it has, and opening an older
store applies the rest in place. Never edit a released migration; append a new one.

The SQL is kept portable (standard types, quoted reserved words, ON CONFLICT) except where a
migration says it is SQLite's own (FTS5). `normalize_key(text)` is a SQL function the SQLite
connection registers from `marsad.text.normalize`, so a migration can backfill the search index.

PostgreSQL (`POSTGRES_MIGRATIONS`) shares the core tables: the same SQL with SQLite's loose types
made exact (`for_postgres`) and an identity column standing in for SQLite's rowid, which keeps
"the order first stored". Its search index is its own (pg_trgm); the store fills it from Python.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    sql: str


_CORE = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    outlet TEXT,
    url TEXT,
    published TEXT,
    title TEXT,
    lang TEXT,
    source TEXT,
    content_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    key TEXT,
    rule TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    status TEXT NOT NULL,
    event_id TEXT,
    story_id TEXT,
    date_start TEXT,
    date_end TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    json TEXT NOT NULL
);
CREATE INDEX claims_article ON claims (article_id, seq);
CREATE INDEX claims_event ON claims (event_id);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    status TEXT NOT NULL,
    story_id TEXT,
    date_start TEXT,
    date_end TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    json TEXT NOT NULL
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    date_start TEXT,
    date_end TEXT,
    json TEXT NOT NULL
);

CREATE TABLE failures (
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    article_id TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    PRIMARY KEY (source, stage, reason, article_id)
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    counts TEXT
);
"""

# SQLite's own: a trigram FTS5 index of the normalized title and text, so that a query finds a
# name inside its clitic forms (قامشلي in والقامشلي) and folds hamza, harakat and ta marbuta.
_SEARCH = """
CREATE VIRTUAL TABLE article_search USING fts5 (
    article_id UNINDEXED,
    body,
    tokenize = 'trigram'
);
INSERT INTO article_search (article_id, body)
    SELECT id, normalize_key(coalesce(title, '') || ' ' || text) FROM articles;
"""

# What the API filters, orders and counts on, so that the store answers a page of a filtered
# list with one indexed query (`store/reads.py`) instead of the server holding every row: the
# columns of `rows.FILTER_COLUMNS` on claims and events, whether an event is disputed, and which
# articles tell each event (a text search finds articles). Rows stored before this migration are
# filled from their JSON by the store (`backfill_filter_columns`): SQL cannot fold the keys.
_FILTER_COLUMN_NAMES = (
    "actor1_id",
    "actor1_name",
    "actor2_id",
    "actor2_name",
    "actor1_key",
    "actor1_specific_key",
    "actor1_name_key",
    "actor2_key",
    "actor2_specific_key",
    "actor2_name_key",
    "admin1_key",
    "place_name_key",
    "place_name_ar_key",
    "place_admin2_key",
)


def _filter_columns_sql(newest_first: str) -> str:
    """Migration 3, with the one thing the dialects write differently: the newest-first index
    (`newest_first`: its columns, as the events listing orders them)."""
    added = "".join(
        f"ALTER TABLE {table} ADD COLUMN {column} TEXT;\n"
        for table in ("claims", "events")
        for column in _FILTER_COLUMN_NAMES
    )
    return f"""{added}
ALTER TABLE events ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
CREATE TABLE event_articles (
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX events_newest_first ON events ({newest_first});
CREATE INDEX events_action ON events (action);
CREATE INDEX events_admin1 ON events (admin1_key);
CREATE INDEX events_story ON events (story_id);
CREATE INDEX claims_action ON claims (action);
CREATE INDEX claims_admin1 ON claims (admin1_key);
CREATE INDEX claims_story ON claims (story_id);
CREATE INDEX claims_date ON claims (date_start);
"""


FILTER_COLUMNS_VERSION = 3

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables", _CORE),
    Migration(2, "normalized full-text search", _SEARCH),
    # SQLite orders NULL first, so DESC puts the undated last, as the events listing wants.
    Migration(
        FILTER_COLUMNS_VERSION, "API filter columns", _filter_columns_sql("date_start DESC, id")
    ),
)

# SQLite's REAL is 8 bytes, PostgreSQL's 4: coordinates and scores keep their precision only as
# DOUBLE PRECISION. SQLite's `INTEGER PRIMARY KEY` counts up by itself; PostgreSQL's needs to be
# an identity column.
_POSTGRES_TYPES = (
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bINTEGER PRIMARY KEY\b"), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
)


def for_postgres(sql: str) -> str:
    """The portable core SQL with SQLite's loose types made PostgreSQL's exact ones."""
    for pattern, replacement in _POSTGRES_TYPES:
        sql = pattern.sub(replacement, sql)
    return sql


# PostgreSQL has no rowid: `pos` is the order a row was first stored (an upsert keeps it, as an
# SQLite upsert keeps the rowid), for the listings that SQLite orders by rowid.
_ROW_ORDER = """
ALTER TABLE articles ADD COLUMN pos BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX articles_pos ON articles (pos);
ALTER TABLE events ADD COLUMN pos BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE stories ADD COLUMN pos BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE failures ADD COLUMN pos BIGINT GENERATED ALWAYS AS IDENTITY;
"""

# PostgreSQL's own: the normalized title and text (`normalize_key`, computed in Python, so the
# same folding as SQLite's index) under a trigram GIN index, which serves `LIKE '%word%'`: a
# name is found inside its clitic forms, as SQLite's trigram FTS5 finds it. pg_trgm is a
# trusted extension (PostgreSQL 13+): a database owner may create it without superuser.
_POSTGRES_SEARCH = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE article_search (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    body TEXT NOT NULL
);
CREATE INDEX article_search_body ON article_search USING gin (body gin_trgm_ops);
"""

POSTGRES_MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables", for_postgres(_CORE) + _ROW_ORDER),
    Migration(2, "normalized full-text search", _POSTGRES_SEARCH),
    # Ids in code-point order ("C", as Python and SQLite compare), whatever the database's
    # collation, so that a page holds the same events on either back end.
    Migration(
        FILTER_COLUMNS_VERSION,
        "API filter columns",
        _filter_columns_sql('date_start DESC NULLS LAST, id COLLATE "C"'),
    ),
)


def statements(script: str) -> list[str]:
    """The statements of a migration script (no semicolons inside literals in our migrations)."""
    return [s.strip() for s in script.split(";") if s.strip()]
