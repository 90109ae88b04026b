"""The store interface: what the job, the exports and the API may ask of persistence.

SQLite (`marsad.store.sqlite`, the embedded default) and PostgreSQL (`marsad.store.postgres`, for
a team sharing one database) implement it; `Store.open` chooses by the target's form: a file
path or a `postgresql://` URL.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from marsad.errors import StoreError
from marsad.model import AnalyzedArticle, Article, Claim, Event, Failure, Mention, Story
from marsad.store.reads import SqlReads

_SERVER_SCHEMES = ("postgresql://", "postgres://")
_FOLDED_SCHEMES = ("postgresql:/", "postgres:/")  # what a URL becomes once made a Path


def is_server_url(target: Path | str) -> bool:
    """Whether `target` names a PostgreSQL database rather than an SQLite file.

    A URL must reach here as a string: `Path` would fold its `//` into one slash.
    """
    return isinstance(target, str) and target.startswith(_SERVER_SCHEMES)


class Store(SqlReads, ABC):
    """Articles, their mentions and claims, the linked events and stories, failures and runs.

    The API's filtered and paged reads (`find_events`, `find_claims`, the counts) are written
    once for both back ends in `SqlReads`, over the columns migration 3 adds."""

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating and migrating as needed) the store at `path`: an SQLite file, or a
        PostgreSQL database given as a `postgresql://` URL (the `postgres` extra)."""
        if is_server_url(path):
            # Imported here: psycopg is optional, and the module says so if it is missing.
            from marsad.store.postgres import PostgresStore

            return PostgresStore.open_url(str(path))
        if str(path).startswith(_FOLDED_SCHEMES):
            raise StoreError(f"{path} is a PostgreSQL URL that lost a slash (postgresql://...)")
        from marsad.store.sqlite import SqliteStore

        return SqliteStore.open_file(Path(path))

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    # --- per-article results ------------------------------------------------------------------

    @abstractmethod
    def put_analysis(self, analyzed: AnalyzedArticle) -> bool:
        """Store an article once and replace its mentions and claims, atomically.

        Returns True when the article was new or its text changed, False for a rerun.
        """

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def articles(self) -> list[Article]:
        """Every article, in the order first stored."""

    @abstractmethod
    def mentions(self, article_id: str) -> list[Mention]: ...

    @abstractmethod
    def claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        """Claims (all, or of the given articles), by article then position, with their links."""

    # --- failures and runs --------------------------------------------------------------------

    @abstractmethod
    def put_failure(self, failure: Failure) -> None:
        """Record a failure; the same failure reported again is kept once (with its latest time)."""

    @abstractmethod
    def failures(self) -> list[Failure]: ...

    @abstractmethod
    def start_run(self) -> int: ...

    @abstractmethod
    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None: ...

    # --- linking ------------------------------------------------------------------------------

    @abstractmethod
    def replace_links(
        self, claims: Sequence[Claim], events: Sequence[Event], stories: Sequence[Story]
    ) -> None:
        """Set the claims' event and story ids and replace all events and stories, atomically."""

    @abstractmethod
    def events(self) -> list[Event]: ...

    @abstractmethod
    def stories(self) -> list[Story]: ...

    # --- reading ------------------------------------------------------------------------------

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per kind: articles, mentions, claims, events, stories, failures, runs."""

    @abstractmethod
    def search(self, query: str, *, limit: int = 100) -> list[str]:
        """Ids of articles whose normalized title or text contains every word of `query`."""

    @abstractmethod
    def stamp(self) -> str:
        """A cheap, opaque token that changes when the store's content changes, for a reader
        (`marsad serve`) that keeps what it read until the store changes. Compare two stamps
        only for equality. It may change without a change of content (a reload too many), and
        must change when another process or this store starts or finishes a run, stores a new
        article or failure, or replaces the links."""
