"""Sample articles, claims and events for the store tests (sentences written for these tests in
the style of a local news report), and the back ends the contract tests run against."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import pytest

from marsad.model import (
    ActorRef,
    AnalyzedArticle,
    Article,
    Claim,
    DateInterval,
    DateRef,
    Event,
    Mention,
    MentionKind,
    Place,
    PlaceRef,
    Span,
)

TEXT = (
    "فرضت قوات النظام السوري، فجر أمس الإثنين، حصاراً خانقاً على بلدة طفس في ريف درعا "
    "الغربي، ومنعت دخول الطحين والأدوية إلى البلدة، بحسب ما أفاد به ناشطون محليون."
)
OTHER_TEXT = (
    "أعلنت قوى الأمن الداخلي فرض حظر تجوال في مدينة القامشلي لمدة يومين، بعد انفجار عبوة "
    "ناسفة قرب دوار الهلالية."
)
TAFAS = Place("g-tafas", "Tafas", "طفس", 32.74, 35.99, "Dar'a", "Dar'a", None, "SY", "town")

# The environment variable naming a PostgreSQL server the tests may create databases on
# (`scripts/pg_test_server.sh` starts one and prints its URL; CI always sets it).
POSTGRES_URL_VARIABLE = "MARSAD_TEST_POSTGRES_URL"


def span_of(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def make_article(text: str = TEXT, **fields: object) -> Article:
    return Article(id=Article.derive_id(text), text=text, **fields)  # type: ignore[arg-type]


def make_claim(article: Article, action: str = "siege_imposed", **fields: object) -> Claim:
    base = Claim(
        id=Claim.derive_id(article.id, action, "occurred", "g-tafas", "2023-03-13", None, None),
        article_id=article.id,
        action=action,
        status="occurred",
        actor1=ActorRef("SYR_GOV", "Government of Syria", span_of(TEXT, "قوات النظام السوري")),
        actor2=None,
        location=PlaceRef(TAFAS, 1, span_of(TEXT, "طفس")),
        date=DateRef(DateInterval(date(2023, 3, 13), date(2023, 3, 13), 1), None),
        fatalities=None,
        quantities=(),
        attributed_to=None,
        evidence=Span.of(article.text, 0, 40),
        trigger=span_of(TEXT, "حصاراً"),
        confidence=0.8123456,
        rule="test@1",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def analysis(article: Article, *claims: Claim) -> AnalyzedArticle:
    mention = Mention(MentionKind.PLACE, span_of(TEXT, "طفس"), "g-tafas", "lexicon.place@1", 0.7)
    return AnalyzedArticle(article=article, mentions=(mention,), claims=claims)


def sample_event(claim: Claim) -> Event:
    return Event(
        id="e-1",
        action=claim.action,
        status="occurred",
        actor1=claim.actor1,
        actor2=None,
        location=claim.location,
        date=None if claim.date is None else claim.date.interval,
        fatalities=None,
        record_ids=(claim.id,),
        article_ids=(claim.article_id,),
        outlets=("درعا 24",),
        independent_sources=1,
        disputes=(),
        story_id="s-1",
    )


def postgres_server_url() -> str:
    """The test server's URL, or skip: without a server the PostgreSQL tests cannot run."""
    url = os.environ.get(POSTGRES_URL_VARIABLE, "")
    if not url:
        pytest.skip(
            f"{POSTGRES_URL_VARIABLE} is not set: start a server with "
            f"`scripts/pg_test_server.sh` and export its URL to run the PostgreSQL store tests"
        )
    pytest.importorskip("psycopg", reason="psycopg is missing: pip install 'marsad[postgres]'")
    return url


class PostgresDatabases:
    """Fresh, empty stores on the test server: whole databases (`new`), or cheaper schemas in one
    shared database (`new_schema`, a fraction of a second less each); all dropped at the end."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self._created: list[str] = []
        self._shared: str | None = None

    def _admin(self, statement: str, url: str | None = None) -> None:
        import psycopg

        with psycopg.connect(url or self.server_url, autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def new(self) -> str:
        """A URL to a new empty database (names are random hex: safe to put in SQL)."""
        name = f"marsad_test_{uuid.uuid4().hex[:16]}"
        self._admin(f'CREATE DATABASE "{name}"')
        self._created.append(name)
        parts = urlsplit(self.server_url)
        return urlunsplit(parts._replace(path=f"/{name}"))

    def new_schema(self) -> str:
        """A URL whose search_path is a new empty schema (then public, where pg_trgm is)."""
        if self._shared is None:
            self._shared = self.new()
            self._admin("CREATE EXTENSION IF NOT EXISTS pg_trgm", self._shared)
        name = f"t_{uuid.uuid4().hex[:16]}"
        self._admin(f"CREATE SCHEMA {name}", self._shared)
        parts = urlsplit(self._shared)
        options = urlencode({"options": f"-c search_path={name},public"}, quote_via=quote)
        query = f"{parts.query}&{options}" if parts.query else options
        return urlunsplit(parts._replace(query=query))

    def drop_all(self) -> None:
        for name in self._created:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._created.clear()
        self._shared = None


def postgres_databases() -> Iterator[PostgresDatabases]:
    databases = PostgresDatabases(postgres_server_url())
    try:
        yield databases
    finally:
        databases.drop_all()


class Backend:
    """Where a contract test's store lives: new targets (a file path or a database URL)."""

    def __init__(self, name: str, tmp_path: Path, databases: PostgresDatabases | None) -> None:
        self.name = name
        self._tmp_path = tmp_path
        self._databases = databases
        self._files = 0

    def new_target(self) -> str | Path:
        if self._databases is not None:
            return self._databases.new_schema()
        self._files += 1
        return self._tmp_path / f"store-{self._files}.db"
