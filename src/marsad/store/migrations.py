"""The store's schema as ordered migrations: a store file records which it has, and opening an
older file applies the rest in place. Never edit a released migration; append a new one.

The SQL is kept portable (standard types, quoted reserved words, ON CONFLICT) except where a
migration says it is SQLite's own (FTS5). `normalize_key(text)` is a SQL function the SQLite
connection registers from `marsad.text.normalize`, so a migration can backfill the search index.
"""

from __future__ import annotations

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

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables", _CORE),
    Migration(2, "normalized full-text search", _SEARCH),
)
